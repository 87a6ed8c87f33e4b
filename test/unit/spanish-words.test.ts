// The Spanish catalog against the English one (issue 31): the same keys, the same placeholders and formatters in
// each sentence, the same plural forms; and Spanish as it renders, dates in Spanish in the program's zone.
import { en } from '../../src/domain/words/en';
import { es } from '../../src/domain/words/es';
import { say } from '../../src/words/say';
import { ruleInWords } from '../../src/words/rules';
import { aPolicy } from '../support/builders';

type Tree = { [key: string]: string | Tree };

/** Every sentence of a catalog by its dotted key. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) found.set(k, v);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*([^}]+?)\s*}}/g)].map((m) => m[1]).sort();

describe('the Spanish words', () => {
  const english = leaves(en as unknown as Tree);
  const spanish = leaves(es as unknown as Tree);

  it('has every key the English has and no other, plural forms included', () => {
    expect([...spanish.keys()]).toEqual([...english.keys()]);
  });

  it('takes the same values with the same formatters in every sentence', () => {
    const differing = [...english].filter(
      ([key, text]) =>
        JSON.stringify([...new Set(placeholders(text))]) !==
        JSON.stringify([...new Set(placeholders(spanish.get(key)!))]),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('renders plurals and dates as a Spanish reader reads them, in the program’s zone', () => {
    const values = { start: '2027-03-01T06:00:00.000Z', end: '2027-03-08T06:00:00.000Z' };
    const overdue = say({ key: 'reminder.debrief_overdue.summary', values, zone: 'America/Chicago' }, undefined, 'es');
    expect(overdue).toContain('lunes, 1 de marzo de 2027, 00:00 (America/Chicago)');
    const one = say('reminder.organizer_at_risk.summary', { name: 'Ana', count: 1 }, 'es');
    const three = say('reminder.organizer_at_risk.summary', { name: 'Ana', count: 3 }, 'es');
    expect(one).not.toBe(three);
    expect(three).toContain('3');
    // A million takes Spanish's third plural form (Intl's `many`): still Spanish, never the English sentence.
    const million = say('reminder.organizer_at_risk.summary', { name: 'Ana', count: 1_000_000 }, 'es');
    expect(million).toBe(three.replace('3', '1000000'));
    // English stays as it was.
    expect(say('reminder.organizer_at_risk.summary', { name: 'Ana', count: 3 })).toBe(
      'Ana has missed 3 debriefs in a row',
    );
  });

  it("says a policy's durations in Spanish inside a Spanish rule, and leaves English as the program wrote it", () => {
    const policy = { ...aPolicy(), debriefGrace: '1 day', escalateAfter: '36 hours', offerExpiresAfter: '2 weeks' };
    const debrief = ruleInWords('debrief', policy, 'America/Chicago', undefined, 'es');
    expect(debrief).toContain('queda atrasado 1 día después');
    expect(debrief).toContain('36 horas más tarde');
    expect(ruleInWords('offer', policy, 'America/Chicago', undefined, 'es')).toContain('vence 2 semanas después');
    const fast = { ...policy, debriefEvery: '6 seconds', debriefDue: undefined };
    expect(ruleInWords('debrief', fast, 'UTC', undefined, 'es')).toContain('vence cada 6 segundos');
    expect(ruleInWords('debrief', policy, 'America/Chicago')).toContain('overdue 1 day after');
    expect(ruleInWords('offer', policy, 'America/Chicago')).toContain('lapses 2 weeks after');
  });
});

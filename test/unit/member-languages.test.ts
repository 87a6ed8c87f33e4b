// The language a member's page is in, and what a member is told of a field filled wrong (issue 31).
import { languageAsked, languageFromHeader } from '../../src/domain/languages';
import { problemsIn } from '../../src/words/problems';
import { refusal } from '../../src/domain/lifecycle';
import { organizerIn, request } from '../support/organizer-states';

describe('the language of a page', () => {
  it("takes the browser's first language the product speaks, by its q-values", () => {
    expect(languageFromHeader('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(languageFromHeader('fr-CA,fr;q=0.9,es;q=0.5,en;q=0.4')).toBe('es');
    expect(languageFromHeader('en;q=0.2, es;q=0.7')).toBe('es');
    expect(languageFromHeader('es;q=0, en')).toBe('en');
    expect(languageFromHeader('de')).toBe('en');
    expect(languageFromHeader(undefined)).toBe('en');
  });

  it('prefers what the page asked for, and falls back to the browser when it is not a language it speaks', () => {
    expect(languageAsked('es', 'en-US')).toBe('es');
    expect(languageAsked('es-MX', undefined)).toBe('es');
    expect(languageAsked('fr', 'es-US,es;q=0.9')).toBe('es');
    expect(languageAsked(undefined, undefined)).toBe('en');
  });
});

describe("a member's problems", () => {
  const spanish = (problems: { field: string; reason: string; check?: string }[], body: unknown) =>
    problemsIn(problems, body, 'es').map((p) => p.reason);

  it('says a field left out (or only spaces) is missing, whichever check failed first', () => {
    const body = { name: '   ', attestations: {} };
    expect(
      spanish(
        [
          { field: 'name', reason: 'must be shorter than or equal to 200 characters', check: 'isLength' },
          { field: 'email', reason: 'must be an email', check: 'isEmail' },
          { field: 'attestations.weeklyHours', reason: 'must be a number', check: 'isNumber' },
          { field: 'accepted', reason: 'choose yes or no', check: 'isBoolean' },
        ],
        body,
      ),
    ).toEqual([
      'Por favor, complete este campo.',
      'Por favor, complete este campo.',
      'Por favor, complete este campo.',
      'Elija sí o no.',
    ]);
  });

  it("names the check's limit from its message, and each end of a length", () => {
    const body = { hours: 90, note: 'x'.repeat(600), name: 'A', entries: [{ hours: 2.3 }], languages: ['xx'] };
    expect(
      spanish(
        [
          { field: 'hours', reason: 'must not be greater than 80', check: 'max' },
          { field: 'note', reason: 'must be shorter than or equal to 500 characters', check: 'isLength' },
          { field: 'name', reason: 'must be longer than or equal to 2 characters', check: 'isLength' },
          { field: 'entries.0.hours', reason: 'must be in quarter hours', check: 'isQuarterHours' },
          { field: 'languages', reason: 'must list up to 20 distinct ISO 639-1 codes', check: 'isLanguageCodes' },
          { field: 'name', reason: 'whatever', check: 'constructor' },
        ],
        body,
      ),
    ).toEqual([
      'Tiene que ser como máximo 80.',
      'Por favor, escriba como máximo 500 caracteres.',
      'Por favor, escriba por lo menos 2 caracteres.',
      'Por favor, escriba las horas en cuartos de hora, como 1.25.',
      'Por favor, elija idiomas de la lista.',
      'Por favor, revise esta respuesta.',
    ]);
  });
});

describe('changing a member’s languages', () => {
  it('changes what they read and speak, and leaves the last hiring step undoable', () => {
    const organizer = organizerIn('role_play');
    expect(organizer.state.lastStep?.action).toBe('record-screening');
    organizer.act('set-languages', { preferredLanguage: 'es', languages: ['es', 'tl'] });
    expect([organizer.state.preferredLanguage, organizer.state.languages]).toEqual(['es', ['es', 'tl']]);
    expect(organizer.state.lastStep?.action).toBe('record-screening');
    // Left out, the languages spoken stay; the same again is refused.
    organizer.act('set-languages', { preferredLanguage: 'en' });
    expect([organizer.state.preferredLanguage, organizer.state.languages]).toEqual(['en', ['es', 'tl']]);
    expect(refusal(organizer.state, request('set-languages', { preferredLanguage: 'en' }), organizer.now)?.code).toBe(
      'conflict',
    );
  });
});

// The catalog of words, rendered through i18next: plurals, instants in the program's zone, words inside words.
import { say } from '../../src/words/say';

describe('say', () => {
  it('picks the plural form by count', () => {
    expect(say({ key: 'reminder.organizer_at_risk.summary', values: { name: 'Ana', count: 3 } })).toBe(
      'Ana has missed 3 debriefs in a row',
    );
    expect(say({ key: 'reminder.organizer_at_risk.summary', values: { name: 'Ana', count: 1 } })).toBe(
      'Ana has missed 1 debrief',
    );
  });

  it("reads instants in the program's zone, or as given when the record kept none", () => {
    const values = { start: '2027-03-01T06:00:00.000Z', end: '2027-03-08T06:00:00.000Z' };
    expect(say({ key: 'reminder.debrief_overdue.summary', values, zone: 'America/Chicago' })).toBe(
      'your debrief for the period from Monday, March 1, 2027 at 00:00 (America/Chicago) is overdue (it was due Monday, March 8, 2027 at 00:00 (America/Chicago))',
    );
    expect(say({ key: 'reminder.debrief_overdue.summary', values })).toBe(
      'your debrief for the period from 2027-03-01T06:00:00.000Z is overdue (it was due 2027-03-08T06:00:00.000Z)',
    );
    expect(
      say({
        key: 'field.periodChoice',
        values: { start: '2027-03-01T06:00:00.000Z', last: '2027-03-08T05:59:59.999Z' },
        zone: 'America/Chicago',
      }),
    ).toBe('Mar 1, 2027 to Mar 7, 2027');
  });

  it('renders words inside words', () => {
    expect(say({ key: 'field.target', values: { what: { key: 'field.conversations' } } })).toBe(
      'Target: Conversations',
    );
  });

  it('refuses a key it does not have and a sentence missing a value', () => {
    expect(() => say('mail.hello')).toThrow('no value for name');
    expect(() => say('nothing.here' as never)).toThrow('no words for nothing.here');
  });
});

// The catalog of words, rendered through i18next: plurals, instants in the program's zone, words inside words.
import { en } from '../../src/domain/words/en';
import { say, sayStored } from '../../src/words/say';

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

  it('says a date it cannot read by failing, not by printing what it was given', () => {
    expect(() => say({ key: 'mail.deadline', values: { at: 'not a date' }, zone: 'America/Chicago' })).toThrow(
      'not an instant',
    );
    expect(() => say({ key: 'mail.deadline', values: { at: '2027-03-01T06:00:00Z' }, zone: 'Mars/Olympus' })).toThrow();
  });

  it('falls back to the sentence kept beside stored words it can no longer render', () => {
    expect(sayStored({ key: 'reminder.debrief_overdue.summary', values: {} }, 'the kept sentence')).toBe(
      'the kept sentence',
    );
  });
});

describe('the words workflows store', () => {
  // Reminders raised by running workflows keep a summary's key and its values (in Temporal and in the read model):
  // a key renamed or a value added here would leave them to their kept English. Change them with a new key instead.
  it('keeps every reminder summary with the values stored runs give it', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)/g)].map((m) => m[1]).sort();
    const stored = Object.fromEntries(
      Object.entries(en.reminder).flatMap(([kind, words]) =>
        typeof words === 'string'
          ? []
          : Object.entries(words)
              .filter(([field]) => /^(summary|pace)/.test(field))
              .map(([field, text]) => [`${kind}.${field}`, placeholders(text)]),
      ),
    );
    expect(stored).toEqual({
      'stage_stalled.summary': ['name', 'since', 'stage'],
      'stage_stalled_escalated.summary': ['name', 'since', 'stage'],
      'offer_expiring.summary': ['expires', 'name'],
      'debrief_due_soon.summary': ['end', 'start'],
      'debrief_overdue.summary': ['end', 'start'],
      'debrief_escalated.summary': ['name', 'start'],
      'organizer_at_risk.summary_one': ['count', 'name'],
      'organizer_at_risk.summary_other': ['count', 'name'],
      'group_debrief_missing.summary': ['end', 'name', 'start'],
      'ride_alongs_behind.summary': ['done', 'name', 'required'],
      'ride_alongs_behind.pace': ['by', 'name', 'projected', 'required'],
      'timesheet_missing.summary': ['end', 'start'],
      'pay_approval_waiting.summary': ['name', 'start'],
      // Stored with name, at, location (and the note of an answer).
      'screening_invitation.summary': ['at', 'location'],
      'screening_reminder.summary': ['at', 'location'],
      'screening_cancelled.summary': ['at'],
      'screening_cant_come.summary': ['at', 'name'],
      'screening_cant_come.summaryWithNote': ['at', 'name', 'note'],
    });
  });
});

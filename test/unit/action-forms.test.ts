// The forms the actions' definitions draw for one record, without a server: what the page and the phone pages show.
import { mergePolicy, policyPresets } from '../../src/domain/policy';
import { formFieldsOf } from '../../src/domain/forms';
import {
  actionDefinitions,
  actionForm as domainForm,
  actions,
  type Action,
  type FormContext,
} from '../../src/domain/lifecycle/by-action';
import { formInWords } from '../../src/words/forms';

/** An action's form as the API answers it: the definition's fields, their labels in words. */
const actionForm = (action: Action, context: FormContext) => formInWords(domainForm(action, context));

const chicago = 'America/Chicago';
// Thursday, March 4, 2027, 18:00 in Chicago.
const now = Date.parse('2027-03-05T00:00:00Z');
const paid = mergePolicy(policyPresets.member_organizer, {});
const context = (patch: Partial<FormContext> = {}): FormContext => ({
  stage: 'active',
  policy: paid,
  timezone: chicago,
  now,
  pendingPeriods: [],
  payPeriods: [],
  trainingsDone: [],
  ...patch,
});

describe("the actions' forms", () => {
  it('draws a form for every action on a bare record, each field named once', () => {
    for (const action of actions) {
      const names = actionForm(action, context()).map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("asks a time sheet's lines from the days of the periods so far, newest first, and the program's kinds", () => {
    const fields = actionForm(
      'submit-timesheet',
      context({
        payPeriods: [
          { start: '2027-03-01T06:00:00Z', end: '2027-03-15T05:00:00Z', status: 'open' },
          { start: '2027-02-15T06:00:00Z', end: '2027-03-01T06:00:00Z', status: 'approved' },
        ],
      }),
    );
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.periodStart).toMatchObject({
      kind: 'choice',
      options: ['2027-03-01T06:00:00Z'],
      optionLabels: ['Mar 1, 2027 to Mar 14, 2027 (no time sheet yet)'],
      value: '2027-03-01T06:00:00Z',
    });
    // Monday to Thursday so far, in Chicago.
    expect(byName['entries.0.date']).toMatchObject({
      label: 'Day 1',
      required: true,
      options: ['2027-03-04', '2027-03-03', '2027-03-02', '2027-03-01'],
    });
    expect(byName['entries.0.hours']).toMatchObject({ label: 'Hours, day 1', kind: 'hours', max: 24, step: 0.25 });
    expect(byName['entries.0.kind']).toMatchObject({ options: paid.pay!.workKinds, value: paid.pay!.workKinds[0] });
    expect(byName['entries.1.kind']).toMatchObject({ required: false });
    expect(byName['entries.1.kind'].value).toBeUndefined();
    // Four days so far: four lines.
    expect(byName['entries.4.date']).toBeUndefined();
  });

  it("offers the oldest sheet waiting for approval first, each with its hours beside its debriefs'", () => {
    const [period] = actionForm(
      'approve-pay-period',
      context({
        payPeriods: [
          {
            start: '2027-02-01T06:00:00Z',
            end: '2027-02-15T06:00:00Z',
            status: 'submitted',
            timesheetHours: 2.5,
            debriefHours: 4,
          },
          { start: '2027-02-15T06:00:00Z', end: '2027-03-01T06:00:00Z', status: 'submitted', timesheetHours: 6 },
          { start: '2027-03-01T06:00:00Z', end: '2027-03-15T05:00:00Z', status: 'open' },
        ],
      }),
    );
    expect(period.optionLabels).toEqual([
      'Feb 1, 2027 to Feb 14, 2027 (time sheet 2.5 h, debriefs 4 h)',
      'Feb 15, 2027 to Feb 28, 2027 (time sheet 6 h, no debrief in)',
    ]);
    expect(period.value).toBe('2027-02-01T06:00:00Z');
  });

  it('asks the stipend once, in minor units, though the API also takes it in major units', () => {
    const names = formFieldsOf(actionDefinitions['record-role-play'].input).map((f) => f.name);
    expect(names).toContain('offer.stipendMinor');
    expect(names).not.toContain('offer.stipend');
  });

  it('starts a group debrief now and a screening a week from now, in the program’s zone', () => {
    expect(actionForm('record-group-debrief', context())[0]).toMatchObject({
      name: 'heldAt',
      value: '2027-03-04T18:00',
    });
    expect(actionForm('schedule-screening', context())[0]).toMatchObject({ name: 'at', value: '2027-03-11T18:00' });
    const moved = actionForm(
      'reschedule-screening',
      context({ screening: { at: '2027-03-09T23:30:00Z', location: 'hall' } }),
    );
    expect(moved.map((f) => f.value)).toEqual(['2027-03-09T17:30', 'hall']);
  });
});

// Pay: a time sheet submitted for a pay period, and the period approved (the rules are in ../pay-periods.ts).
import { localDaysOf } from '../../calendar';
import { capitalized, fieldNamed, formFieldsOf, periodChoice, type FormField, type InputField } from '../../forms';
import type { PayPolicy, TimesheetEntry } from '../../pay';
import {
  approvalRefusal,
  approvePayPeriod as approve,
  submitTimesheet as submit,
  timesheetRefusal,
} from '../pay-periods';
import { asSaid, said } from '../../words/said';
import type { ActionDefinition, FormContext } from './definition';

/** Pay actions are taken while a pay period is open, on an active record or a closed one. */
const payStages = ['active', 'completed', 'terminated', 'withdrawn'] as const;

export interface SubmitTimesheetInput {
  periodStart: string;
  entries: TimesheetEntry[];
  miles?: number;
  /** In whole minor units, by the program's allowance names. */
  allowances?: Record<string, number>;
}

/** A time sheet form offers this many lines (a day, its hours, the kind of work); lines left empty are not sent. */
const timesheetLines = 7;

/** One line of a time sheet, as sent. */
const entryFields: InputField[] = [
  {
    name: 'date',
    label: 'field.day',
    kind: 'day',
    example: '2027-01-05',
    description: 'The local day worked, inside the pay period',
  },
  { name: 'hours', label: 'field.hours', kind: 'hours', max: 24, example: 2.5 },
  {
    name: 'kind',
    label: 'field.kindOfWork',
    kind: 'text',
    max: 50,
    example: 'organizing',
    description: "One of the program's pay.workKinds",
  },
];

/**
 * The lines of a time sheet whose days are `days` (YYYY-MM-DD, newest first): a day, hours and a kind of work, each
 * chosen from the days and the program's kinds (`entries.<n>.<field>`; the first line required, starting at the first
 * kind; a line left alone is not sent), miles when mileage is paid, each allowance in the currency's units.
 */
function timesheetFields(pay: PayPolicy, days: string[]): FormField[] {
  const lines = Array.from({ length: Math.min(timesheetLines, days.length) }, (_, n) => n);
  const line = (n: number) =>
    formFieldsOf(entryFields, `entries.${n}.`).map((field): FormField => {
      const first = n === 0;
      if (field.name.endsWith('.date'))
        return {
          ...field,
          label: said('field.dayNumbered', { n: n + 1 }),
          kind: 'choice',
          options: days,
          required: first,
        };
      const numbered = {
        ...field,
        label: said('field.onDay', { what: asSaid(field.label), n: n + 1 }),
        required: first,
      };
      if (!field.name.endsWith('.kind')) return numbered;
      return { ...numbered, kind: 'choice', options: pay.workKinds, ...(first ? { value: pay.workKinds[0] } : {}) };
    });
  return [
    ...lines.flatMap(line),
    ...(pay.mileageRateMinor ? formFieldsOf(submitTimesheet.input.filter((field) => field.name === 'miles')) : []),
    ...(pay.allowances ?? []).map((a): FormField => ({
      name: `allowances.${a.name}`,
      label: said('field.allowanceIn', { name: capitalized(a.name), currency: pay.currency }),
      kind: 'money',
      required: false,
      min: 0,
      max: a.capMinor / 100,
      step: 0.01,
    })),
  ];
}

/** Pay periods still taking a time sheet, oldest first. */
const takingTimesheets = (context: FormContext) =>
  context.payPeriods.filter((p) => p.status === 'open' || p.status === 'submitted');

export const submitTimesheet: ActionDefinition<SubmitTimesheetInput> = {
  stages: payStages,
  onPayPeriods: true,
  organizerMay: true,
  input: [
    {
      name: 'periodStart',
      label: 'field.payPeriod',
      kind: 'moment',
      description: 'The pay period (from payPeriods on the organizer detail)',
    },
    {
      name: 'entries',
      label: 'field.entries',
      kind: 'list',
      max: 100,
      fields: entryFields,
    },
    {
      name: 'miles',
      label: 'field.miles',
      kind: 'decimal',
      min: 0,
      max: 10_000,
      step: 0.1,
      optional: true,
      example: 42.5,
      description: 'Miles driven, to a tenth',
    },
    {
      name: 'allowances',
      label: 'field.allowances',
      kind: 'amounts',
      optional: true,
      example: { phone: 2500 },
      description: "Allowances claimed (the program's pay.allowances), in whole minor units (cents)",
    },
  ],
  /** The pay periods taking a time sheet and the lines of their days so far, newest first. */
  form(context) {
    const periods = takingTimesheets(context);
    const days = periods
      .flatMap((p) => localDaysOf(Date.parse(p.start), Date.parse(p.end), context.timezone, context.now))
      .reverse();
    const chosen = periods.map((p) => ({
      ...p,
      note: said(p.status === 'submitted' ? 'field.timesheetIn' : 'field.noTimesheetYet'),
    }));
    const period = fieldNamed(formFieldsOf(submitTimesheet.input), 'periodStart');
    return [
      periodChoice(period, chosen, context.timezone, periods[0]?.start),
      ...(context.policy.pay ? timesheetFields(context.policy.pay, days) : []),
    ];
  },
  refusal: (state, input, now) => timesheetRefusal(state, input, now),
  apply(state, input, actor, now, changes) {
    submit(state, input, actor, now, changes);
    return true;
  },
};

/** A time sheet's hours beside its period's debriefs': `time sheet 2.5 h, debriefs 4 h`. */
const hoursCompared = (sheet: number, debriefs: number | undefined) =>
  debriefs === undefined
    ? said('field.hoursComparedNoDebrief', { sheet })
    : said('field.hoursCompared', { sheet, debriefs });

export interface ApprovePayPeriodInput {
  periodStart: string;
}

export const approvePayPeriod: ActionDefinition<ApprovePayPeriodInput> = {
  stages: payStages,
  onPayPeriods: true,
  input: [{ name: 'periodStart', label: 'field.payPeriod', kind: 'moment', description: 'The pay period approved' }],
  /** The periods with a time sheet in, the oldest first chosen, each with its sheet's hours beside its debriefs'. */
  form(context) {
    const submitted = context.payPeriods
      .filter((p) => p.status === 'submitted')
      .map((p) => ({ ...p, note: hoursCompared(p.timesheetHours ?? 0, p.debriefHours) }));
    const period = fieldNamed(formFieldsOf(approvePayPeriod.input), 'periodStart');
    return [periodChoice(period, submitted, context.timezone, submitted[0]?.start)];
  },
  refusal: (state, input, now) => approvalRefusal(state, input.periodStart, now),
  apply(state, input, actor, now, changes) {
    approve(state, input.periodStart, actor, now, changes);
    return true;
  },
};

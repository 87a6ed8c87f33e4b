// Pay (docs/design.md §3b): a program's pay policy, its presets per kind, and what one pay period's time sheet is
// worth. Money is integer minor units (cents) of a two-decimal currency, never floats; hours are counted in quarter
// hours. The rounding rules, all here:
//   - hours are whole quarter hours (a time sheet with 1.3 hours is refused, not rounded);
//   - an hourly amount is quarter hours × rate ÷ 4, rounded half up to the minor unit, once per pay period;
//   - mileage is tenths of a mile × rate per mile ÷ 10, rounded half up, once per pay period;
//   - an allowance above its cap is refused at submission; caps on hours cut the latest days' hours first.
import { durationMs, parseDuration } from './durations';
import type { FieldProblem } from './field-problems';
import type { ProgramKind } from './program-kinds';

export const payModels = ['hourly', 'fixed', 'lost_time'] as const;
/** hourly: the organizer is paid per hour; fixed: a stipend per pay period; lost_time: the employer is reimbursed. */
export type PayModel = (typeof payModels)[number];

export const reimbursers = ['national', 'grant', 'local'] as const;
export type Reimburser = (typeof reimbursers)[number];

/** Debrief periods per pay period (1, 2 or 4 of them), or the program's calendar months. */
export type PayPeriodEvery = 1 | 2 | 4 | 'month';

export interface PayPolicy {
  model: PayModel;
  /** Per hour (hourly, lost_time) or per pay period (fixed), in minor units. */
  rateMinor: number;
  /** ISO 4217, a two-decimal currency such as USD. */
  currency: string;
  periodEvery: PayPeriodEvery;
  capHoursPerWeek?: number;
  capHoursPerMonth?: number;
  /** Months (1–12) whose hours are paid (MAPE: lost time August to December); absent: every month. */
  months?: number[];
  /** Per mile, in minor units; absent: mileage is not paid. */
  mileageRateMinor?: number;
  /** Allowances an organizer may claim each pay period, each up to its cap (a phone allowance). */
  allowances?: { name: string; capMinor: number }[];
  /** The kinds of work a time sheet's hours are entered under. */
  workKinds: string[];
  /** Who the local's vouchers go to (its staff hold the national role). */
  reimbursedBy: Reimburser;
  /** A pay period ready for approval this long reminds the coordinator (default 7 days). */
  approveWithin?: string;
  /** Once the record closes, its open pay periods wait this long for time sheets and approval (default 60 days). */
  settleWithin?: string;
}

export const payPresets: Record<ProgramKind, PayPolicy> = {
  // AFT: an hourly stipend for 10 hours a week, paid weekly on time sheets and debriefs; mileage and a phone allowance.
  member_organizer: {
    model: 'hourly',
    rateMinor: 2500,
    currency: 'USD',
    periodEvery: 1,
    capHoursPerWeek: 10,
    mileageRateMinor: 70,
    allowances: [{ name: 'phone', capMinor: 2500 }],
    workKinds: ['organizing', 'training', 'debrief', 'travel'],
    reimbursedBy: 'national',
  },
  // SEIU: seasonal staff, some on leave from their jobs: lost wages every two weeks, mileage and a phone allowance.
  political_organizer: {
    model: 'lost_time',
    rateMinor: 2800,
    currency: 'USD',
    periodEvery: 2,
    capHoursPerWeek: 20,
    mileageRateMinor: 70,
    allowances: [{ name: 'phone', capMinor: 4000 }],
    workKinds: ['voter contact', 'training', 'debrief', 'travel'],
    reimbursedBy: 'national',
  },
  // MAPE: eight hours of lost time a month, August through December, reimbursed to the employer.
  civic_engagement: {
    model: 'lost_time',
    rateMinor: 3000,
    currency: 'USD',
    periodEvery: 'month',
    capHoursPerMonth: 8,
    months: [8, 9, 10, 11, 12],
    workKinds: ['caucus organizing', 'training', 'debrief'],
    reimbursedBy: 'national',
  },
};

export const approveWithinDefault = '7 days';
export const settleWithinDefault = '60 days';

export function approveWithin(pay: PayPolicy): number {
  return durationMs(pay.approveWithin ?? approveWithinDefault);
}

export function settleWithin(pay: PayPolicy): number {
  return durationMs(pay.settleWithin ?? settleWithinDefault);
}

/**
 * A line's mileage and its other allowances apart (`allowancesMinor` holds both; a period approved before mileage was
 * kept apart has it all there, as allowances).
 */
export function mileageApart(figures: { allowancesMinor: number; mileageMinor?: number }): {
  mileageMinor: number;
  otherAllowancesMinor: number;
} {
  const mileageMinor = figures.mileageMinor ?? 0;
  return { mileageMinor, otherAllowancesMinor: figures.allowancesMinor - mileageMinor };
}

/** `1234` USD → `12.34 USD`. */
export function moneyInWords(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

const isWhole = (value: unknown, min: number, max: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** Everything wrong with a pay policy, each naming its field under `field` (`policy.pay.rateMinor`). */
export function payPolicyProblems(pay: unknown, field: string): FieldProblem[] {
  if (pay === undefined) return [];
  if (typeof pay !== 'object' || pay === null || Array.isArray(pay))
    return [
      { field, reason: 'must be an object: { model, rateMinor, currency, periodEvery, workKinds, reimbursedBy }' },
    ];
  const p = pay as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const at = (name: string) => `${field}.${name}`;
  if (!(payModels as readonly unknown[]).includes(p.model))
    problems.push({ field: at('model'), reason: `must be one of ${payModels.join(', ')}` });
  if (!isWhole(p.rateMinor, 0, 10_000_000))
    problems.push({
      field: at('rateMinor'),
      reason: 'must be a whole number of minor units (cents) from 0 to 10000000',
    });
  if (typeof p.currency !== 'string' || !/^[A-Z]{3}$/.test(p.currency))
    problems.push({ field: at('currency'), reason: 'must be a three-letter ISO 4217 code such as USD' });
  if (![1, 2, 4, 'month'].includes(p.periodEvery as never))
    problems.push({ field: at('periodEvery'), reason: "must be 1, 2 or 4 debrief periods, or 'month'" });
  for (const cap of ['capHoursPerWeek', 'capHoursPerMonth'])
    if (p[cap] !== undefined && !isWhole(p[cap], 1, 744))
      problems.push({ field: at(cap), reason: 'must be a whole number of hours from 1 to 744' });
  if (
    p.months !== undefined &&
    (!Array.isArray(p.months) ||
      p.months.length < 1 ||
      p.months.some((m) => !isWhole(m, 1, 12)) ||
      new Set(p.months).size !== p.months.length)
  )
    problems.push({ field: at('months'), reason: 'must list distinct months from 1 (January) to 12 (December)' });
  if (p.mileageRateMinor !== undefined && !isWhole(p.mileageRateMinor, 0, 10_000))
    problems.push({
      field: at('mileageRateMinor'),
      reason: 'must be a whole number of minor units per mile, 0 to 10000',
    });
  if (p.allowances !== undefined) {
    const list = p.allowances;
    const ok =
      Array.isArray(list) &&
      list.length <= 10 &&
      list.every(
        (a) =>
          typeof a === 'object' &&
          a !== null &&
          typeof a.name === 'string' &&
          /^[a-z][a-z0-9 ]{0,29}$/.test(a.name) &&
          isWhole(a.capMinor, 0, 10_000_000),
      ) &&
      new Set(list.map((a) => a.name)).size === list.length;
    if (!ok)
      problems.push({
        field: at('allowances'),
        reason:
          'must be at most 10 of { name (lower case, 1 to 30 characters), capMinor (whole minor units) }, distinct',
      });
  }
  const kinds = p.workKinds;
  if (
    !Array.isArray(kinds) ||
    kinds.length < 1 ||
    kinds.length > 20 ||
    kinds.some((k) => typeof k !== 'string' || k.trim() !== k || k === '' || k.length > 50) ||
    new Set(kinds).size !== kinds.length
  )
    problems.push({ field: at('workKinds'), reason: 'must be 1 to 20 distinct names of 1 to 50 characters' });
  if (!(reimbursers as readonly unknown[]).includes(p.reimbursedBy))
    problems.push({ field: at('reimbursedBy'), reason: `must be one of ${reimbursers.join(', ')}` });
  for (const name of ['approveWithin', 'settleWithin']) {
    const value = p[name];
    if (value !== undefined && ((parseDuration(value) ?? 0) < 1_000 || (parseDuration(value) ?? 0) > 366 * 86_400_000))
      problems.push({ field: at(name), reason: "must be a duration from 1 second to 366 days, such as '7 days'" });
  }
  return problems;
}

/** One line of a time sheet: hours of one kind of work on one local day. */
export interface TimesheetEntry {
  date: string;
  hours: number;
  kind: string;
}

export interface Timesheet {
  entries: TimesheetEntry[];
  miles?: number;
  allowances?: Record<string, number>;
  submittedAt: string;
  submittedBy: string;
}

/** What a pay period is worth once approved. */
export interface PayFigures {
  /** Hours on the time sheet, in quarter hours. */
  quarterHours: number;
  /** Those paid after the caps and months, in quarter hours. */
  paidQuarterHours: number;
  rateMinor: number;
  amountMinor: number;
  /** Mileage and allowances together. */
  allowancesMinor: number;
  /** The mileage among them. */
  mileageMinor: number;
}

/** The Monday (YYYY-MM-DD) of a day's week: weekly caps count Monday to Sunday. */
function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

const halfUp = (numerator: number, denominator: number) =>
  Math.floor((numerator * 2 + denominator) / (2 * denominator));

/**
 * A time sheet's pay under `pay`. `capsUsed` holds quarter hours already paid by week (`week:<monday>`) and month
 * (`month:<YYYY-MM>`) in earlier pay periods; it is updated with this period's paid hours.
 */
export function payFor(pay: PayPolicy, timesheet: Timesheet, capsUsed: Record<string, number>): PayFigures {
  let quarterHours = 0;
  let paidQuarterHours = 0;
  const entries = [...timesheet.entries].sort((a, b) => a.date.localeCompare(b.date));
  for (const entry of entries) {
    const quarters = Math.round(entry.hours * 4);
    quarterHours += quarters;
    if (pay.months && !pay.months.includes(Number(entry.date.slice(5, 7)))) continue;
    const week = `week:${mondayOf(entry.date)}`;
    const month = `month:${entry.date.slice(0, 7)}`;
    let paid = quarters;
    if (pay.capHoursPerWeek !== undefined)
      paid = Math.min(paid, Math.max(0, pay.capHoursPerWeek * 4 - (capsUsed[week] ?? 0)));
    if (pay.capHoursPerMonth !== undefined)
      paid = Math.min(paid, Math.max(0, pay.capHoursPerMonth * 4 - (capsUsed[month] ?? 0)));
    capsUsed[week] = (capsUsed[week] ?? 0) + paid;
    capsUsed[month] = (capsUsed[month] ?? 0) + paid;
    paidQuarterHours += paid;
  }
  const amountMinor = pay.model === 'fixed' ? pay.rateMinor : halfUp(paidQuarterHours * pay.rateMinor, 4);
  const mileage =
    pay.mileageRateMinor && timesheet.miles ? halfUp(Math.round(timesheet.miles * 10) * pay.mileageRateMinor, 10) : 0;
  let allowancesMinor = mileage;
  for (const allowance of pay.allowances ?? [])
    allowancesMinor += Math.min(timesheet.allowances?.[allowance.name] ?? 0, allowance.capMinor);
  return {
    quarterHours,
    paidQuarterHours,
    rateMinor: pay.rateMinor,
    amountMinor,
    allowancesMinor,
    mileageMinor: mileage,
  };
}

/** Keeps only the caps of the weeks and months from `fromDay` (YYYY-MM-DD) on: earlier ones can no longer be paid. */
export function pruneCaps(capsUsed: Record<string, number>, fromDay: string): Record<string, number> {
  const week = mondayOf(fromDay);
  const month = fromDay.slice(0, 7);
  return Object.fromEntries(
    Object.entries(capsUsed).filter(([key, _]) =>
      key.startsWith('week:') ? key.slice(5) >= week : key.slice(6) >= month,
    ),
  );
}

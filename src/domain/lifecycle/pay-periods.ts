// Pay periods (docs/design.md §3b): opened as the debrief periods they cover open, on the same calendar; payable once
// the time sheet is in, every debrief period they overlap has its debrief, and the coordinator approved. The state
// keeps only open ones: an approved period is written to the read models as payable and leaves the state.
import { localDayOf, startOfNextLocalMonth } from '../calendar';
import { durationMs } from '../durations';
import type { Actor, Changes, DebriefPeriod, OpenPayPeriod, OrganizerState, PayPeriodRecord } from '../organizer';
import { approveWithin, moneyInWords, PayPolicy, payFor, pruneCaps, settleWithin, Timesheet } from '../pay';
import type { Refusal } from '../organizer';
import { isClosed } from '../stages';
import { notify, resolve } from './notices';
import { periodEnd } from './rules';
import { iso, ms, saidOf, when } from './time';

type Deadline = { at: number; fire: (changes: Changes) => void };

const zoneOf = (state: OrganizerState) => state.timezone ?? 'UTC';

/** The local day (YYYY-MM-DD) of an instant on the program's calendar. */
export function payDay(state: OrganizerState, instant: number): string {
  return localDayOf(instant, zoneOf(state));
}

/** The end of the pay period starting at `start`: `every` debrief periods on, or the next local month; never past the term. */
function payPeriodEnd(state: OrganizerState, pay: PayPolicy, start: number, first: boolean): number {
  let end: number;
  if (pay.periodEvery === 'month') end = startOfNextLocalMonth(start, zoneOf(state));
  else {
    end = periodEnd(state, start, first);
    for (let i = 1; i < pay.periodEvery; i++) end = periodEnd(state, end);
  }
  return state.endsAt ? Math.min(end, ms(state.endsAt)) : end;
}

function record(state: OrganizerState, period: OpenPayPeriod, status: PayPeriodRecord['status']): PayPeriodRecord {
  return {
    periodStart: period.start,
    periodEnd: period.end,
    status,
    debriefStarts: [...period.debriefs],
    dueAt: period.dueAt,
    ...(period.timesheet ? { timesheet: structuredCopy(period.timesheet) } : {}),
    currency: state.policy.pay!.currency,
    version: state.version + 1,
  };
}

const structuredCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Back from a pause on an interval cadence, whose debrief clock stood still for `shift`: the pay periods running at the
 * pause end that much later too, and the pay calendar goes on from there, so each pay period still covers whole debrief
 * periods (before, the grids parted and one pay period could owe three debriefs).
 */
export function shiftPayCalendar(state: OrganizerState, pausedAt: number, shift: number, changes: Changes): void {
  const book = state.pay;
  if (!book) return;
  const later = (instant: string) => iso(ms(instant) + shift);
  for (const period of book.periods) {
    if (ms(period.end) <= pausedAt) continue;
    period.end = later(period.end);
    period.dueAt = later(period.dueAt);
    changes.payPeriods.push(record(state, period, period.timesheet ? 'submitted' : 'open'));
  }
  if (book.calendarEnd && ms(book.calendarEnd) > pausedAt) book.calendarEnd = later(book.calendarEnd);
}

/** A debrief period opened: the pay periods it falls in open too (or take it on), so they owe its debrief. */
export function coverDebriefPeriod(state: OrganizerState, debrief: DebriefPeriod, changes: Changes): void {
  const pay = state.policy.pay;
  if (!pay) return;
  const book = (state.pay ??= { periods: [], settled: [], capsUsed: {} });
  const start = ms(debrief.start);
  const end = ms(debrief.end);
  let cursor = book.calendarEnd ? ms(book.calendarEnd) : start;
  // Pay periods already opened that this debrief period overlaps take it on.
  for (const period of book.periods)
    if (ms(period.start) < end && start < ms(period.end) && !period.debriefs.includes(debrief.start)) {
      period.debriefs.push(debrief.start);
      changes.payPeriods.push(record(state, period, period.timesheet ? 'submitted' : 'open'));
    }
  // New ones from where the pay calendar stands; one wholly inside a pause (no debrief period in it) is skipped.
  while (cursor < end) {
    const first = book.calendarEnd === undefined;
    const periodEndsAt = payPeriodEnd(state, pay, cursor, first);
    if (periodEndsAt <= cursor) break;
    if (periodEndsAt > start) {
      const period: OpenPayPeriod = {
        start: iso(cursor),
        end: iso(periodEndsAt),
        debriefs: [debrief.start],
        dueAt: iso(periodEndsAt + durationMs(state.policy.debriefGrace)),
        reminded: false,
      };
      book.periods.push(period);
      changes.payPeriods.push(record(state, period, 'open'));
    }
    book.calendarEnd = iso(periodEndsAt);
    cursor = periodEndsAt;
  }
}

/**
 * The record closed at `now`: open pay periods end there, owe only the debriefs of periods already over, and wait
 * `settleWithin`. An erased member's run waits for nothing: their open periods stay as they are in the read models.
 */
export function closePayPeriods(state: OrganizerState, now: number, changes: Changes, erased: boolean): void {
  const book = state.pay;
  if (!book || !state.policy.pay || book.periods.length === 0) return;
  if (erased) {
    book.periods = [];
    return;
  }
  for (const period of book.periods) {
    if (ms(period.end) > now) period.end = iso(now);
    period.debriefs = period.debriefs.filter((start) => {
      const debrief = state.periods.find((p) => p.start === start);
      return debrief && (debrief.submittedAt || ms(debrief.end) <= now);
    });
    period.dueAt = iso(
      Math.max(ms(period.end) + durationMs(state.policy.debriefGrace), Math.min(ms(period.dueAt), now)),
    );
    changes.payPeriods.push(record(state, period, period.timesheet ? 'submitted' : 'open'));
  }
  book.settleBy = iso(now + settleWithin(state.policy.pay));
}

/** Whether the organizer still has a pay period open (a closed record's workflow waits for them). */
export function owesPay(state: OrganizerState): boolean {
  return (state.pay?.periods.length ?? 0) > 0;
}

function missingFor(state: OrganizerState, period: OpenPayPeriod): string[] {
  const missing: string[] = [];
  if (!period.timesheet) missing.push('the time sheet');
  for (const start of period.debriefs) {
    const debrief = state.periods.find((p) => p.start === start);
    if (!debrief?.submittedAt) missing.push(`the debrief for the period from ${when(state, ms(start))}`);
  }
  return missing;
}

/** Whether a pay period has its time sheet and the debrief of every period it covers (what missingFor names). */
export const payPeriodComplete = (state: OrganizerState, period: OpenPayPeriod): boolean =>
  period.timesheet !== undefined &&
  period.debriefs.every((start) => state.periods.find((p) => p.start === start)?.submittedAt);

/** When a pay period became ready for approval (over, time sheet and debriefs in), or undefined while it is not. */
function readySince(state: OrganizerState, period: OpenPayPeriod): number | undefined {
  // Asked at every deadline walk, so it does not put what is missing into words as missingFor does.
  if (!payPeriodComplete(state, period)) return undefined;
  const instants = [ms(period.end), ms(period.timesheet!.submittedAt)];
  for (const start of period.debriefs) instants.push(ms(state.periods.find((p) => p.start === start)!.submittedAt!));
  return Math.max(...instants);
}

/** The pay deadlines: a missing time sheet, an approval waiting too long, and a closed record's last wait. */
export function payDeadlines(state: OrganizerState): Deadline[] {
  const book = state.pay;
  const pay = state.policy.pay;
  if (!book || !pay) return [];
  const due: Deadline[] = [];
  for (const period of book.periods) {
    if (!period.timesheet && !period.reminded) {
      due.push({
        at: ms(period.dueAt),
        fire: (c) => {
          period.reminded = true;
          notify(
            state,
            c,
            'timesheet_missing',
            period.start,
            'organizer',
            ms(period.dueAt),
            saidOf(state, 'reminder.timesheet_missing.summary', {
              start: iso(ms(period.start)),
              end: iso(ms(period.end)),
            }),
          );
        },
      });
    }
    const ready = readySince(state, period);
    if (ready !== undefined && !period.approvalReminded) {
      const at = ready + approveWithin(pay);
      due.push({
        at,
        fire: (c) => {
          period.approvalReminded = true;
          notify(
            state,
            c,
            'pay_approval_waiting',
            period.start,
            'coordinator',
            at,
            saidOf(state, 'reminder.pay_approval_waiting.summary', { name: state.name, start: iso(ms(period.start)) }),
          );
        },
      });
    }
  }
  if (book.settleBy && isClosed(state.stage) && book.periods.length) {
    due.push({
      at: ms(book.settleBy),
      fire: () => {
        // Left open in the read models (open or submitted); the record's workflow ends.
        book.periods = [];
      },
    });
  }
  return due;
}

function openPeriodAt(state: OrganizerState, periodStart: string): OpenPayPeriod | undefined {
  const wanted = ms(periodStart);
  return state.pay?.periods.find((p) => ms(p.start) === wanted);
}

function notOpen(state: OrganizerState, periodStart: string): Refusal {
  const wanted = ms(periodStart);
  if (state.pay?.settled.some((start) => ms(start) === wanted))
    return {
      code: 'conflict',
      message: `the pay period starting ${when(state, ms(periodStart))} was approved; it can no longer change`,
    };
  const open = state.pay?.periods.map((p) => p.start) ?? [];
  return {
    code: 'invalid',
    message: `periodStart ${periodStart} is not the start of an open pay period of this organizer (${open.length ? `open: ${open.join(', ')}` : 'none is open'})`,
  };
}

export function timesheetRefusal(
  state: OrganizerState,
  input: {
    periodStart: string;
    entries: { date: string; hours: number; kind: string }[];
    allowances?: Record<string, number>;
  },
  now: number,
): Refusal | undefined {
  const pay = state.policy.pay;
  if (!pay) return { code: 'invalid', message: 'this program has no pay policy: it takes no time sheets' };
  const period = openPeriodAt(state, input.periodStart);
  if (!period) return notOpen(state, input.periodStart);
  if (ms(period.start) > now)
    return { code: 'invalid', message: `the pay period starting ${when(state, ms(period.start))} has not started yet` };
  const first = payDay(state, ms(period.start));
  const last = payDay(state, ms(period.end) - 1);
  const today = payDay(state, now);
  const byDay = new Map<string, number>();
  for (const [i, entry] of input.entries.entries()) {
    if (entry.date < first || entry.date > last)
      return {
        code: 'invalid',
        message: `entries[${i}].date ${entry.date} is outside the pay period (${first} to ${last})`,
      };
    if (entry.date > today)
      return {
        code: 'invalid',
        message: `entries[${i}].date ${entry.date} is in the future; hours are entered once worked`,
      };
    if (!pay.workKinds.includes(entry.kind))
      return {
        code: 'invalid',
        message: `entries[${i}].kind "${entry.kind}" is not a kind of work this program pays (${pay.workKinds.join(', ')})`,
      };
    const total = (byDay.get(entry.date) ?? 0) + entry.hours;
    if (total > 24) return { code: 'invalid', message: `entries: ${total} hours on ${entry.date} is more than a day` };
    byDay.set(entry.date, total);
  }
  for (const [name, amount] of Object.entries(input.allowances ?? {})) {
    const allowance = pay.allowances?.find((a) => a.name === name);
    if (!allowance)
      return {
        code: 'invalid',
        message: `allowances.${name} is not an allowance of this program (${pay.allowances?.map((a) => a.name).join(', ') || 'it pays none'})`,
      };
    if (amount > allowance.capMinor)
      return {
        code: 'invalid',
        message: `allowances.${name} is capped at ${moneyInWords(allowance.capMinor, pay.currency)} a pay period`,
      };
  }
  return undefined;
}

export function approvalRefusal(state: OrganizerState, periodStart: string, now: number): Refusal | undefined {
  if (!state.policy.pay) return { code: 'invalid', message: 'this program has no pay policy: nothing is paid' };
  const period = openPeriodAt(state, periodStart);
  if (!period) return notOpen(state, periodStart);
  if (ms(period.end) > now)
    return {
      code: 'invalid',
      message: `the pay period runs until ${when(state, ms(period.end))}; approve it once it is over`,
    };
  const missing = missingFor(state, period);
  if (missing.length)
    return {
      code: 'invalid',
      message: `the pay period from ${when(state, ms(period.start))} cannot be approved: missing ${missing.join('; ')}`,
    };
  return undefined;
}

/** A time sheet in (or corrected, before approval): the reminder for it, if any, is answered. */
export function submitTimesheet(
  state: OrganizerState,
  input: { periodStart: string; entries: Timesheet['entries']; miles?: number; allowances?: Record<string, number> },
  actor: Actor,
  now: number,
  changes: Changes,
): void {
  const period = openPeriodAt(state, input.periodStart)!;
  period.timesheet = {
    entries: input.entries.map((e) => ({ date: e.date, hours: e.hours, kind: e.kind })),
    ...(input.miles !== undefined ? { miles: input.miles } : {}),
    ...(input.allowances && Object.keys(input.allowances).length ? { allowances: { ...input.allowances } } : {}),
    submittedAt: iso(now),
    submittedBy: actor.id,
  };
  changes.payPeriods.push(record(state, period, 'submitted'));
  resolve(state, changes, (n) => n.kind === 'timesheet_missing' && n.key === period.start, now, actor);
}

/** Approved: its pay is reckoned (caps counted across periods) and it leaves the state, payable in the read models. */
export function approvePayPeriod(
  state: OrganizerState,
  periodStart: string,
  actor: Actor,
  now: number,
  changes: Changes,
): void {
  const book = state.pay!;
  const period = openPeriodAt(state, periodStart)!;
  const figures = payFor(state.policy.pay!, period.timesheet!, book.capsUsed);
  changes.payPeriods.push({
    ...record(state, period, 'payable'),
    figures,
    approvedBy: actor.id,
    approvedAt: iso(now),
  });
  book.periods = book.periods.filter((p) => p !== period);
  book.settled.push(period.start);
  const oldest = book.periods[0]?.start ?? iso(now);
  book.capsUsed = pruneCaps(book.capsUsed, payDay(state, ms(oldest) - 31 * 86_400_000));
  resolve(
    state,
    changes,
    (n) => (n.kind === 'pay_approval_waiting' || n.kind === 'timesheet_missing') && n.key === period.start,
    now,
    actor,
  );
}

// A season rehearsed before it starts: the program's people played forward on a virtual clock through the very
// functions their workflows run (startOrganizer, the actions, nextDeadline and fireDeadlines), their habits drawn from
// a seeded source, and what the season asks of people counted period by period. Nothing is stored.
import { localDayOf } from '../calendar';
import { durationMs } from '../durations';
import { anApplicationFor, eligibleAttestations, walkTo } from '../hiring-walk';
import { applyAction, refusal, startOrganizer, fireDeadlines, nextDeadline } from '../lifecycle';
import { periodEnd } from '../lifecycle/rules';
import { payPeriodComplete } from '../lifecycle/pay-periods';
import type { Action, ActionInputs, ActionRequest } from '../lifecycle/by-action';
import { offerCurrency } from '../offer';
import { currentRules, type Actor, type Changes, type NotificationKind, type OrganizerState } from '../organizer';
import type { ProgramPolicy } from '../policy';
import { seeded } from './random';

/** A range of durations (`1 day` to `3 days`) or of numbers. */
export interface DurationRange {
  from: string;
  to: string;
}
export interface NumberRange {
  from: number;
  to: number;
}

/** How a cohort's people behave: shares of them (each 0 to 1) and ranges drawn from for each. */
export interface Habit {
  /** Shares of debriefs sent before they are due, after (by `lateBy`), and never; they sum to 1. */
  onTime: number;
  late: number;
  missing: number;
  lateBy: DurationRange;
  hoursPerPeriod: NumberRange;
  /** Share of time sheets sent before they are due (the others a day after their reminder). */
  timesheetOnTime: number;
  rideAlongsPerMonth: number;
  /** Share of people who pause once, and for how long. */
  pauses: { share: number; for: DurationRange };
  /** Share of people who withdraw, each at a random moment of the season. */
  quits: number;
}

/**
 * Habits most programs see, to start from: 70% of debriefs on time, 20% late by one to three days, 10% missing; a
 * time sheet in on time four times in five; a ride-along a month; one in ten pauses once, one in twenty quits.
 */
export const typicalHabit: Habit = {
  onTime: 0.7,
  late: 0.2,
  missing: 0.1,
  lateBy: { from: '1 day', to: '3 days' },
  hoursPerPeriod: { from: 6, to: 12 },
  timesheetOnTime: 0.8,
  rideAlongsPerMonth: 1,
  pauses: { share: 0.1, for: { from: '1 week', to: '3 weeks' } },
  quits: 0.05,
};

export interface Cohort {
  count: number;
  startsAt: number;
  stage: 'active' | 'applied';
  habit: Habit;
}

export interface SeasonInput {
  programId: string;
  policy: ProgramPolicy;
  timezone: string;
  termStart?: string;
  termEnd?: string;
  from: number;
  until: number;
  cohorts: Cohort[];
  seed: number;
}

/** One period of the season and what it asked of people. */
export interface PeriodFigures {
  start: string;
  end: string;
  debriefsDue: number;
  onTime: number;
  late: number;
  missing: number;
  dueSoonNudges: number;
  overdueReminders: number;
  escalations: number;
  atRisk: number;
  stageStalled: number;
  rideAlongsBehind: number;
  timesheetsMissing: number;
  payablePeriods: number;
  payMinor: number;
  currency: string;
  memberMessages: number;
  staffMessages: number;
}
export type Counted = Exclude<keyof PeriodFigures, 'start' | 'end' | 'currency'>;
export const countedFigures: readonly Counted[] = [
  'debriefsDue',
  'onTime',
  'late',
  'missing',
  'dueSoonNudges',
  'overdueReminders',
  'escalations',
  'atRisk',
  'stageStalled',
  'rideAlongsBehind',
  'timesheetsMissing',
  'payablePeriods',
  'payMinor',
  'memberMessages',
  'staffMessages',
];

export interface PersonFigures {
  cohort: number;
  index: number;
  atRiskPeriods: number;
  paidMinor: number;
}

export interface SeasonFigures {
  periods: PeriodFigures[];
  totals: Record<Counted, number> & { currency: string };
  people: PersonFigures[];
}

/** What happened to one person that the figures count, each at its instant. */
export interface Happened {
  notifications: { at: number; kind: NotificationKind; staff: boolean }[];
  atRisk: { at: number; atRisk: boolean }[];
  payable: { at: number; minor: number }[];
}

/** The figures a kind of notification counts in, besides the messages. */
const countedKinds: Partial<Record<NotificationKind, Counted>> = {
  debrief_due_soon: 'dueSoonNudges',
  debrief_overdue: 'overdueReminders',
  debrief_escalated: 'escalations',
  stage_stalled: 'stageStalled',
  ride_alongs_behind: 'rideAlongsBehind',
  timesheet_missing: 'timesheetsMissing',
};

const coordinator: Actor = { id: 'rehearsal', role: 'coordinator' };
const hour = 3_600_000;
const day = 24 * hour;

/** The program a season is played for and where it starts: what its calendar is made of. */
export type SeasonCalendar = Pick<SeasonInput, 'programId' | 'policy' | 'timezone' | 'termStart' | 'termEnd' | 'from'>;

/**
 * The season's periods: the program's debrief periods from `from` to `until` (a local week for a weekly cadence), as
 * a person hired at its start has them; no more than `most` of them.
 */
export function seasonPeriods(
  calendar: SeasonCalendar,
  until: number,
  most = Infinity,
): { start: number; end: number }[] {
  const reference = startFor(calendar, 'rehearsal-calendar', calendar.from).state;
  const periods: { start: number; end: number }[] = [];
  for (let start = calendar.from; start < until && periods.length < most;) {
    const end = Math.min(periodEnd(reference, start, periods.length === 0), until);
    periods.push({ start, end });
    start = end;
  }
  return periods;
}

/** When the season's `count`th period ends. */
export const endOfPeriods = (calendar: SeasonCalendar, count: number): number =>
  seasonPeriods(calendar, Infinity, count).pop()!.end;

/** How many periods the season has, counted up to `most + 1` (to refuse one too long before playing it). */
export const seasonPeriodCount = (input: SeasonInput, most = 400): number =>
  seasonPeriods(input, input.until, most + 1).length;

/**
 * The most a person's season may take (their actions and deadlines together): a policy whose deadlines come every
 * second would otherwise play for ever.
 */
const mostSteps = 20_000;
export class SeasonTooLargeError extends Error {}

/** One person as the season left them: their record, what happened to them, and the actions taken, in order. */
export interface PlayedPerson {
  cohort: number;
  index: number;
  state: OrganizerState;
  happened: Happened;
  taken: Planned[];
}

/** The season played: every person of every cohort, each on their own clock, in the order of the cohorts. */
export function playSeason(input: SeasonInput): PlayedPerson[] {
  const people: PlayedPerson[] = [];
  input.cohorts.forEach((cohort, c) => {
    for (let index = 0; index < cohort.count; index++) {
      // Each person draws from a stream of their own: two policies compared play the same people.
      const random = seeded((input.seed ^ Math.imul(c + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
      people.push({ cohort: c, index, ...playPerson(input, cohort, `rehearsal-${c}-${index}`, random) });
    }
  });
  return people;
}

export const rehearseSeason = (input: SeasonInput): SeasonFigures => countSeason(input, playSeason(input));

/**
 * What a season asked of people, period by period, from each person's record and what happened to them (at risk as
 * they stood at each period's last instant): the rehearsal's figures, and a real season's to compare with them.
 */
export function countSeason(input: SeasonInput, people: Omit<PlayedPerson, 'taken'>[]): SeasonFigures {
  const periods = seasonPeriods(input, input.until);
  const currency = offerCurrency(input.policy);
  const within = (at: number, p: { start: number; end: number }) => at >= p.start && at < p.end;
  const riskAt = (h: Happened, at: number) => h.atRisk.filter((r) => r.at <= at).pop()?.atRisk ?? false;

  const figures = periods.map((p): PeriodFigures => {
    const row: PeriodFigures = { start: iso(p.start), end: iso(p.end), currency, ...zero() };
    for (const { state, happened } of people) {
      for (const period of state.periods) {
        // A debrief period ends on a season period's last instant: it is that period's.
        const due = Date.parse(period.end);
        if (!(due > p.start && due <= p.end)) continue;
        row.debriefsDue += 1;
        // Late as the record says it: sent after the overdue reminder (a pause holds that back).
        if (!period.submittedAt) row.missing += 1;
        else if (period.overdue) row.late += 1;
        else row.onTime += 1;
      }
      for (const n of happened.notifications.filter((n) => within(n.at, p))) {
        const figure = countedKinds[n.kind];
        if (figure) row[figure] += 1;
        if (n.staff) row.staffMessages += 1;
        else row.memberMessages += 1;
      }
      if (riskAt(happened, p.end - 1)) row.atRisk += 1;
      for (const paid of happened.payable.filter((x) => within(x.at, p))) {
        row.payablePeriods += 1;
        row.payMinor += paid.minor;
      }
    }
    return row;
  });
  const totals = { ...zero(), currency };
  for (const row of figures) for (const figure of countedFigures) totals[figure] += row[figure];
  // At risk is a count of people at a moment: its total is the most at once.
  totals.atRisk = Math.max(0, ...figures.map((row) => row.atRisk));
  return {
    periods: figures,
    totals,
    people: people.map(({ cohort, index, happened }) => ({
      cohort,
      index,
      atRiskPeriods: periods.filter((p) => riskAt(happened, p.end - 1)).length,
      paidMinor: happened.payable.reduce((sum, x) => sum + x.minor, 0),
    })),
  };
}

const zero = (): Record<Counted, number> =>
  Object.fromEntries(countedFigures.map((figure) => [figure, 0])) as Record<Counted, number>;
const iso = (ms: number) => new Date(ms).toISOString();

function startFor(input: SeasonCalendar, organizerId: string, at: number) {
  return startOrganizer(
    {
      organizerId,
      programId: input.programId,
      application: anApplicationFor(organizerId, {
        attestations: { ...eligibleAttestations, weeklyHours: input.policy.hoursPerWeek },
      }),
      policy: input.policy,
      roster: { hasRoster: false, onRoster: false },
      rules: currentRules,
      timezone: input.timezone,
      ...(input.termStart ? { termStart: input.termStart } : {}),
      ...(input.termEnd ? { termEnd: input.termEnd } : {}),
    },
    at,
  );
}

/** An action someone takes at `at`. */
export interface Planned {
  at: number;
  request: ActionRequest;
}

function playPerson(
  input: SeasonInput,
  cohort: Cohort,
  organizerId: string,
  random: () => number,
): { state: OrganizerState; happened: Happened; taken: Planned[] } {
  const between = (range: NumberRange) => range.from + random() * (range.to - range.from);
  const lasting = (range: DurationRange) => between({ from: durationMs(range.from), to: durationMs(range.to) });
  const { habit } = cohort;
  const happened: Happened = { notifications: [], atRisk: [], payable: [] };
  const { state, changes: started } = startFor(input, organizerId, cohort.startsAt);
  const self: Actor = { id: organizerId, role: 'organizer' };
  const queue: Planned[] = [];
  const taken: Planned[] = [];
  const plan = <A extends Action>(at: number, action: A, actionInput: ActionInputs[A], actor = coordinator) => {
    // Whole seconds, as people act (and as a workflow's clock reads them exactly).
    const planned = {
      at: Math.ceil(at / 1000) * 1000,
      request: { action, input: actionInput, actor } as ActionRequest,
    };
    const place = queue.findIndex((p) => p.at > planned.at);
    queue.splice(place < 0 ? queue.length : place, 0, planned);
  };
  const planned = { periods: new Set<string>(), payPeriods: new Set<string>(), approvals: new Set<string>() };
  let lastRisk = false;
  const record = (changes: Changes, at: number) => {
    for (const n of changes.notifications)
      happened.notifications.push({ at, kind: n.kind, staff: n.recipientRole !== 'organizer' });
    for (const pay of changes.payPeriods)
      if (pay.status === 'payable' && pay.figures)
        happened.payable.push({ at, minor: pay.figures.amountMinor + pay.figures.allowancesMinor });
    if (state.atRisk !== lastRisk) happened.atRisk.push({ at, atRisk: (lastRisk = state.atRisk) });
    planWhatIsOwed(at);
  };

  /** Each debrief period and pay period as it opens: whether and when this person sends what it asks. */
  const planWhatIsOwed = (now: number) => {
    for (const period of state.periods) {
      if (planned.periods.has(period.start)) continue;
      planned.periods.add(period.start);
      const draw = random();
      if (draw >= habit.onTime + habit.late) continue;
      const start = Date.parse(period.start);
      const end = Date.parse(period.end);
      const at =
        draw < habit.onTime ? Math.max(start, now, end - random() * day) : Math.max(now, end + lasting(habit.lateBy));
      const hours = Math.round(between(habit.hoursPerPeriod) * 4) / 4;
      plan(at, 'submit-debrief', debriefOf(period.start, hours), self);
    }
    const pay = input.policy.pay;
    for (const period of state.pay?.periods ?? []) {
      if (!pay || planned.payPeriods.has(period.start)) continue;
      planned.payPeriods.add(period.start);
      const end = Date.parse(period.end);
      const at = random() < habit.timesheetOnTime ? end + hour : Math.max(end, Date.parse(period.dueAt)) + day;
      // One line for each debrief period's worth of the pay period, on its last day.
      const entries = [];
      const cadence = durationMs(input.policy.debriefEvery);
      for (let from = Date.parse(period.start); from < end; from += cadence) {
        const date = localDayOf(Math.min(end, from + cadence) - hour, input.timezone);
        entries.push({
          date,
          hours: Math.min(24, Math.round(between(habit.hoursPerPeriod) * 4) / 4),
          kind: pay.workKinds[0],
        });
      }
      plan(at, 'submit-timesheet', { periodStart: period.start, entries }, self);
    }
    // The coordinator approves a pay period an hour after it is complete (its time sheet and its debriefs in).
    for (const period of state.pay?.periods ?? []) {
      if (planned.approvals.has(period.start) || !payPeriodComplete(state, period)) continue;
      planned.approvals.add(period.start);
      plan(now + hour, 'approve-pay-period', { periodStart: period.start });
    }
  };

  record(started, cohort.startsAt);
  if (cohort.stage === 'active') {
    const steps = walkTo(input.policy, 'active', { now: cohort.startsAt, timeZone: input.timezone });
    for (const step of steps) plan(cohort.startsAt, step.action, step.input as never);
  }
  const { until } = input;
  const span = until - cohort.startsAt;
  if (cohort.stage === 'active') {
    if (random() < habit.pauses.share) {
      const at = cohort.startsAt + random() * span;
      plan(at, 'pause', { reason: 'a pause in the rehearsal' });
      plan(at + lasting(habit.pauses.for), 'resume', {});
    }
    if (random() < habit.quits)
      plan(cohort.startsAt + random() * span, 'withdraw', { reason: 'left in the rehearsal' });
    const perMonth = habit.rideAlongsPerMonth;
    for (let at = cohort.startsAt; perMonth > 0;) {
      at += Math.round((-Math.log(1 - random()) * 30 * day) / perMonth / 1000) * 1000;
      if (at >= until) break;
      plan(at, 'record-ride-along', { date: localDayOf(at, input.timezone), staff: 'Rehearsal staff' });
    }
  }

  // The next deadline is asked again only once the record has changed (as the workflow does).
  let upcoming = { version: -1, at: undefined as number | undefined };
  for (let steps = 0; ; steps++) {
    if (steps > mostSteps)
      throw new SeasonTooLargeError(
        `a person's season takes more than ${mostSteps} steps: shorten the season or lengthen the policy's durations`,
      );
    if (upcoming.version !== state.version) upcoming = { version: state.version, at: nextDeadline(state) };
    const deadline = upcoming.at;
    const next = queue[0];
    const at = Math.min(deadline ?? Infinity, next?.at ?? Infinity);
    if (at >= until) break;
    if (deadline !== undefined && deadline <= (next?.at ?? Infinity)) {
      record(fireDeadlines(state, deadline), deadline);
      continue;
    }
    queue.shift();
    // What the stage no longer takes (a debrief after withdrawing, an approval still waiting) is refused: skipped.
    if (refusal(state, next.request, at) === undefined) {
      taken.push(next);
      record(applyAction(state, next.request, at), at);
    } else if (next.request.action === 'approve-pay-period') {
      // Not yet (a pause, say): asked again once something else changes.
      planned.approvals.delete(next.request.input.periodStart);
    }
  }
  return { state, happened, taken };
}

function debriefOf(periodStart: string, hours: number): ActionInputs['submit-debrief'] {
  return {
    periodStart,
    hours,
    conversations: Math.round(hours * 2),
    oneOnOnes: Math.round(hours / 4),
    leadersIdentified: hours >= 8 ? 1 : 0,
    inPerson: true,
    group: false,
  };
}

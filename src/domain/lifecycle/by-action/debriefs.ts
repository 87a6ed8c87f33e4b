// An active organizer's reporting: weekly debriefs, group debriefs, the plan of a period.
import { durationMs } from '../../durations';
import { localMinuteOf } from '../../calendar';
import {
  capitalized,
  debriefLimits,
  fieldNamed,
  formFieldsOf,
  notesField,
  periodChoice,
  withFields,
  type FormField,
} from '../../forms';
import type { DebriefPeriod, DebriefReport, OrganizerState, Refusal } from '../../organizer';
import type { ProgramPolicy } from '../../policy';
import { resolve } from '../notices';
import { rules2 } from '../rules';
import { iso, ms, when } from '../time';
import { asSaid, said, type WordKey } from '../../words/said';
import type { ActionDefinition, FormContext } from './definition';

function findPeriod(state: OrganizerState, periodStart: string): DebriefPeriod | undefined {
  const wanted = ms(periodStart);
  return state.periods.find((p) => ms(p.start) === wanted);
}

/** The debrief period a submission belongs to: the one named, else the earliest one due now (not yet overdue). */
export function debriefPeriodFor(
  state: OrganizerState,
  periodStart: string | undefined,
  now: number,
): DebriefPeriod | undefined {
  if (periodStart !== undefined) return findPeriod(state, periodStart);
  const started = state.periods.filter((p) => ms(p.start) <= now);
  return started.find((p) => !p.submittedAt && !p.overdue) ?? started[started.length - 1];
}

/** What a work plan may set targets for: the debrief's standard counts and hours, and the program's own counts. */
function planTargets(policy: ProgramPolicy): string[] {
  return ['hours', 'conversations', 'oneOnOnes', 'leadersIdentified', ...(policy.debriefMetrics ?? [])];
}

/** The period a work plan is for: the one named, else the one running now (the latest that has started). */
function workPlanPeriodFor(state: OrganizerState, periodStart: string | undefined, now: number) {
  if (periodStart !== undefined) return findPeriod(state, periodStart);
  const started = state.periods.filter((p) => ms(p.start) <= now);
  return started[started.length - 1];
}

/** The refusal when no debrief period matches: the one named is not one, or none has started. */
function noDebriefPeriod(periodStart: string | undefined): Refusal {
  return {
    code: 'invalid',
    message: periodStart
      ? `periodStart ${periodStart} is not the start of one of this organizer's debrief periods`
      : 'no debrief period has started yet',
  };
}

/** A period's report, and which period (left out: the one due now). */
export interface SubmitDebriefInput extends DebriefReport {
  periodStart?: string;
}

const periodStartField = {
  name: 'periodStart',
  label: 'field.period',
  kind: 'moment',
  optional: true,
} as const;

/** A choice of the debrief periods not yet reported (none when there is none), starting at `chosen`. */
function pendingPeriodChoice(field: FormField, context: FormContext, chosen: 'first' | 'last'): FormField[] {
  const pending = context.pendingPeriods.map((p) => ({ ...p, note: p.overdue ? said('field.overdue') : undefined }));
  if (!pending.length) return [];
  const start = chosen === 'first' ? pending[0].start : pending[pending.length - 1].start;
  return [periodChoice(field, pending, context.timezone, start)];
}

const count = (name: string, label: WordKey, example: number) =>
  ({ name, label, kind: 'count', max: debriefLimits.count, example }) as const;

export const submitDebrief: ActionDefinition<SubmitDebriefInput> = {
  stages: ['active'],
  organizerMay: true,
  input: [
    {
      ...periodStartField,
      description: 'The debrief period reported on (from pendingDebriefPeriods); default: the one due now',
    },
    { name: 'hours', label: 'field.hoursWorked', kind: 'hours', max: debriefLimits.hours, example: 9.5 },
    count('conversations', 'field.conversations', 14),
    count('oneOnOnes', 'field.oneOnOnes', 3),
    count('leadersIdentified', 'field.leadersIdentified', 1),
    { name: 'inPerson', label: 'field.inPerson', kind: 'yesno', description: 'Held in person' },
    { name: 'group', label: 'field.group', kind: 'yesno', description: 'Held as a group debrief' },
    notesField,
    {
      name: 'metrics',
      label: 'field.metrics',
      kind: 'counts',
      optional: true,
      example: { 'caucus commitments': 4 },
      description: "The program's own counts (policy.debriefMetrics), by name",
    },
  ],
  /** The period (the earliest not reported first), the standard counts, the program's own, then notes. */
  form(context) {
    const fields = formFieldsOf(submitDebrief.input);
    const standard = fields.filter((f) => f.name !== 'periodStart' && f.name !== 'notes');
    return [
      ...pendingPeriodChoice(fieldNamed(fields, 'periodStart'), context, 'first'),
      ...standard,
      ...(context.policy.debriefMetrics ?? []).map((name): FormField => ({
        name: `metrics.${name}`,
        label: said('field.named', { name: capitalized(name) }),
        kind: 'count',
        required: true,
        min: 0,
        max: debriefLimits.count,
      })),
      fieldNamed(fields, 'notes'),
    ];
  },
  refusal(state, input, now) {
    const period = debriefPeriodFor(state, input.periodStart, now);
    if (!period) return noDebriefPeriod(input.periodStart);
    if (ms(period.start) > now)
      return {
        code: 'invalid',
        message: `the debrief period starting ${when(state, ms(period.start))} has not started yet`,
      };
    if (period.submittedAt) {
      return {
        code: 'conflict',
        message: `a debrief for the period starting ${when(state, ms(period.start))} was already submitted on ${when(state, ms(period.submittedAt))}`,
      };
    }
    const known = state.policy.debriefMetrics ?? [];
    const unknown = Object.keys(input.metrics ?? {}).filter((m) => !known.includes(m));
    if (!unknown.length) return undefined;
    return {
      code: 'invalid',
      message: `metrics ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not counted by this program (${known.join(', ') || 'it counts none beyond the standard ones'})`,
    };
  },
  apply(state, input, actor, now, changes) {
    const period = debriefPeriodFor(state, input.periodStart, now)!;
    period.submittedAt = iso(now);
    const late = period.overdue;
    changes.debriefs.push({
      periodStart: period.start,
      periodEnd: period.end,
      submittedAt: iso(now),
      submittedBy: actor.id,
      late,
      hours: input.hours,
      conversations: input.conversations,
      oneOnOnes: input.oneOnOnes,
      leadersIdentified: input.leadersIdentified,
      inPerson: input.inPerson,
      group: input.group,
      ...(input.notes ? { notes: input.notes } : {}),
      ...(input.metrics && Object.keys(input.metrics).length ? { metrics: { ...input.metrics } } : {}),
    });
    const { totals } = state;
    totals.debriefs += 1;
    if (late) totals.lateDebriefs += 1;
    totals.hours += input.hours;
    totals.conversations += input.conversations;
    totals.oneOnOnes += input.oneOnOnes;
    totals.leadersIdentified += input.leadersIdentified;
    if (input.inPerson && input.group) {
      // A debrief is a meeting: held in person with the group now, it counts for the group-debrief period running now.
      totals.groupDebriefs += 1;
      if (state.groupPeriod) state.groupPeriod.met = true;
    }
    const periodKey = period.start;
    resolve(
      state,
      changes,
      (n) =>
        (n.kind === 'debrief_overdue' || n.kind === 'debrief_escalated' || n.kind === 'debrief_due_soon') &&
        n.key === periodKey,
      now,
      actor,
    );
    state.missedStreak = 0;
    // At risk clears once no debrief is overdue (the first rules cleared it on any debrief).
    const stillOverdue = rules2(state) && state.periods.some((p) => p.overdue && !p.submittedAt);
    if (state.atRisk && !stillOverdue) {
      state.atRisk = false;
      resolve(state, changes, (n) => n.kind === 'organizer_at_risk', now, actor);
    }
    return true;
  },
};

/**
 * A group debrief (not anyone's weekly debrief) meets the group-debrief rule of the period it was held in: the one
 * running now, or an earlier one whose missing-group-debrief reminder is still open.
 */
export interface RecordGroupDebriefInput {
  heldAt: string;
  location?: string;
  /** The group session it was part of (a session of many); one recorded alone is named by its time. */
  sessionId?: string;
}

const sessionOf = (input: RecordGroupDebriefInput) => input.sessionId ?? `single:${input.heldAt}`;

export const recordGroupDebrief: ActionDefinition<RecordGroupDebriefInput> = {
  stages: ['active'],
  plausibleDate: { field: 'heldAt', within: 'past' },
  input: [
    {
      name: 'heldAt',
      label: 'field.held',
      kind: 'moment',
      description: 'When the in-person group debrief was held (not in the future)',
    },
    { name: 'location', label: 'field.where', kind: 'text', max: 300, optional: true, example: 'Local 12 hall' },
  ],
  /** Held just now, most often; a place is one line. */
  form: ({ timezone, now }) =>
    withFields(formFieldsOf(recordGroupDebrief.input), {
      heldAt: { value: localMinuteOf(now, timezone) },
      location: { kind: 'line' },
    }),
  toWorkflow: (input) => ({ ...input, sessionId: sessionOf(input) }),
  refusal(state, input, now) {
    const held = ms(input.heldAt);
    if (held > now)
      return { code: 'invalid', message: `heldAt ${input.heldAt} is in the future; record it once it was held` };
    // People give the time to the minute: one in the minute the organizer became active counts.
    if (state.activeSince && held < Math.floor(ms(state.activeSince) / 60_000) * 60_000)
      return {
        code: 'invalid',
        message: `heldAt ${input.heldAt} is before the organizer became active (${when(state, ms(state.activeSince))})`,
      };
    if (state.groupSessions?.includes(sessionOf(input)))
      return { code: 'conflict', message: `group session ${sessionOf(input)} is already recorded` };
    return undefined;
  },
  apply(state, input, actor, now, changes) {
    const held = ms(input.heldAt);
    state.groupSessions = [...(state.groupSessions ?? []), sessionOf(input)];
    state.totals.groupDebriefs += 1;
    if (state.groupPeriod && held >= ms(state.groupPeriod.start)) state.groupPeriod.met = true;
    const every = durationMs(state.policy.groupDebriefEvery);
    resolve(
      state,
      changes,
      (n) => n.kind === 'group_debrief_missing' && ms(n.key) <= held && held < ms(n.key) + every,
      now,
      actor,
    );
    return true;
  },
};

export interface SetWorkPlanInput {
  periodStart?: string;
  /** Left out: none (a plan of notes only). */
  targets?: Record<string, number>;
  notes?: string;
}

export const setWorkPlan: ActionDefinition<SetWorkPlanInput> = {
  stages: ['active'],
  organizerMay: true,
  input: [
    {
      ...periodStartField,
      description: 'The debrief period planned (from pendingDebriefPeriods); default: the one running now',
    },
    {
      name: 'targets',
      label: 'field.targets',
      kind: 'counts',
      optional: true,
      example: { conversations: 12, oneOnOnes: 3, hours: 10 },
      description: "Targets for hours, conversations, oneOnOnes, leadersIdentified or the program's own counts",
    },
    { ...notesField, example: 'Lincoln Elementary: 3rd floor' },
  ],
  /** The period (the one running now first), a target for each count the debrief reports (optional), notes. */
  form(context) {
    const fields = formFieldsOf(setWorkPlan.input);
    const words = Object.fromEntries(submitDebrief.input.map((f) => [f.name, f.label]));
    return [
      ...pendingPeriodChoice(fieldNamed(fields, 'periodStart'), context, 'last'),
      ...planTargets(context.policy).map((name): FormField => ({
        name: `targets.${name}`,
        label: said('field.target', { what: words[name] ? asSaid(words[name]) : capitalized(name) }),
        kind: 'count',
        required: false,
        min: 0,
        max: debriefLimits.count,
      })),
      fieldNamed(fields, 'notes'),
    ];
  },
  refusal(state, { periodStart, targets = {} }, now) {
    const period = workPlanPeriodFor(state, periodStart, now);
    if (!period) return noDebriefPeriod(periodStart);
    if (period.submittedAt)
      return {
        code: 'conflict',
        message: `the debrief for the period starting ${when(state, ms(period.start))} is in; a plan is set before it`,
      };
    const allowed = planTargets(state.policy);
    const unknown = Object.keys(targets).filter((t) => !allowed.includes(t));
    if (!unknown.length) return undefined;
    return { code: 'invalid', message: `targets may be set for ${allowed.join(', ')}; not ${unknown.join(', ')}` };
  },
  apply(state, input, actor, now, changes) {
    const period = workPlanPeriodFor(state, input.periodStart, now)!;
    changes.workPlans.push({
      periodStart: period.start,
      targets: { ...(input.targets ?? {}) },
      ...(input.notes ? { notes: input.notes } : {}),
      setBy: actor.id,
      setAt: iso(now),
      version: state.version + 1,
    });
    return true;
  },
};

// What the emails say: each a plain-text part complete on its own and the same as simple HTML. A reminder says what
// is due, the rule that asks for it (the program's policy in words), the period and deadline in the program's time
// zone, what happens next and when, and carries the link that clears it.
import { offerCurrency, offerInWords } from '../domain/offer';
import { localDateTime, localDayOf } from '../domain/calendar';
import { linkButtonLabels, nextStepForApplicant, type LinkPurpose } from '../domain/links';
import type { NotificationKind } from '../domain/organizer';
import type { ProgramPolicy } from '../domain/policy';
import { debriefCadenceName, notificationRule, ruleInWords } from '../domain/rules-in-words';
import { stageLabels, type Stage } from '../domain/stages';
import type { GoalProgress } from '../repositories/goal-progress.repository';

export interface Composed {
  subject: string;
  text: string;
  html: string;
}

/** A line of a message, or a link drawn as a button in HTML. */
type Part = string | { label: string; url: string; note?: string };

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function compose(subject: string, parts: Part[]): Composed {
  const text = parts
    .map((part) =>
      typeof part === 'string' ? part : `${part.label}:\n${part.url}${part.note ? `\n${part.note}` : ''}`,
    )
    .join('\n\n');
  const html = parts
    .map((part) =>
      typeof part === 'string'
        ? `<p>${escape(part)}</p>`
        : `<p><a href="${escape(part.url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">${escape(part.label)}</a>${part.note ? `<br><small>${escape(part.note)}</small>` : ''}</p>`,
    )
    .join('\n');
  return {
    subject,
    text: `${text}\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;max-width:36em">\n${html}\n</body></html>\n`,
  };
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

export interface ProgramFacts {
  id: string;
  name: string;
  timezone: string;
  policy: ProgramPolicy;
}

export interface ReminderFacts {
  kind: NotificationKind;
  summary: string;
  program: ProgramFacts;
  organizer: { name: string; stage: Stage };
  /** Whom it is sent to: the organizer (greeted by name) or staff. */
  recipientRole: string;
  /** The debrief period a debrief reminder is about. */
  period?: { start: string; end: string; overdueAt: string; escalateAt?: string };
  /** The pay period a time sheet reminder is about. */
  payPeriod?: { start: string; end: string };
  offer?: { expiresAt: string };
  /** The link that clears it (for the organizer: what it is for, and until when), or the person's page (for staff). */
  link?: { url: string; purpose?: LinkPurpose; expiresAt?: Date };
}

/** A debrief named as the program's cadence names it: "weekly debrief", "monthly debrief", or just "debrief". */
const debriefOf = (policy: ProgramPolicy) => [debriefCadenceName(policy), 'debrief'].filter(Boolean).join(' ');

const subjects: Record<NotificationKind, string | ((policy: ProgramPolicy) => string)> = {
  stage_stalled: 'An applicant is waiting on you',
  stage_stalled_escalated: 'An applicant has been waiting too long',
  offer_expiring: 'Your offer expires soon',
  debrief_overdue: (policy) => `Your ${debriefOf(policy)} is overdue`,
  debrief_escalated: 'A debrief is still missing',
  organizer_at_risk: 'An organizer is at risk',
  group_debrief_missing: 'No in-person group debrief this period',
  ride_alongs_behind: 'Ride-alongs are behind',
  debrief_due_soon: (policy) => `Your ${debriefOf(policy)} is due soon`,
  timesheet_missing: 'Your time sheet is missing',
  pay_approval_waiting: 'A pay period waits for your approval',
};

/** What happens next if nothing is done, and when. */
function nextStep(facts: ReminderFacts, at: (instant: number) => string): string | undefined {
  const { policy } = facts.program;
  const period = facts.period;
  // As the workflow set it (rows stored before it was kept have none: the step is then not said).
  const escalation = period?.escalateAt ? Date.parse(period.escalateAt) : undefined;
  switch (facts.kind) {
    case 'debrief_due_soon':
      if (!period) return undefined;
      return `If it is not in by ${at(Date.parse(period.overdueAt))}, it is overdue${
        escalation ? `, and your coordinator is told on ${at(escalation)}` : ''
      }.`;
    case 'debrief_overdue':
      return escalation ? `If it is still missing on ${at(escalation)}, your coordinator is told.` : undefined;
    case 'debrief_escalated':
      return `After ${policy.atRiskAfterMissed} missed debriefs in a row, ${facts.organizer.name} is at risk and national staff are told. You can send them a fresh link from their page.`;
    case 'offer_expiring':
      return facts.offer
        ? `If you do not answer by ${at(Date.parse(facts.offer.expiresAt))}, the offer lapses.`
        : undefined;
    case 'stage_stalled':
      return 'If it waits twice the limit, national staff are told.';
    case 'timesheet_missing':
      return 'Until it is in, your coordinator cannot approve pay for this period.';
    default:
      return undefined;
  }
}

export function reminderMail(facts: ReminderFacts): Composed {
  const { program } = facts;
  const at = (instant: number) => localDateTime(instant, program.timezone);
  const parts: Part[] = facts.recipientRole === 'organizer' ? [`Hello ${facts.organizer.name},`] : [];
  parts.push(sentence(facts.summary));
  parts.push(
    `Why: ${sentence(ruleInWords(notificationRule[facts.kind], program.policy, program.timezone, facts.organizer.stage))}`,
  );
  if (facts.period) {
    parts.push(`Period: ${at(Date.parse(facts.period.start))} to ${at(Date.parse(facts.period.end))}.`);
    parts.push(`Deadline: ${at(Date.parse(facts.period.end))}.`);
  }
  if (facts.payPeriod)
    parts.push(`Pay period: ${at(Date.parse(facts.payPeriod.start))} to ${at(Date.parse(facts.payPeriod.end))}.`);
  if (facts.offer && facts.kind === 'offer_expiring') parts.push(`Deadline: ${at(Date.parse(facts.offer.expiresAt))}.`);
  const next = nextStep(facts, at);
  if (next) parts.push(`Next: ${next}`);
  if (facts.link) {
    parts.push({
      label: facts.link.purpose ? linkButtonLabels[facts.link.purpose] : `Open ${facts.organizer.name}'s page`,
      url: facts.link.url,
      ...(facts.link.expiresAt
        ? { note: `This link is for you alone and works until ${at(facts.link.expiresAt.getTime())}.` }
        : {}),
    });
  }
  parts.push(`${program.name}`);
  const subject = subjects[facts.kind];
  return compose(typeof subject === 'string' ? subject : subject(program.policy), parts);
}

/** A fresh link a coordinator sent, or an applicant's confirmation with their status link. */
export function linkMail(facts: {
  purpose: LinkPurpose;
  program: ProgramFacts;
  organizer: { name: string; stage: Stage };
  url: string;
  expiresAt: Date;
  period?: { start: string; end: string };
  offer?: { hoursPerWeek: number; startDate: string; stipend?: number; expiresAt: string };
  /** An application just received (or received again) from the public form. */
  confirmation?: boolean;
}): Composed {
  const { program } = facts;
  const at = (instant: number) => localDateTime(instant, program.timezone);
  const parts: Part[] = [`Hello ${facts.organizer.name},`];
  let subject: string;
  if (facts.purpose === 'status') {
    subject = facts.confirmation
      ? `We received your application (${program.name})`
      : `Your application (${program.name})`;
    if (facts.confirmation) parts.push(`Thank you for applying to ${program.name}. We have your application.`);
    parts.push(
      `Where it stands: ${stageLabels[facts.organizer.stage]}. ${nextStepForApplicant[facts.organizer.stage]}`,
    );
  } else if (facts.purpose === 'debrief') {
    subject = `Your debrief (${program.name})`;
    parts.push(`Why: ${sentence(ruleInWords('debrief', program.policy, program.timezone))}`);
    if (facts.period) {
      parts.push(`Period: ${at(Date.parse(facts.period.start))} to ${at(Date.parse(facts.period.end))}.`);
      parts.push(`Deadline: ${at(Date.parse(facts.period.end))}.`);
    }
  } else if (facts.purpose === 'timesheet') {
    subject = `Your time sheet (${program.name})`;
    parts.push(`Why: ${sentence(ruleInWords('timesheet', program.policy, program.timezone))}`);
    if (facts.period) {
      parts.push(`Pay period: ${at(Date.parse(facts.period.start))} to ${at(Date.parse(facts.period.end))}.`);
    }
  } else {
    subject = `Your offer (${program.name})`;
    if (facts.offer) {
      parts.push(`The offer: ${offerInWords(facts.offer, offerCurrency(program.policy)).termsInWords}.`);
      parts.push(`Deadline: ${at(Date.parse(facts.offer.expiresAt))}; unanswered, the offer lapses.`);
    }
  }
  parts.push({
    label: linkButtonLabels[facts.purpose],
    url: facts.url,
    note: `This link is for you alone and works until ${at(facts.expiresAt.getTime())}.`,
  });
  parts.push(program.name);
  return compose(subject, parts);
}

/** The weekly report to national: the week's figures and who is missing a debrief, dates in the program's zone. */
export function weeklyReportMail(facts: {
  program: { name: string; affiliate: string; timezone: string };
  weekStart: string;
  totals: { debriefs: number; hours: number; conversations: number; oneOnOnes: number; leadersIdentified: number };
  missing: { name: string; periodStart: string }[];
  /** Debriefs of the week whose period had a work plan: each target against what was reported. */
  plans?: { name: string; periodStart: string; plan?: { target: string; planned: number; reported: number }[] }[];
  goals?: GoalProgress[];
}): Composed {
  const { program, totals, missing } = facts;
  const goal = (g: GoalProgress) =>
    `${g.goal}${g.local ? ` (${g.local})` : ''}: ${g.actual} of ${g.target}${g.scope === 'organizer_week' ? ' per organizer per week' : `, ${g.forecast} at this pace by ${localDayOf(Date.parse(g.by) - 1, program.timezone)}`}; ${g.onTrack ? 'on track' : `behind by ${g.behindBy}`}`;
  const day = (iso: string) => localDayOf(Date.parse(iso), program.timezone);
  const parts: Part[] = [
    `${program.name} (${program.affiliate}), week of ${day(facts.weekStart)} (${program.timezone})`,
    `Debriefs submitted: ${totals.debriefs}; missing: ${missing.length}`,
    `Hours ${totals.hours}, conversations ${totals.conversations}, one-on-ones ${totals.oneOnOnes}, leaders identified ${totals.leadersIdentified}`,
    missing.length
      ? `Missing: ${missing.map((m) => `${m.name} (week of ${day(m.periodStart)})`).join('; ')}`
      : 'Nobody is missing a debrief.',
    ...(facts.plans?.length
      ? [
          `Plans against debriefs: ${facts.plans
            .map((d) => `${d.name}: ${d.plan!.map((p) => `${p.target} ${p.reported} of ${p.planned}`).join(', ')}`)
            .join('; ')}`,
        ]
      : []),
    ...(facts.goals?.length ? [`Goals: ${facts.goals.map(goal).join('; ')}`] : []),
  ];
  return compose(`Weekly report: ${program.name}`, parts);
}

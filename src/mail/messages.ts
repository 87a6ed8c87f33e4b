// What the emails say: each a plain-text part complete on its own and the same as simple HTML. A reminder says what
// is due, the rule that asks for it (the program's policy in words), the period and deadline in the program's time
// zone, what happens next and when, and carries the link that clears it.
import type { EligibilityProblem } from '../domain/organizer';
import { eligibilityInWords } from '../words/eligibility';
import { offerCurrency } from '../domain/offer';
import type { LinkPurpose } from '../domain/links';
import type { NotificationKind } from '../domain/organizer';
import type { ProgramPolicy } from '../domain/policy';
import { notificationRule } from '../domain/rule-topics';
import type { Stage } from '../domain/stages';
import type { GoalProgress } from '../repositories/goal-progress.repository';
import { offerInWords } from '../words/offer';
import { debriefNamed, ruleInWords } from '../words/rules';
import { say, sayStored, sentence, type Label, type Said } from '../words/say';
import type { SaidValue } from '../domain/words/said';
import { defaultLanguage, type MemberLanguage } from '../domain/languages';

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

export interface ProgramFacts {
  id: string;
  name: string;
  timezone: string;
  policy: ProgramPolicy;
}

export interface ReminderFacts {
  kind: NotificationKind;
  /** What happened: as the catalog keys it, or the sentence a reminder raised before it was keyed kept. */
  said: Said | string;
  /** The sentence the read model keeps (said in English when it was raised). */
  summary?: string;
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
  /** The reader's language (a member's preferred one; staff read English). */
  lng?: MemberLanguage;
}

/** What happens next if nothing is done, and when. */
function nextStep(facts: ReminderFacts, zone: string): string | undefined {
  const lng = facts.lng ?? defaultLanguage;
  const t = wordsIn(lng);
  const { policy } = facts.program;
  const period = facts.period;
  // As the workflow set it (rows stored before it was kept have none: the step is then not said).
  const told = period?.escalateAt;
  const zoned = (key: Said['key'], values: Said['values']) => t({ key, values, zone });
  switch (facts.kind) {
    case 'debrief_due_soon':
      if (!period) return undefined;
      return told
        ? zoned('reminder.debrief_due_soon.nextTold', { overdue: period.overdueAt, told })
        : zoned('reminder.debrief_due_soon.next', { overdue: period.overdueAt });
    case 'debrief_overdue':
      return told ? zoned('reminder.debrief_overdue.next', { told }) : undefined;
    case 'debrief_escalated':
      return t('reminder.debrief_escalated.next', { count: policy.atRiskAfterMissed, name: facts.organizer.name });
    case 'offer_expiring':
      return facts.offer ? zoned('reminder.offer_expiring.next', { expires: facts.offer.expiresAt }) : undefined;
    case 'stage_stalled':
      return t('reminder.stage_stalled.next');
    case 'timesheet_missing':
      return t('reminder.timesheet_missing.next');
    default:
      return undefined;
  }
}

/** The catalog's words for a mail's line, its instants in the program's zone. */
const line =
  (zone: string, lng: MemberLanguage = defaultLanguage) =>
  (key: Said['key'], values?: Said['values']) =>
    say({ key, values, zone }, undefined, lng);

/** The catalog's words in `lng`. */
const wordsIn =
  (lng: MemberLanguage) =>
  (label: Label, values?: Record<string, SaidValue>): string =>
    say(label, values, lng);

export function reminderMail(facts: ReminderFacts): Composed {
  const lng = facts.lng ?? defaultLanguage;
  const t = wordsIn(lng);
  const { program } = facts;
  const say_ = line(program.timezone, lng);
  const parts: Part[] = facts.recipientRole === 'organizer' ? [t('mail.hello', { name: facts.organizer.name })] : [];
  parts.push(
    sentence(
      typeof facts.said === 'string'
        ? facts.said
        : sayStored(facts.said, facts.summary ?? facts.kind.replace(/_/g, ' '), lng),
    ),
  );
  const rule = ruleInWords(notificationRule[facts.kind], program.policy, program.timezone, facts.organizer.stage, lng);
  parts.push(t('mail.why', { rule: sentence(rule) }));
  if (facts.period) {
    parts.push(say_('mail.period', { start: facts.period.start, end: facts.period.end }));
    parts.push(say_('mail.deadline', { at: facts.period.end }));
  }
  if (facts.payPeriod) parts.push(say_('mail.payPeriod', { start: facts.payPeriod.start, end: facts.payPeriod.end }));
  if (facts.offer && facts.kind === 'offer_expiring') parts.push(say_('mail.deadline', { at: facts.offer.expiresAt }));
  const next = nextStep(facts, program.timezone);
  if (next) parts.push(t('mail.next', { step: next }));
  if (facts.link) {
    parts.push({
      label: facts.link.purpose
        ? t(`link.button.${facts.link.purpose}`)
        : t('link.staffPage', { name: facts.organizer.name }),
      url: facts.link.url,
      ...(facts.link.expiresAt ? { note: say_('link.alone', { until: facts.link.expiresAt.toISOString() }) } : {}),
    });
  }
  parts.push(program.name);
  return compose(t(`reminder.${facts.kind}.subject`, { debrief: debriefNamed(program.policy, lng) }), parts);
}

/** A screening's invitation, its reminder the day before, or its cancellation; to the applicant or the coordinator. */
export function screeningMail(facts: {
  kind: 'screening_invitation' | 'screening_reminder' | 'screening_cancelled';
  program: ProgramFacts;
  organizer: { name: string };
  screening: { at: string; location: string };
  /** The coordinator's own copy (their calendar), rather than the applicant's. */
  staff: boolean;
  /** The applicant's answer link, or the person's page for staff. */
  link?: { url: string; expiresAt?: Date };
  lng?: MemberLanguage;
}): Composed {
  const lng = facts.lng ?? defaultLanguage;
  const t = wordsIn(lng);
  const { program, screening, staff } = facts;
  const say_ = line(program.timezone, lng);
  const values = { program: program.name, name: facts.organizer.name, at: screening.at };
  const subjectKey = staff && facts.kind !== 'screening_reminder' ? 'staffSubject' : 'subject';
  const parts: Part[] = staff ? [] : [t('mail.hello', { name: facts.organizer.name })];
  if (facts.kind === 'screening_cancelled') {
    parts.push(say_(staff ? 'mail.screeningCancelledStaff' : 'mail.screeningCancelled', values));
  } else {
    const opening =
      facts.kind === 'screening_reminder'
        ? 'mail.screeningReminder'
        : staff
          ? 'mail.screeningInvitedStaff'
          : 'mail.screeningInvited';
    parts.push(say_(opening, values));
    parts.push(t('mail.screeningWhere', { location: screening.location }));
    if (program.policy.screeningNotes) parts.push(t('mail.screeningBring', { notes: program.policy.screeningNotes }));
    if (facts.kind === 'screening_invitation') parts.push(t('mail.screeningCalendar'));
    if (!staff && facts.link) parts.push(t('mail.screeningAnswer'));
  }
  if (facts.link)
    parts.push({
      label: staff ? t('link.staffPage', { name: facts.organizer.name }) : t('link.button.rsvp'),
      url: facts.link.url,
      ...(facts.link.expiresAt ? { note: say_('link.alone', { until: facts.link.expiresAt.toISOString() }) } : {}),
    });
  parts.push(program.name);
  const subject = t({
    key: `reminder.${facts.kind}.${subjectKey}` as Said['key'],
    values,
    zone: program.timezone,
  });
  return compose(subject, parts);
}

/** A group screening's one invitation to the staff who hold it: its time and place once, and its page. */
export function sessionInvitationMail(facts: {
  program: ProgramFacts;
  at: string;
  location: string;
  invited: number;
  url: string;
}): Composed {
  const say_ = line(facts.program.timezone);
  const values = { program: facts.program.name, at: facts.at };
  return compose(say_('mail.sessionSubject', values), [
    say_('mail.sessionInvited', { ...values, count: facts.invited }),
    say('mail.screeningWhere', { location: facts.location }),
    say('mail.screeningCalendar'),
    { label: say('mail.sessionPage'), url: facts.url },
    facts.program.name,
  ]);
}

/** A fresh link a coordinator sent, or an applicant's confirmation with their status link. */
export function linkMail(facts: {
  purpose: LinkPurpose;
  program: ProgramFacts;
  organizer: { name: string; stage: Stage; ineligibility?: EligibilityProblem[] };
  url: string;
  expiresAt: Date;
  period?: { start: string; end: string };
  offer?: { hoursPerWeek: number; startDate: string; stipend?: number; expiresAt: string };
  /** An application just received (or received again) from the public form. */
  confirmation?: boolean;
  lng?: MemberLanguage;
}): Composed {
  const lng = facts.lng ?? defaultLanguage;
  const t = wordsIn(lng);
  const { program } = facts;
  const say_ = line(program.timezone, lng);
  const named = { program: program.name };
  const parts: Part[] = [t('mail.hello', { name: facts.organizer.name })];
  let subject: string;
  if (facts.purpose === 'status') {
    subject = t(facts.confirmation ? 'mail.received' : 'mail.yourApplication', named);
    if (facts.confirmation) parts.push(t('mail.thanks', named));
    const { stage } = facts.organizer;
    parts.push(t('mail.standing', { stage: { key: `stage.${stage}` }, next: { key: `applicantNext.${stage}` } }));
    // Which answers made it ineligible, as a person would say them.
    if (stage === 'ineligible') parts.push(...eligibilityInWords(facts.organizer.ineligibility ?? [], lng));
  } else if (facts.purpose === 'debrief') {
    subject = t('mail.yourDebrief', named);
    parts.push(
      t('mail.why', { rule: sentence(ruleInWords('debrief', program.policy, program.timezone, undefined, lng)) }),
    );
    if (facts.period) {
      parts.push(say_('mail.period', { start: facts.period.start, end: facts.period.end }));
      parts.push(say_('mail.deadline', { at: facts.period.end }));
    }
  } else if (facts.purpose === 'timesheet') {
    subject = t('mail.yourTimesheet', named);
    parts.push(
      t('mail.why', { rule: sentence(ruleInWords('timesheet', program.policy, program.timezone, undefined, lng)) }),
    );
    if (facts.period) parts.push(say_('mail.payPeriod', { start: facts.period.start, end: facts.period.end }));
  } else {
    subject = t('mail.yourOffer', named);
    if (facts.offer) {
      parts.push(
        t('mail.offerTerms', { terms: offerInWords(facts.offer, offerCurrency(program.policy), lng).termsInWords }),
      );
      parts.push(say_('mail.offerDeadline', { at: facts.offer.expiresAt }));
    }
  }
  parts.push({
    label: t(`link.button.${facts.purpose}`),
    url: facts.url,
    note: say_('link.alone', { until: facts.expiresAt.toISOString() }),
  });
  parts.push(program.name);
  return compose(subject, parts);
}

/** The weekly report to national: the week's figures and who is missing a debrief, dates in the program's zone. */
export function weeklyReportMail(facts: {
  program: { name: string; affiliate: string; timezone: string };
  weekStart: string;
  /** The week is a debrief period (the program counts its periods as weeks). */
  period?: boolean;
  totals: { debriefs: number; hours: number; conversations: number; oneOnOnes: number; leadersIdentified: number };
  missing: { name: string; periodStart: string }[];
  /** Debriefs of the week whose period had a work plan: each target against what was reported. */
  plans?: { name: string; periodStart: string; plan?: { target: string; planned: number; reported: number }[] }[];
  goals?: GoalProgress[];
  /** The report's page. */
  url?: string;
}): Composed {
  const { program, totals, missing } = facts;
  const say_ = line(program.timezone);
  const list = (items: string[]) => items.join('; ');
  const goal = (g: GoalProgress) => {
    const values = {
      goal: g.local ? say('report.goalLocal', { goal: g.goal, local: g.local }) : g.goal,
      actual: g.actual,
      target: g.target,
      track: g.onTrack ? say('report.onTrack') : say('report.behind', { by: g.behindBy }),
    };
    return g.scope === 'organizer_week'
      ? say('report.goalPerWeek', values)
      : say_('report.goalBy', {
          ...values,
          forecast: g.forecast,
          by: say_('report.day', { at: new Date(Date.parse(g.by) - 1).toISOString() }),
        });
  };
  const parts: Part[] = [
    say_(facts.period ? 'report.headingPeriod' : 'report.heading', {
      program: program.name,
      affiliate: program.affiliate,
      week: facts.weekStart,
      zone: program.timezone,
    }),
    say('report.debriefs', { debriefs: totals.debriefs, missing: missing.length }),
    say('report.totals', { ...totals, leaders: totals.leadersIdentified }),
    missing.length
      ? say('report.missing', {
          list: list(missing.map((m) => say_('report.missingOne', { name: m.name, start: m.periodStart }))),
        })
      : say('report.nobodyMissing'),
    ...(facts.plans?.length
      ? [
          say('report.plans', {
            list: list(
              facts.plans.map((d) =>
                say('report.plan', {
                  name: d.name,
                  targets: d.plan!.map((p) => say('report.planTarget', { ...p })).join(', '),
                }),
              ),
            ),
          }),
        ]
      : []),
    ...(facts.goals?.length ? [say('report.goals', { list: list(facts.goals.map(goal)) })] : []),
    ...(facts.url ? [{ label: say('report.open'), url: facts.url }] : []),
  ];
  return compose(say('report.subject', { program: program.name }), parts);
}

/** An invitation: the link that signs a new user in (single use, for `days`). */
export function invitationMail(facts: { name: string; url: string; days: number }): Composed {
  return compose(say('invitation.subject'), [
    say('mail.hello', { name: facts.name }),
    say('invitation.body', { count: facts.days }),
    { label: say('signIn.button'), url: facts.url },
    say('invitation.later'),
  ]);
}

/** The link that signs a user in (single use, for `minutes`). */
export function signInMail(facts: { name: string; url: string; minutes: number }): Composed {
  return compose(say('signIn.subject'), [
    say('mail.hello', { name: facts.name }),
    say('signIn.body', { count: facts.minutes }),
    { label: say('signIn.button'), url: facts.url },
    say('signIn.notYou'),
  ]);
}

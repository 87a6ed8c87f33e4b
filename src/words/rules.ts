// The program's rules in words a coordinator or an organizer reads, from its policy, so a changed policy reads
// changed. The to-do list and every reminder email say why they exist with these; the deadlines are the workflow's.
import { approveWithinDefault } from '../domain/pay';
import { debriefsOnCalendar, type ProgramPolicy } from '../domain/policy';
import { debriefCadenceName, type RuleTopic } from '../domain/rule-topics';
import type { Stage } from '../domain/stages';
import { defaultLanguage, type MemberLanguage } from '../domain/languages';
import { say, type Label } from './say';
import type { SaidValue } from '../domain/words/said';

/** The words for a label in `lng`. */
const sayIn = (lng: MemberLanguage) => (label: Label, values?: Record<string, SaidValue>) => say(label, values, lng);

/** A program's pay period in words: "every 2 debrief periods", "each calendar month". */
function payPeriodInWords(policy: ProgramPolicy, lng: MemberLanguage): string {
  const say = sayIn(lng);
  const every = policy.pay?.periodEvery ?? 1;
  return every === 'month' ? say('rule.payPeriodMonth') : say('rule.payPeriod', { count: every });
}

/** When a period's debrief is due, in words: "due Fridays at 17:00 (America/Chicago)". */
function debriefDueInWords(policy: ProgramPolicy, zone: string, lng: MemberLanguage): string {
  const say = sayIn(lng);
  const at = policy.debriefDue;
  if (!at || !debriefsOnCalendar(policy)) return say('rule.debriefDueEvery', { every: policy.debriefEvery });
  return 'weekday' in at
    ? say('rule.debriefDueWeekday', { weekday: { key: `weekdays.${at.weekday}` }, time: at.time, zone })
    : say('rule.debriefDueMonthDay', { day: at.dayOfMonth, time: at.time, zone });
}

/** A debrief as the program's cadence names it: "weekly debrief", or just "debrief". */
export const debriefNamed = (policy: ProgramPolicy, lng: MemberLanguage = defaultLanguage) =>
  say(`debrief.${debriefCadenceName(policy) ?? 'plain'}`, undefined, lng);

export function ruleInWords(
  topic: RuleTopic,
  policy: ProgramPolicy,
  timezone: string,
  stage?: Stage,
  lng: MemberLanguage = defaultLanguage,
): string {
  const say = sayIn(lng);
  switch (topic) {
    case 'screening':
      return say('rule.screening');
    case 'offer':
      return say('rule.offer', { after: policy.offerExpiresAfter });
    case 'debrief':
      return say('rule.debrief', {
        due: debriefDueInWords(policy, timezone, lng),
        grace: policy.debriefGrace,
        escalate: policy.escalateAfter,
      });
    case 'at_risk':
      return say('rule.at_risk', { count: policy.atRiskAfterMissed });
    case 'group_debrief':
      return say('rule.group_debrief', { every: policy.groupDebriefEvery });
    case 'ride_alongs':
      return say('rule.ride_alongs', { count: policy.requiredRideAlongs, window: policy.rideAlongWindow });
    case 'timesheet':
      return say('rule.timesheet', { payPeriod: payPeriodInWords(policy, lng), grace: policy.debriefGrace });
    case 'pay_approval':
      return say('rule.pay_approval', { within: policy.pay?.approveWithin ?? approveWithinDefault });
    case 'stage_limit': {
      const limit = stage ? (policy.stageSla as Record<string, string | undefined>)[stage] : undefined;
      return limit && stage
        ? say('rule.stage_limit', { stage: stage.replace('_', '-'), limit })
        : say('rule.stage_limitAny');
    }
  }
}

// #12: a season rehearsed (POST /api/programs/:id/rehearsals' work, in the domain): 52 weeks for 1,000 organizers on
// the AFT preset with pay, against the same people hired and their deadlines walked by the domain alone (no habits, no
// counting): the share the rehearsal adds to the walk it cannot do without. Its absolute time on this machine too.
import { walkTo } from '../../src/domain/hiring-walk';
import { applyAction, fireDeadlines, nextDeadline, startOrganizer } from '../../src/domain/lifecycle';
import { currentRules, type Actor } from '../../src/domain/organizer';
import { payPresets } from '../../src/domain/pay';
import { mergePolicy, policyPresets } from '../../src/domain/policy';
import { rehearseSeason, typicalHabit, type SeasonInput } from '../../src/domain/rehearsal/season';
import { anApplicationFor } from '../../dev/hiring-walk';
import { log, record } from '../report';
import { round } from '../stats';

const week = 7 * 86_400_000;
const coordinator: Actor = { id: 'bench', role: 'coordinator' };

function season(people: number): SeasonInput {
  const from = Date.parse('2027-01-04T06:00:00Z');
  return {
    programId: 'bench-rehearsal',
    policy: mergePolicy(policyPresets.member_organizer, { pay: payPresets.member_organizer }),
    timezone: 'America/Chicago',
    termStart: '2027-01-01T06:00:00Z',
    from,
    until: from + 52 * week,
    seed: 12,
    cohorts: [
      {
        count: people,
        startsAt: from,
        stage: 'active',
        habit: typicalHabit,
      },
    ],
  };
}

/** The same people hired at the season's start, their deadlines fired one by one to its end, and nothing else. */
function deadlinesWalked(input: SeasonInput): void {
  for (let i = 0; i < input.cohorts[0].count; i++) {
    const organizerId = `walk-${i}`;
    const { state } = startOrganizer(
      {
        organizerId,
        programId: input.programId,
        application: anApplicationFor(organizerId),
        policy: input.policy,
        roster: { hasRoster: false, onRoster: false },
        rules: currentRules,
        timezone: input.timezone,
        termStart: input.termStart,
      },
      input.from,
    );
    for (const step of walkTo(input.policy, 'active', { now: input.from, timeZone: input.timezone }))
      applyAction(state, { action: step.action, input: step.input, actor: coordinator } as never, input.from);
    for (let at = nextDeadline(state); at !== undefined && at < input.until; at = nextDeadline(state))
      fireDeadlines(state, at);
  }
}

const timedOnce = (run: () => void): number => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

export async function rehearsal(): Promise<void> {
  // Warmed up on a small season first (the JIT), then each once at full size.
  rehearseSeason(season(50));
  deadlinesWalked(season(50));
  const input = season(1_000);
  const walked = timedOnce(() => deadlinesWalked(input));
  let totals: ReturnType<typeof rehearseSeason>['totals'] | undefined;
  const rehearsed = timedOnce(() => (totals = rehearseSeason(input).totals));
  log(`#12 totals: ${JSON.stringify(totals)}`);
  const ratio = round(rehearsed / walked);
  record({
    id: 12,
    name: 'a 52-week season for 1,000 organizers rehearsed, ms',
    figures: { rehearsal: round(rehearsed) },
    baseline: { deadlinesWalked: round(walked) },
    ratios: { rehearsal: ratio },
    target: '≤ 5 s on two cores (the ratio shows what the habits and counting add to the walk)',
    met: rehearsed <= 5_000,
  });
}

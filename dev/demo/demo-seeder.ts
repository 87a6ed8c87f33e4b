// Seeding and keeping alive the demo programs, through the HTTP API (see demo-data.ts for what they hold).
import type { LoggerService } from '@nestjs/common';
import type { OpenStage, Stage } from '../../src/domain/stages';
import { eligibleAttestations, walkTo } from '../hiring-walk';
import { chance, demoPerson, demoPolicy, demoPrograms } from './demo-data';

/** A bare HTTP client of the API. */
export class DemoClient {
  constructor(
    readonly baseUrl: string,
    readonly adminToken: string,
  ) {}

  async call<T = any>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export interface DemoState {
  programIds: string[];
  /** Coordinator tokens per program, so a newcomer can sign in as one (the file is readable by its owner only). */
  coordinators: { programId: string; name: string; token: string }[];
}

/** Applies and walks one applicant to `stage` through the real workflow, as the program's coordinator. */
async function applicant(
  client: DemoClient,
  token: string,
  program: { id: string; policy: { requiredTrainings: string[]; initialRideAlongs: number } },
  p: number,
  i: number,
  stage: Stage,
  local: string,
): Promise<void> {
  const person = demoPerson(p, i);
  const attestations = {
    ...eligibleAttestations,
    weeklyHours: 20,
    currentLeader: chance(`${p}-${i}-leader`) < 0.15,
  };
  const { id } = await client.call(token, 'POST', `/api/programs/${program.id}/applications`, {
    memberId: person.memberId,
    name: person.name,
    email: `${person.memberId.toLowerCase()}@demo.organizer-pipeline.local`,
    local,
    attestations: stage === 'ineligible' ? { ...attestations, currentMember: false, weeklyHours: 2 } : attestations,
  });
  const act = (action: string, body: unknown) => client.call(token, 'POST', `/api/organizers/${id}/${action}`, body);
  if (stage === 'not_selected') return void (await act('reject', { reason: 'not this round; encouraged to reapply' }));
  if (stage === 'withdrawn') return void (await act('withdraw', { reason: 'family commitments' }));
  const target = stage === 'declined' ? 'offered' : stage === 'terminated' ? 'training' : (stage as OpenStage);
  for (const step of walkTo(program.policy, target, {
    location: `${local} hall`,
    staff: 'National organizer',
    stipend: 1200,
  }))
    await act(step.action, step.input);
  if (stage === 'declined') await act('respond-offer', { accepted: false });
  if (stage === 'terminated') await act('terminate', { reason: 'did not attend trainings' });
}

/** Creates the demo programs, a coordinator for each, and their applicants at every stage. */
export async function seedDemo(client: DemoClient, logger: LoggerService): Promise<DemoState> {
  const state: DemoState = { programIds: [], coordinators: [] };
  for (const [p, demo] of demoPrograms.entries()) {
    const program = await client.call(client.adminToken, 'POST', '/api/programs', {
      name: demo.name,
      affiliate: demo.affiliate,
      kind: demo.kind,
      timezone: demo.timezone,
      termStart: new Date().toISOString(),
      goals: demo.goals,
      policy: demoPolicy,
      nationalContactEmail: 'national@demo.organizer-pipeline.local',
    });
    const person = demoPerson(p, 99);
    const coordinator = await client.call(client.adminToken, 'POST', '/api/users', {
      email: `coordinator-${p + 1}@demo.organizer-pipeline.local`,
      name: `${person.name} (coordinator)`,
      role: 'coordinator',
      programIds: [program.id],
    });
    state.programIds.push(program.id);
    state.coordinators.push({ programId: program.id, name: coordinator.name, token: coordinator.token });
    const stages = Object.entries(demo.stages).flatMap(([stage, n]) => Array<Stage>(n).fill(stage as Stage));
    await Promise.all(
      stages.map((stage, i) =>
        applicant(client, coordinator.token, program, p, i, stage, demo.locals[i % demo.locals.length]),
      ),
    );
    logger.log(`seeded ${demo.name}: ${stages.length} applicants`);
  }
  return state;
}

/**
 * One round of demo debriefs. Each organizer's habit is fixed: most debrief on time, some late, a few skip a week,
 * and in every program the first active organizer (by id) has stopped reporting, so someone is always at risk.
 */
export async function demoPulse(client: DemoClient, state: DemoState, logger: LoggerService): Promise<number> {
  let submitted = 0;
  for (const { programId, token } of state.coordinators) {
    const active = await client.call(token, 'GET', `/api/programs/${programId}/organizers?stage=active&limit=200`);
    // The first (by id) has stopped reporting; the others debrief by habit.
    const reporting = (active.items as { id: string; paused: boolean }[])
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(1);
    for (const organizer of reporting) {
      if (organizer.paused) continue;
      const detail = await client.call(token, 'GET', `/api/organizers/${organizer.id}`);
      for (const period of detail.pendingDebriefPeriods as { start: string; end: string; overdue: boolean }[]) {
        if (Date.parse(period.end) > Date.now()) continue;
        const habit = chance(`${organizer.id}:${period.start}`);
        const submitNow = habit < 0.8 ? !period.overdue : habit < 0.93 ? period.overdue : false;
        if (!submitNow) continue;
        const n = (key: string, max: number) =>
          Math.floor(chance(`${organizer.id}:${period.start}:${key}`) * (max + 1));
        const group = chance(`${organizer.id}:${period.start}:group`) < 0.3;
        await client
          .call(token, 'POST', `/api/organizers/${organizer.id}/submit-debrief`, {
            periodStart: period.start,
            hours: 4 + n('hours', 8),
            conversations: 5 + n('conversations', 25),
            oneOnOnes: n('oneOnOnes', 5),
            leadersIdentified: n('leaders', 2),
            inPerson: group || chance(`${organizer.id}:${period.start}:inPerson`) < 0.5,
            group,
          })
          .then(
            () => (submitted += 1),
            (error: Error) => logger.warn(error.message),
          );
      }
    }
  }
  return submitted;
}

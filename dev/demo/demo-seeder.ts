// Seeding and keeping alive the demo programs, through the HTTP API (see demo-data.ts for what they hold).
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { PolicyPatch } from '../../src/domain/policy';
import type { OpenStage, Stage } from '../../src/domain/stages';
import { payPresets } from '../../src/domain/pay';
import { eligibleAttestations, localDay, walkTo } from '../hiring-walk';
import { chance, demoHistory, demoPerson, demoPolicy, demoPrograms, demoWeekMs } from './demo-data';

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

/** Where the demo's applicants and its own user have their addresses: the demo acts on these people only. */
const demoDomain = 'demo.organizer-pipeline.local';
/** The demo's staff, who sign in as anyone does (by a link in the outbox): addresses no one receives mail at. */
const staffDomain = 'example.org';

export interface DemoState {
  programIds: string[];
  /** Coordinator tokens per program, so a newcomer can sign in as one (the file is readable by its owner only). */
  coordinators: { programId: string; name: string; email?: string; token: string }[];
  /** National staff, who read every program. (Absent in a state saved before there was one.) */
  national?: { name: string; email: string };
  /**
   * The demo's own user per program, "Demo", through which it does everything: the timelines say the demo did it, and
   * what a newcomer does as the coordinator stays theirs. (Absent in a state saved before there was one.)
   */
  actors?: { programId: string; token: string }[];
  /** Until when the demo lives its first weeks fast (demoHistory); absent once it keeps the usual pace. */
  historyUntil?: number;
  /** Organizers the demo paused when it stopped (the stack's downtime is their break), resumed when it starts. */
  onBreak?: { programId: string; organizerId: string }[];
}

/** Applies and walks one applicant to `stage` through the real workflow, as the program's coordinator. */
async function applicant(
  client: DemoClient,
  token: string,
  program: { id: string; timezone: string; policy: { requiredTrainings: string[]; initialRideAlongs: number } },
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
    email: `${person.memberId.toLowerCase()}@${demoDomain}`,
    local,
    attestations: stage === 'ineligible' ? { ...attestations, currentMember: false, weeklyHours: 2 } : attestations,
  });
  const act = (action: string, body: unknown) => client.call(token, 'POST', `/api/organizers/${id}/${action}`, body);
  if (stage === 'not_selected') return void (await act('reject', { reason: 'not this round; encouraged to reapply' }));
  if (stage === 'withdrawn') return void (await act('withdraw', { reason: 'family commitments' }));
  const target = stage === 'declined' ? 'offered' : stage === 'terminated' ? 'training' : (stage as OpenStage);
  for (const step of walkTo(program.policy, target, {
    // Dates are the program's local days: between midnight UTC and local midnight, UTC's is tomorrow there.
    timeZone: program.timezone,
    location: `${local} hall`,
    staff: 'National organizer',
    stipend: 1200,
  }))
    await act(step.action, step.input);
  if (stage === 'declined') await act('respond-offer', { accepted: false });
  if (stage === 'terminated') await act('terminate', { reason: 'did not attend trainings' });
}

/** The demo's own user in a program: a coordinator named "Demo". */
async function demoActor(client: DemoClient, programId: string): Promise<{ programId: string; token: string }> {
  const user = await client.call(client.adminToken, 'POST', '/api/users', {
    email: `demo-${programId}@${demoDomain}`,
    name: 'Demo',
    role: 'coordinator',
    programIds: [programId],
  });
  return { programId, token: user.token };
}

/** A state saved before the demo had users of its own gets them (the caller saves it). */
export async function withDemoActors(client: DemoClient, state: DemoState): Promise<DemoState> {
  if (state.actors) return state;
  return { ...state, actors: await Promise.all(state.programIds.map((id) => demoActor(client, id))) };
}

/** The program's people the demo made (by their address): never someone a newcomer added by hand. */
async function demoPeople(
  client: DemoClient,
  token: string,
  programId: string,
  stage?: Stage,
): Promise<{ id: string; paused: boolean }[]> {
  const people: { id: string; email: string; paused: boolean }[] = [];
  for (let offset = 0; ; offset += 200) {
    const { items } = await client.call(
      token,
      'GET',
      `/api/programs/${programId}/organizers?limit=200&offset=${offset}${stage ? `&stage=${stage}` : ''}`,
    );
    people.push(...items);
    if (items.length < 200) break;
  }
  return people.filter((o) => o.email.endsWith(`@${demoDomain}`));
}

/** Creates the demo programs, a coordinator for each, and their applicants at every stage. */
export async function seedDemo(
  client: DemoClient,
  logger: LoggerService,
  policy: PolicyPatch = demoPolicy,
): Promise<DemoState> {
  const national = await client.call(client.adminToken, 'POST', '/api/users', {
    // A suffix of its own: a demo seeded twice (the tests do) makes new staff.
    email: `national-${randomUUID().slice(0, 8)}@${staffDomain}`,
    name: 'Dana Whitfield',
    role: 'national',
    apiToken: false,
  });
  const state: DemoState = {
    programIds: [],
    coordinators: [],
    actors: [],
    national: { name: national.name, email: national.email },
  };
  for (const [p, demo] of demoPrograms.entries()) {
    const program = await client.call(client.adminToken, 'POST', '/api/programs', {
      name: demo.name,
      affiliate: demo.affiliate,
      kind: demo.kind,
      timezone: demo.timezone,
      termStart: new Date().toISOString(),
      goals: demo.goals,
      // The public interest form is open from the start: /apply/<programId>. Pay as the kind's preset, on the
      // demo's clock: a closed record's last pay periods wait 30 minutes, not 60 days.
      policy: {
        ...policy,
        applicationsOpen: { from: new Date().toISOString() },
        ...(policy.pay === null
          ? {}
          : { pay: { ...payPresets[demo.kind], approveWithin: '5 minutes', settleWithin: '30 minutes' } }),
      },
      nationalContactEmail: national.email,
    });
    const person = demoPerson(p, 99);
    const coordinator = await client.call(client.adminToken, 'POST', '/api/users', {
      // The program's id in the address: a demo seeded twice (the tests do) makes new coordinators.
      email: `coordinator-${p + 1}-${program.id.slice(0, 8)}@${staffDomain}`,
      name: person.name,
      role: 'coordinator',
      programIds: [program.id],
    });
    const actor = await demoActor(client, program.id);
    state.programIds.push(program.id);
    state.coordinators.push({
      programId: program.id,
      name: coordinator.name,
      email: coordinator.email,
      token: coordinator.token,
    });
    state.actors!.push(actor);
    const stages = Object.entries(demo.stages).flatMap(([stage, n]) => Array<Stage>(n).fill(stage as Stage));
    await Promise.all(
      stages.map((stage, i) =>
        applicant(client, actor.token, program, p, i, stage, demo.locals[i % demo.locals.length]),
      ),
    );
    logger.log(
      `seeded ${demo.name}: ${stages.length} applicants; its public form is ${client.baseUrl}/apply/${program.id}`,
    );
  }
  return state;
}

/**
 * The weekly reports to national of a program's weeks that ended since it began, made as national would ask for them
 * (no Monday comes while the demo lives its first weeks): answers how many were made.
 */
async function reportEndedWeeks(client: DemoClient, programId: string): Promise<number> {
  const as = client.adminToken;
  const [{ createdAt }, { weeks }, { items }] = await Promise.all([
    client.call<{ createdAt: string }>(as, 'GET', `/api/programs/${programId}`),
    client.call<{ weeks: string[] }>(as, 'GET', `/api/dashboard/trends?programId=${programId}&metrics=debriefsDue`),
    client.call<{ items: { weekOf: string }[] }>(as, 'GET', `/api/programs/${programId}/reports?limit=52`),
  ]);
  const made = new Set(items.map((report) => report.weekOf));
  // The last week is in progress; a ride-along the demo dated before the program began shows in a week before it.
  const due = weeks.slice(0, -1).filter((week) => Date.parse(week) >= Date.parse(createdAt) && !made.has(week));
  for (const weekOf of due) await client.call(as, 'POST', `/api/programs/${programId}/reports`, { weekOf });
  return due.length;
}

/** Once the demo's first weeks are lived (`state.historyUntil`), its programs go on at the usual pace. */
export async function endDemoHistory(
  client: DemoClient,
  state: DemoState,
  logger: LoggerService,
  now = Date.now(),
): Promise<boolean> {
  if (state.historyUntil === undefined || now < state.historyUntil) return false;
  let reports = 0;
  for (const programId of state.programIds) {
    await client.call(client.adminToken, 'PATCH', `/api/programs/${programId}`, { policy: demoHistory.pace });
    // The week the change cut short has ended too.
    reports += await reportEndedWeeks(client, programId);
  }
  delete state.historyUntil;
  logger.log(
    `${demoHistory.weeks} weeks of history lived (${reports} weekly reports): a demo week now lasts ${demoHistory.pace.debriefEvery}`,
  );
  return true;
}

/** Everyone in a program takes a turn at having stopped reporting, for this long each (six demo weeks). */
const stoppedFor = 6 * demoWeekMs;
/** Debriefs one organizer files in one pulse at most (after a long stop, the latest first). */
const catchUpPerPulse = 10;

/**
 * One round of demo life. Each organizer's habit is fixed per period: most debrief as soon as the period ends, some
 * late, a few let one slide until the next is due; people catch up late, never never. One active organizer per
 * program at a time has stopped reporting (so someone is at risk) and catches up once their turn is over. Organizers
 * who finish their term are replaced by new hires, so a program never runs dry.
 */
export async function demoPulse(
  client: DemoClient,
  state: DemoState,
  logger: LoggerService,
  now = Date.now(),
): Promise<number> {
  let submitted = 0;
  const actors = state.actors ?? [];
  const programs = await Promise.all(
    actors.map(({ programId, token }) => client.call(token, 'GET', `/api/programs/${programId}`)),
  );
  // Pay first: what it approves needs debriefs already in, and the debriefs below are then the pulse's last word.
  for (const [p, { token }] of actors.entries())
    if (programs[p].policy.pay) await demoPay(client, token, programs[p], logger, now);
  for (const [p, { programId, token }] of actors.entries()) {
    const program = programs[p];
    // The program's own counts (MAPE's caucus commitments), reported with each debrief.
    const counts: string[] = program.policy.debriefMetrics ?? [];
    const active = await demoPeople(client, token, programId, 'active');
    active.sort((a, b) => a.id.localeCompare(b.id));
    const stopped = active.length ? active[Math.floor(now / stoppedFor) % active.length].id : undefined;
    for (const organizer of active) {
      if (organizer.paused || organizer.id === stopped) continue;
      const detail = await client.call(token, 'GET', `/api/organizers/${organizer.id}`);
      const periods = (detail.pendingDebriefPeriods as { start: string; end: string; overdue: boolean }[])
        .filter((period) => Date.parse(period.end) <= now)
        .reverse();
      const due = periods.filter((period, i) => {
        const habit = chance(`${organizer.id}:${period.start}`);
        if (habit < 0.8) return true; // as soon as the period ends
        if (habit < 0.93) return period.overdue; // late
        return i > 0; // lets it slide until the next one is due
      });
      for (const period of due.slice(0, catchUpPerPulse)) {
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
            ...(counts.length ? { metrics: Object.fromEntries(counts.map((c) => [c, n(c, 3)])) } : {}),
          })
          .then(
            () => (submitted += 1),
            (error: Error) => logger.warn(error.message),
          );
      }
    }
    await replaceFinished(client, token, programId, p, active.length, now);
  }
  // While its first weeks are lived, each week that ends gets its report to national (no Monday comes meanwhile).
  if (state.historyUntil !== undefined) for (const { programId } of actors) await reportEndedWeeks(client, programId);
  return submitted;
}

/**
 * The demo's pay: nine in ten time sheets come in once their period is over (a day's hours of the first kind of work,
 * some miles), and the coordinator approves what is complete (a period still missing its debrief is refused, and
 * waits for the next pulse).
 */
async function demoPay(
  client: DemoClient,
  token: string,
  program: { id: string; timezone: string; policy: { pay: { workKinds: string[] } } },
  logger: LoggerService,
  now: number,
): Promise<void> {
  const ours = new Set((await demoPeople(client, token, program.id)).map((o) => o.id));
  const { items } = await client.call(token, 'GET', `/api/programs/${program.id}/pay-periods?status=open`);
  const over = (items as { organizerId: string; periodStart: string; periodEnd: string }[]).filter(
    (p) =>
      ours.has(p.organizerId) &&
      Date.parse(p.periodEnd) <= now &&
      chance(`${p.organizerId}:${p.periodStart}:sheet`) < 0.9,
  );
  for (const period of over.slice(0, 50)) {
    const quarters = 8 + Math.floor(chance(`${period.organizerId}:${period.periodStart}:hours`) * 24);
    await client
      .call(token, 'POST', `/api/organizers/${period.organizerId}/submit-timesheet`, {
        periodStart: period.periodStart,
        entries: [
          {
            date: localDay(program.timezone, Date.parse(period.periodStart)),
            hours: quarters / 4,
            kind: program.policy.pay.workKinds[0],
          },
        ],
        miles: Math.floor(chance(`${period.organizerId}:${period.periodStart}:miles`) * 300) / 10,
      })
      .catch((error: Error) => logger.warn(error.message));
  }
  const submitted = await client.call(token, 'GET', `/api/programs/${program.id}/pay-periods?status=submitted`);
  for (const period of (submitted.items as { organizerId: string; periodStart: string; periodEnd: string }[])
    .filter((p) => ours.has(p.organizerId) && Date.parse(p.periodEnd) <= now)
    .slice(0, 50)) {
    // A period still missing its debrief is refused (422) until it comes.
    await client
      .call(token, 'POST', `/api/organizers/${period.organizerId}/approve-pay-period`, {
        periodStart: period.periodStart,
      })
      .catch((error: Error) => {
        if (!error.message.includes('→ 422')) logger.warn(error.message);
      });
  }
}

/** Hires new organizers when finished terms leave a program with fewer active than it was seeded with. */
async function replaceFinished(
  client: DemoClient,
  token: string,
  programId: string,
  p: number,
  activeNow: number,
  now: number,
): Promise<void> {
  const wanted = demoPrograms[p]?.stages.active ?? 0;
  if (activeNow >= wanted) return;
  const program = await client.call(token, 'GET', `/api/programs/${programId}`);
  const locals = demoPrograms[p].locals;
  for (let k = 0; k < wanted - activeNow; k++) {
    const index = 100 + (Math.floor(now / 1000) % 9_000) + k;
    await applicant(client, token, program, p, index, 'active', locals[index % locals.length]);
  }
}

/**
 * While the stack is stopped, its organizers are on a break: the demo pauses them as it stops and resumes them when
 * it starts, so a program opened the next day is where it was, not a day of missed debriefs behind.
 */
export async function demoBreak(
  client: DemoClient,
  state: DemoState,
  logger: LoggerService,
): Promise<NonNullable<DemoState['onBreak']>> {
  const paused: NonNullable<DemoState['onBreak']> = [];
  for (const { programId, token } of state.actors ?? []) {
    const active = await demoPeople(client, token, programId, 'active');
    for (const organizer of active.filter((o) => !o.paused)) {
      await client.call(token, 'POST', `/api/organizers/${organizer.id}/pause`, { reason: 'demo stopped' }).then(
        () => paused.push({ programId, organizerId: organizer.id }),
        (error: Error) => logger.warn(error.message),
      );
    }
  }
  return paused;
}

export async function demoResume(client: DemoClient, state: DemoState, logger: LoggerService): Promise<void> {
  const tokenFor = new Map((state.actors ?? []).map((c) => [c.programId, c.token]));
  for (const { programId, organizerId } of state.onBreak ?? []) {
    const token = tokenFor.get(programId);
    if (!token) continue;
    await client
      .call(token, 'POST', `/api/organizers/${organizerId}/resume`, { reason: 'demo started again' })
      // One whose term ended meanwhile, or resumed by hand, has nothing to resume.
      .catch((error: Error) => logger.warn(error.message));
  }
}

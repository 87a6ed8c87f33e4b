// #11: the coordinator's workspace. The board's data for a program of 1,000 people (GET /api/programs/:id/board)
// against the same rows by one hand-written statement; the board's time to interactive in Chromium for 1,000 people
// against 100; a group screening of 50 against the same 50 single actions sent in parallel.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { policyPresets } from '../../src/domain/policy';
import { OrganizerRepository } from '../../src/repositories/organizer.repository';
import { anApplicationFor, soon } from '../../dev/hiring-walk';
import type { BenchContext } from '../context';
import { log, record } from '../report';
import { percentile, round, timed } from '../stats';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A program of `people` organizers across the open stages, written by SQL (the board reads only rows). */
async function boardProgram({ stack }: BenchContext, people: number): Promise<string> {
  const [{ id }] = (
    await stack.pg.query(
      `INSERT INTO programs (id, name, affiliate, kind, timezone, term_start, goals, policy)
       VALUES (gen_random_uuid(), 'Board ' || $1::text, 'Bench', 'member_organizer', 'America/Chicago', now(), '{}', $2::jsonb)
       RETURNING id`,
      [people, JSON.stringify(policyPresets.member_organizer)],
    )
  ).rows;
  await stack.pg.query(
    `INSERT INTO organizers (id, program_id, member_id, name, email, local, stage, stage_entered_at, applied_at,
       at_risk, overdue_debriefs, flags, screening, next_debrief_due_at, totals, version, projected_at)
     SELECT gen_random_uuid(), $1, 'B-' || g, 'Board person ' || g, 'b' || g || '@bench.local', 'Local ' || (g % 7),
            (ARRAY['applied','screening','role_play','offered','training','ride_along','active','active','active','active'])[1 + g % 10],
            now() - (g % 40) * interval '1 day', now() - interval '60 days', g % 23 = 0, (g % 11 = 0)::int,
            CASE WHEN g % 9 = 0 THEN '["current_leader"]'::jsonb ELSE '[]'::jsonb END,
            jsonb_build_object('at', now() + interval '3 days', 'location', 'hall'),
            now() + interval '4 days', '{}'::jsonb, 1, now()
       FROM generate_series(1, $2) g`,
    [id, people],
  );
  return id as string;
}

const rawBoardSql = `
  SELECT id, member_id, name, local, stage, stage_entered_at, paused, at_risk, overdue_debriefs, flags,
         screening->>'at' AS screening_at, offer->>'expiresAt' AS offer_expires_at, next_debrief_due_at
    FROM organizers
   WHERE program_id = $1 AND stage = ANY ($2) AND erased_at IS NULL
   ORDER BY stage_entered_at, id`;

async function boardData(context: BenchContext): Promise<void> {
  const { api, stack } = context;
  const programId = await boardProgram(context, 1_000);
  const open = ['applied', 'screening', 'role_play', 'offered', 'training', 'ride_along', 'active'];
  // The API's own statement, through the same client as the raw one (its repository over a bare pg client).
  const repository = new OrganizerRepository({
    query: async (sql: string, parameters: unknown[]) => (await stack.pg.query(sql, parameters)).rows,
  } as unknown as DataSource);
  const statement = () => repository.boardJson(programId, 'America/Chicago');
  const raw = () => stack.pg.query(rawBoardSql, [programId, open]);
  const endpoint = () => api.call(api.adminToken, 'GET', `/api/programs/${programId}/board`);
  for (const run of [statement, raw, endpoint]) await timed(20, 1, run);
  const statementTimes = await timed(200, 1, statement);
  const rawTimes = await timed(200, 1, raw);
  const endpointTimes = await timed(200, 1, endpoint);
  const [statement95, raw95, endpoint95] = [statementTimes, rawTimes, endpointTimes].map((t) => percentile(t, 95));
  log(
    `#11.1 p50: board statement ${round(percentile(statementTimes, 50))} ms, raw SQL ${round(percentile(rawTimes, 50))} ms, ` +
      `GET /board ${round(percentile(endpointTimes, 50))} ms`,
  );
  const ratio = round(statement95 / raw95);
  record({
    id: 11.1,
    name: "the board's data for 1,000 people in one statement (and GET /api/programs/:id/board end to end), p95 ms",
    figures: { boardStatementP95: round(statement95), endpointP95: round(endpoint95) },
    baseline: { rawSqlP95: round(raw95) },
    ratios: { statement: ratio, endpoint: round(endpoint95 / raw95) },
    target: 'the statement ≤ 1.5× the same rows by one raw SQL statement',
    met: ratio <= 1.5,
    note: 'the endpoint adds HTTP and 330 KB of JSON to the statement',
  });
}

async function boardInteractive(context: BenchContext): Promise<void> {
  if (!existsSync(chromiumPath)) {
    log(`#11.2 skipped: no Chromium at ${chromiumPath}`);
    return;
  }
  const [small, large] = [await boardProgram(context, 100), await boardProgram(context, 1_000)];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = context.api.baseUrl;
    await page.goto(`${origin}/`);
    // The sign-in page offers email first; a token is behind its own choice (since staff sign-in, issue 28).
    await page.getByText('Use an API token').click();
    await page.getByLabel('API token').fill(context.api.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('main h1');
    /** From a fresh page load until the board's cards and its count are on screen. */
    const interactive = async (programId: string) => {
      await page.goto('about:blank');
      const started = performance.now();
      await page.goto(`${origin}/#/program/${programId}/board`);
      await page.waitForSelector('[data-column=active] .board-card');
      await page.waitForSelector('text=people in open stages');
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) await interactive(small);
    for (let i = 0; i < 3; i++) await interactive(large);
    const smallMs: number[] = [];
    const largeMs: number[] = [];
    for (let i = 0; i < 15; i++) {
      smallMs.push(await interactive(small));
      largeMs.push(await interactive(large));
    }
    const s = percentile(smallMs, 50);
    const l = percentile(largeMs, 50);
    const ratio = round(l / s);
    record({
      id: 11.2,
      name: 'board time to interactive in Chromium, median ms',
      figures: { people1000: round(l) },
      baseline: { people100: round(s) },
      ratios: { tenTimesThePeople: ratio },
      target: '≤ 5× the time for 100 people',
      met: ratio <= 5,
    });
  } finally {
    await browser.close();
  }
}

async function groupScreening({ api, program }: BenchContext): Promise<void> {
  const applicants = async (n: number, prefix: string) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { id } = await api.call(
        api.adminToken,
        'POST',
        `/api/programs/${program.id}/applications`,
        anApplicationFor(`${prefix}-${i}-${Date.now() % 100000}`),
      );
      ids.push(id);
    }
    return ids;
  };
  const rounds = 3;
  const group: number[] = [];
  const singles: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const [a, b] = [await applicants(50, `G${r}`), await applicants(50, `S${r}`)];
    const at = soon();
    let started = performance.now();
    const created = await api.call(api.adminToken, 'POST', `/api/programs/${program.id}/group-screenings`, {
      at,
      location: 'hall',
      organizerIds: a,
    });
    group.push(performance.now() - started);
    if ((created.results as { ok: boolean }[]).some((x) => !x.ok)) throw new Error('a group screening step failed');
    started = performance.now();
    await Promise.all(
      b.map((id) =>
        api.call(api.adminToken, 'POST', `/api/organizers/${id}/schedule-screening`, { at, location: 'hall' }),
      ),
    );
    singles.push(performance.now() - started);
  }
  const g = percentile(group, 50);
  const s = percentile(singles, 50);
  const ratio = round(g / s);
  record({
    id: 11.3,
    name: 'a group screening of 50, median ms',
    figures: { groupOf50: round(g) },
    baseline: { fiftySinglesInParallel: round(s) },
    ratios: { group: ratio },
    target: '≤ 2× the same 50 single actions run in parallel',
    met: ratio <= 2,
  });
}

export async function workspace(context: BenchContext): Promise<void> {
  log('#11: the workspace (board data, board in Chromium, group screening)…');
  await boardData(context);
  await boardInteractive(context);
  await groupScreening(context);
}

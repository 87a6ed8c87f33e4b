// Members' personal data in Temporal (issue 15): the raw histories of every workflow the product runs for a program
// (organizers, the weekly report, program broadcasts, the reconcile pass), read without the codec, hold none of an
// applicant's name, email, phone or member id, nor do failure messages or search attributes; keys rotate; a wrong or
// missing key stops a process with one line; and a member can be erased.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { localDay } from '../../dev/hiring-walk';
import { ManagedProcess } from '../../dev/stack/managed-process';
import { productScript } from '../../dev/stack/settings';
import { organizerIdFor } from '../../src/contracts/ids';
import { reconcileWorkflowType } from '../../src/contracts/reconcile';
import { weeklyReportWorkflowType } from '../../src/contracts/weekly-report';
import { ErasedPayloadError, MemberDataCodec } from '../../src/temporal/member-data-codec';
import { failureConverter } from '../../src/temporal/failure-converter';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { scratchDatabase } from '../support/scratch-database';

const person = () => {
  const tag = randomUUID().slice(0, 6);
  return {
    name: `Zelda Quarry ${tag}`,
    email: `zelda.${tag}@secret.example`,
    phone: `+1 555 01${tag.slice(0, 2)}`,
    memberId: `SECRET-${tag}`,
  };
};

/** Every history of the workflows with these ids (all their runs), as JSON, read with a client without the codec. */
async function rawHistories(raw: Client, workflowIds: string[]): Promise<string> {
  const texts: string[] = [];
  for (const workflowId of workflowIds) {
    for await (const execution of raw.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      const history = await raw.workflow.getHandle(workflowId, execution.runId).fetchHistory();
      // Every byte field read as text: a plain JSON payload would show its values here as written.
      texts.push(JSON.stringify(history, (_, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v)));
      texts.push(JSON.stringify(execution.searchAttributes ?? {}));
    }
  }
  return texts.join('\n');
}

describe("members' data in Temporal", () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let raw: Client;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram({}, { TEMPORAL_UPDATE_TIMEOUT_MS: '30000' }));
    raw = new Client({ connection: harness.temporal.connection, namespace: harness.config.temporal.namespace });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('keeps every applicant detail out of the raw histories of every workflow of the program, and out of failures', async () => {
    const people = [person(), person()];
    const ids: string[] = [];
    for (const p of people) {
      const { body } = await admin.apply(program.id, {
        memberId: p.memberId,
        name: p.name,
        email: p.email,
        phone: p.phone,
      });
      ids.push(body.id);
    }
    await admin.hireToActive(program, ids[0]);
    await admin.act(ids[0], 'submit-debrief', {
      hours: 2,
      conversations: 1,
      oneOnOnes: 0,
      leadersIdentified: 0,
      inPerson: false,
      group: false,
      notes: `met ${people[0].name}`,
    });
    await admin.ok('POST', `/api/organizers/${ids[1]}/withdraw`, { reason: `asked by ${people[1].email}` });
    await admin.ok('PATCH', `/api/programs/${program.id}`, { policy: { escalateAfter: '3 days' } });
    const reportId = `report-privacy-${program.id}`;
    await harness.temporal.workflow.execute(weeklyReportWorkflowType, {
      taskQueue: harness.config.temporal.taskQueue,
      workflowId: reportId,
      args: [{ programId: program.id }],
    });
    const reconcileId = `reconcile-privacy-${program.id}`;
    await harness.temporal.workflow.execute(reconcileWorkflowType, {
      taskQueue: harness.config.temporal.taskQueue,
      workflowId: reconcileId,
      args: [{ closedWithinDays: 1, programId: program.id }],
    });
    const broadcasts: string[] = [];
    for await (const w of raw.workflow.list({ query: `WorkflowType = 'programBroadcastWorkflow'` }))
      if (w.workflowId.includes(program.id)) broadcasts.push(w.workflowId);
    expect(broadcasts.length).toBeGreaterThan(0);

    const histories = await rawHistories(raw, [...ids, reportId, reconcileId, ...broadcasts]);
    expect(histories.length).toBeGreaterThan(10_000);
    for (const p of people)
      for (const value of Object.values(p))
        expect({ value, found: histories.includes(value) }).toEqual({ value, found: false });
    // With the codec, the same histories read back whole.
    const state = await harness.temporal.workflow
      .getHandle(ids[0])
      .query<{ name: string; email: string }>('organizerState');
    expect(state).toMatchObject({ name: people[0].name, email: people[0].email });

    // A failure's message and stack travel encoded, so the codec encrypts them too.
    const failure = failureConverter.errorToFailure(
      new Error(`no such member ${people[0].memberId}`),
      defaultPayloadConverter,
    );
    expect(failure.message).toBe('Encoded failure');
    const codec = harness.app.get(MemberDataCodec);
    const [sealed] = await codec.encode([failure.encodedAttributes as Payload], {
      type: 'workflow',
      namespace: 'default',
      workflowId: ids[0],
    });
    expect(Buffer.from(sealed.data!).toString('latin1')).not.toContain(people[0].memberId);
  });

  it('erases a member: their data leaves the read models, their payloads can no longer be read, the figures stay', async () => {
    const p = person();
    const { body } = await admin.apply(program.id, {
      memberId: p.memberId,
      name: p.name,
      email: p.email,
      phone: p.phone,
    });
    const id = body.id as string;
    await admin.hireToActive(program, id);
    await admin.act(id, 'record-ride-along', {
      date: localDay(program.timezone),
      staff: 'Jo',
      notes: `drove with ${p.name}`,
    });
    const login = p.email.replace('@', '+login@');
    const organizerUser = await admin.createUser('organizer', { organizerId: id, email: login, name: p.name });
    await admin.ok('POST', `/api/organizers/${id}/withdraw`, { reason: 'moving away' });
    const before = await admin.ok('GET', `/api/dashboard/pipeline?programId=${program.id}`);
    const firstRun = (await raw.workflow.getHandle(id).describe()).runId;
    const history = await raw.workflow.getHandle(id).fetchHistory();
    const input = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0] as Payload;

    const erased = await admin.ok('POST', `/api/organizers/${id}/erase`);
    expect(erased).toMatchObject({ organizerId: expect.any(String), stage: 'withdrawn' });
    // The record keeps its figures under a new id, which no member id leads to.
    const anonymous = erased.organizerId as string;
    expect(anonymous).not.toBe(id);

    const dump = JSON.stringify(
      await harness.dataSource.query(
        `SELECT
           (SELECT json_agg(o) FROM organizers o WHERE o.id = ANY ($1)) AS organizer,
           (SELECT json_agg(n) FROM notifications n WHERE n.organizer_id = ANY ($1)) AS notifications,
           (SELECT json_agg(d) FROM notification_deliveries d
              WHERE split_part(d.notification_id, ':', 1) = ANY ($1::text[])) AS deliveries,
           (SELECT json_agg(r) FROM ride_alongs r WHERE r.organizer_id = ANY ($1)) AS ride_alongs,
           (SELECT json_agg(t) FROM stage_transitions t WHERE t.organizer_id = ANY ($1)) AS history,
           (SELECT json_agg(a) FROM audit_entries a) AS audit,
           (SELECT json_agg(u) FROM users u WHERE u.organizer_id = ANY ($1)) AS users,
           (SELECT json_agg(w) FROM weekly_reports w WHERE w.program_id = $2) AS reports`,
        [[id, anonymous], program.id],
      ),
    );
    for (const value of [p.name, p.email, login, p.phone, p.memberId, id])
      expect({ value, found: dump.includes(value) }).toEqual({ value, found: false });
    // The whole audit trail, as an admin reads it: no entry about the member or their account shows their data.
    const audit = JSON.stringify(await admin.ok('GET', '/api/audit?limit=200'));
    for (const value of [p.name, login, p.memberId])
      expect({ value, found: audit.includes(value) }).toEqual({ value, found: false });
    expect(await admin.ok('GET', `/api/organizers/${anonymous}`)).toMatchObject({
      name: 'Erased member',
      stage: 'withdrawn',
      phone: null,
    });
    expect((await admin.as(organizerUser.token).call('GET', '/api/users/me')).status).toBe(401);
    expect(await admin.ok('GET', `/api/dashboard/pipeline?programId=${program.id}`)).toEqual(before);

    // What Temporal held of them cannot be decoded any more, anywhere.
    await expect(harness.app.get(MemberDataCodec).decode([input])).rejects.toBeInstanceOf(ErasedPayloadError);
    const trail = await admin.ok('GET', `/api/programs/${program.id}/audit`);
    expect(trail.items[0]).toEqual({
      at: expect.any(String),
      actor: 'bootstrap-admin',
      actorInWords: 'the administrator (ADMIN_TOKEN)',
      programId: program.id,
      kind: 'erased',
      subject: anonymous,
    });
    // The reconciler leaves the erased record alone.
    expect(
      (
        await harness.dataSource.query('SELECT erased_at IS NOT NULL AS erased FROM organizers WHERE id = $1', [
          anonymous,
        ])
      )[0].erased,
    ).toBe(true);

    // No answer tells the erased member's id from one no one ever had.
    const never = organizerIdFor(program.id, `NEVER-${randomUUID().slice(0, 6)}`);
    const asked = async (organizerId: string) => {
      const answers = [];
      for (const [method, path] of [
        ['GET', `/api/organizers/${organizerId}`],
        ['GET', `/api/organizers/${organizerId}/links`],
        ['POST', `/api/organizers/${organizerId}/erase`],
        ['POST', `/api/organizers/${organizerId}/withdraw`],
      ]) {
        const response = await admin.call(method, path, method === 'POST' ? { reason: 'x' } : undefined);
        answers.push([response.status, JSON.stringify(response.body).replaceAll(organizerId, '<id>')]);
      }
      return answers;
    };
    expect(await asked(id)).toEqual(await asked(never));
    expect((await asked(never)).map(([status]) => status)).toEqual([404, 404, 404, 404]);

    // The member may apply again: a new record and a new run, under the id their member id gives.
    const again = await admin.apply(program.id, { memberId: p.memberId, name: p.name, email: p.email });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id, stage: 'applied', name: p.name, version: 1 });
    expect((await harness.temporal.workflow.getHandle(id).describe()).runId).not.toBe(firstRun);
    expect((await admin.ok('GET', `/api/organizers/${anonymous}`)).name).toBe('Erased member');
    // Once: a second application is refused as any duplicate is.
    expect((await admin.apply(program.id, { memberId: p.memberId })).status).toBe(409);
  }, 120_000);

  it('ends an open record as withdrawn (erased) before erasing it', async () => {
    const { body } = await admin.apply(program.id);
    const erased = await admin.ok('POST', `/api/organizers/${body.id}/erase`);
    expect(erased.stage).toBe('withdrawn');
    const [last] = await harness.dataSource.query(
      'SELECT to_stage FROM stage_transitions WHERE organizer_id = $1 ORDER BY seq DESC LIMIT 1',
      [erased.organizerId],
    );
    expect(last.to_stage).toBe('withdrawn');
  });
});

describe('payload keys', () => {
  const key = () => randomBytes(32).toString('base64');

  it('reads data written under key 1 after key 2 becomes current; new data keys wrap with key 2; key 1 retires', async () => {
    const [k1, k2] = [key(), key()];
    const id1 = `r1${randomUUID().slice(0, 6)}`;
    const id2 = `r2${randomUUID().slice(0, 6)}`;
    // A database of its own: data keys wrapped with this test's keys would be required of every other test's start.
    const db = await scratchDatabase();
    const start = (env: Record<string, string>) => AppHarness.start({ DATABASE_URL: db.url, ...env });
    try {
      const first = await start({ PAYLOAD_KEYS: `${id1}:${k1}` });
      const admin1 = new ApiClient(first);
      const program = await admin1.createProgram({});
      const written = (await admin1.apply(program.id)).body.id as string;
      const taskQueue = first.config.temporal.taskQueue;
      await first.stop();

      const second = await start({ PAYLOAD_KEYS: `${id2}:${k2},${id1}:${k1}`, TEMPORAL_TASK_QUEUE: taskQueue });
      try {
        const admin2 = new ApiClient(second);
        expect(
          (await second.temporal.workflow.getHandle(written).query<{ stage: string }>('organizerState')).stage,
        ).toBe('applied');
        expect(
          (
            await admin2.act(written, 'schedule-screening', {
              at: new Date(Date.now() + 86_400_000).toISOString(),
              location: 'hall',
            })
          ).status,
        ).toBe(200);
        const fresh = (await admin2.apply(program.id)).body.id as string;
        const rows = await second.dataSource.query(
          'SELECT subject, key_id FROM data_keys WHERE subject = ANY ($1) ORDER BY key_id',
          [[written, fresh]],
        );
        expect(rows).toEqual(
          expect.arrayContaining([
            { subject: written, key_id: id1 },
            { subject: fresh, key_id: id2 },
          ]),
        );
      } finally {
        await second.stop();
      }
      // Retiring key 1: its data keys move to key 2, and then the system runs without key 1 and still reads them.
      const retire = new ManagedProcess({
        name: 'retire',
        command: process.execPath,
        args: [productScript('retire-payload-key.js'), id1],
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: db.url, PAYLOAD_KEYS: `${id2}:${k2},${id1}:${k1}` },
      });
      expect(await retire.exited).toBe(0);
      expect(retire.recent.join('\n')).toContain(`1 member data keys moved from key ${id1} to key ${id2}`);
      const third = await start({ PAYLOAD_KEYS: `${id2}:${k2}`, TEMPORAL_TASK_QUEUE: taskQueue });
      try {
        const state = await third.temporal.workflow.getHandle(written).query<{ stage: string }>('organizerState');
        expect(state.stage).toBe('screening');
      } finally {
        await third.stop();
      }
      // The same id with another key: refused at start.
      await expect(start({ PAYLOAD_KEYS: `${id1}:${key()}` })).rejects.toThrow(
        `PAYLOAD_KEYS key ${id1} is not the key that id stood for`,
      );
    } finally {
      await db.drop();
    }
  }, 120_000);

  function startApi(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string[] }> {
    const output: string[] = [];
    const api = new ManagedProcess({
      name: 'api',
      command: process.execPath,
      args: [productScript('main.js')],
      env: { ...process.env, NODE_ENV: 'test', PORT: '0', ...env },
      onLine: (line) => output.push(line),
    });
    return api.exited.then((code) => ({ code, output }));
  }

  it.each([
    ['missing', { PAYLOAD_KEYS: '' }, /cannot start: PAYLOAD_KEYS is required/],
    ['malformed', { PAYLOAD_KEYS: 'k1:c2hvcnQ=' }, /cannot start: PAYLOAD_KEYS: key k1 is 5 bytes; AES-256 needs 32/],
    [
      'fine but the TLS certificate is missing',
      { TEMPORAL_TLS_CLIENT_CERT_PATH: '/nonexistent/client.pem' },
      /cannot start: TEMPORAL_TLS_CLIENT_CERT_PATH names \/nonexistent\/client.pem, which does not exist/,
    ],
  ])('stops at start with one line naming the setting when the key is %s', async (_, env, message) => {
    const { code, output } = await startApi(env);
    expect(code).not.toBe(0);
    const errors = output.filter((line) => /cannot start/.test(line));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });
});

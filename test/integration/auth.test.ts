import { request as httpRequest } from 'node:http';
import { eligibleAttestations } from '../../dev/hiring-walk';
import { Controller, Get, LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/api/app.module';
import { validationPipe } from '../../src/api/common/validation';
import { hashToken } from '../../src/api/auth/tokens';
import { loadConfig } from '../../src/config/configuration';
import { adminToken, ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { sdkLogLines } from '../support/workflow-harness';

/** A GET from a chosen loopback source address (the whole 127.0.0.0/8 reaches the API on 127.0.0.1). */
function getFrom(localAddress: string, url: string, token: string): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { localAddress, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (message: unknown, context?: string) => this.lines.push(`${context} ${String(message)}`);
  error = (message: unknown, ...rest: unknown[]) =>
    this.lines.push(`ERROR ${String(message)} ${rest.map(String).join(' ')}`);
  warn = (message: unknown, context?: string) => this.lines.push(`WARN ${context} ${String(message)}`);
  debug = (message: unknown) => this.lines.push(String(message));
  verbose = (message: unknown) => this.lines.push(String(message));
}

/** A loopback address of this run's own (all of 127.0.0.0/8 is loopback): failures are counted per address in the
 * database every test shares. */
const ownLoopback = () => `127.${[0, 0, 0].map(() => 1 + Math.floor(Math.random() * 250)).join('.')}`;

describe('authentication', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  const logger = new RecordingLogger();

  beforeAll(async () => {
    harness = await AppHarness.start({ AUTH_FAILURES_PER_MINUTE: '5' }, { logger });
    admin = new ApiClient(harness);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('stores only a hash of each token, shows the token once, and answers 401 once it is revoked', async () => {
    const created = await admin.ok('POST', '/api/users', { email: 'nat@example.org', name: 'Nat', role: 'national' });
    expect(created.token).toMatch(/^op_[A-Za-z0-9_-]{32}$/);
    const [row] = await harness.dataSource.query('SELECT * FROM users WHERE id = $1', [created.id]);
    expect(JSON.stringify(row)).not.toContain(created.token);
    const tokens = await harness.dataSource.query('SELECT * FROM personal_tokens WHERE user_id = $1', [created.id]);
    expect(JSON.stringify(tokens)).not.toContain(created.token);
    expect(tokens.map((t: { name: string; token_hash: string }) => [t.name, t.token_hash])).toEqual([
      ['API token', hashToken(created.token)],
    ]);

    const national = admin.as(created.token);
    expect((await national.call('GET', '/api/users/me')).body).toEqual({
      id: created.id,
      role: 'national',
      programIds: [],
      organizerId: null,
    });
    const revoked = await admin.ok('POST', `/api/users/${created.id}/revoke`);
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect((await getFrom(ownLoopback(), `${harness.baseUrl}/api/programs`, created.token)).status).toBe(401);
    expect((await admin.call('POST', '/api/users/00000000-0000-4000-8000-000000000000/revoke')).status).toBe(404);
  });

  it('slows repeated failed sign-ins from one address, but never refuses a valid token from it', async () => {
    const url = `${harness.baseUrl}/api/programs`;
    const [office, elsewhere] = [ownLoopback(), ownLoopback()];
    const attempts = [];
    for (let i = 0; i < 7; i++) attempts.push(await getFrom(office, url, `op_guess-${i}`));
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(Number(attempts[6].retryAfter)).toBeGreaterThan(0);
    // A union office shares one address: a colleague with a good token still gets in; guesses stay refused.
    expect((await getFrom(office, url, adminToken)).status).toBe(200);
    expect((await getFrom(office, url, 'op_guess-again')).status).toBe(429);
    expect((await getFrom(elsewhere, url, 'op_guess-elsewhere')).status).toBe(401);
  });

  it('records the acting user on every transition and on every notification resolution', async () => {
    const program = await admin.createProgram(); // durations in seconds
    const coordinatorUser = await admin.createUser('coordinator', { programIds: [program.id] });
    const coordinator = admin.as(coordinatorUser.token);
    const { body } = await coordinator.apply(program.id);
    const detail = await coordinator.hireToActive(program, body.id);
    // The application too: recorded by the coordinator who entered it.
    expect(detail.history.map((h: { actor: string }) => h.actor)).toEqual(
      Array(detail.history.length).fill(coordinatorUser.id),
    );

    const organizerUser = await admin.createUser('organizer', { organizerId: body.id });
    const organizer = admin.as(organizerUser.token);
    const overdue = await eventually('a debrief_overdue notification', async () => {
      const list = await organizer.ok('GET', '/api/notifications?kind=debrief_overdue');
      return list.items[0];
    });
    const periodStart = (await organizer.ok('GET', `/api/organizers/${body.id}`)).pendingDebriefPeriods[0].start;
    await organizer.ok('POST', `/api/organizers/${body.id}/submit-debrief`, {
      periodStart,
      hours: 5,
      conversations: 8,
      oneOnOnes: 1,
      leadersIdentified: 0,
      inPerson: false,
      group: false,
    });
    const after = await organizer.ok('GET', `/api/organizers/${body.id}`);
    expect(after.debriefs[0]).toMatchObject({ periodStart, submittedBy: organizerUser.id, late: true });
    expect(after.notifications.find((n: { id: string }) => n.id === overdue.id)).toMatchObject({
      resolvedBy: organizerUser.id,
      resolvedAt: expect.any(String),
    });
  }, 60_000);

  it('keeps tokens and attestations out of every log line, and tags request lines with their request id', async () => {
    const program = await admin.createProgram({});
    const coordinatorUser = await admin.createUser('coordinator', { programIds: [program.id] });
    const response = await admin.as(coordinatorUser.token).apply(program.id, {
      attestations: { ...eligibleAttestations, weeklyHours: 17.25 },
    });
    expect(response.status).toBe(201);
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await eventually('the request line', async () => logger.lines.some((l) => l.includes(`[request ${requestId}]`)));
    const lines = [...logger.lines, ...sdkLogLines];
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [
      adminToken,
      coordinatorUser.token,
      'driversLicense',
      'insuredVehicle',
      '17.25',
      'weeklyHours',
    ]) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
    const requestLine = logger.lines.find((l) => l.includes(`[request ${requestId}]`))!;
    expect(requestLine).toMatch(
      new RegExp(
        `POST /api/programs/${program.id}/applications 201 [\\d.]+ms \\[request ${requestId}\\] caller ${coordinatorUser.id}`,
      ),
    );
  });
});

@Controller('undeclared')
class UndeclaredController {
  @Get()
  answer() {
    return { leaked: true };
  }
}

describe('deny by default', () => {
  it('refuses a route that declares no access rule, whoever calls', async () => {
    const config = loadConfig({ ...process.env, ADMIN_TOKEN: adminToken });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config)],
      controllers: [UndeclaredController],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    app.setGlobalPrefix('api');
    app.useGlobalPipes(validationPipe);
    await app.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api/undeclared`;
      const asAdmin = await fetch(url, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(asAdmin.status).toBe(403);
      expect(await asAdmin.json()).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'this route declares no access rule, so it is refused',
      });
      expect((await fetch(url)).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});

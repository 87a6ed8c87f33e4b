// The codec endpoint offered to a remote Temporal UI or CLI (issue 34): with CODEC_AUTH_TOKEN and CODEC_JWKS_URL set
// it refuses anyone without the token or a JWT its issuer signed, decodes for those with one, and the Temporal CLI
// decodes an organizer's state through it with --codec-auth.
import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { ManagedProcess } from '../../dev/stack/managed-process';
import { freePort } from '../../dev/stack/ports';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { queryStateWithCli } from '../support/cli-query';
import { startPayloadsForUi } from '../support/ui-payloads';
import { uniqueTaskQueue } from '../support/workflow-harness';
import { startWorkerProcess } from '../support/product-processes';

const codecToken = `codec-${randomUUID()}`;

describe('the codec endpoint for remote UIs', () => {
  let api: AppHarness;
  let worker: ManagedProcess;
  let jwks: Server;
  let codecUrl: string;
  let issuerKey: CryptoKey;
  let strangerKey: CryptoKey;
  let organizerId: string;
  const name = `Yara Okafor-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    // The issuer: its public key served as a JWKS, as Temporal Cloud serves its own.
    const issuer = await generateKeyPair('RS256');
    issuerKey = issuer.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const keys = { keys: [{ ...(await exportJWK(issuer.publicKey)), kid: 'issuer-1', alg: 'RS256', use: 'sig' }] };
    jwks = createServer((_, response) => response.end(JSON.stringify(keys)));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const taskQueue = uniqueTaskQueue('codec-auth');
    const codecPort = await freePort();
    codecUrl = `http://127.0.0.1:${codecPort}`;
    worker = await startWorkerProcess(taskQueue, {
      CODEC_PORT: String(codecPort),
      CODEC_AUTH_TOKEN: codecToken,
      CODEC_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      CODEC_JWT_ISSUER: 'https://idp.union.example',
      CODEC_JWT_AUDIENCE: 'organizer-codec',
    });
    api = await AppHarness.start({ TEMPORAL_TASK_QUEUE: taskQueue }, { worker: false });
    const admin = new ApiClient(api);
    const program = await admin.createProgram(aFastPolicy());
    organizerId = (await admin.apply(program.id, { name })).body.id;
  }, 90_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.stop();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  const rawPayloads = () => startPayloadsForUi(api.config.temporal.connection, organizerId);

  const decode = async (payloads: unknown[], authorization?: string) => {
    const response = await fetch(`${codecUrl}/decode`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
      body: JSON.stringify({ payloads }),
    });
    const body = (await response.json()) as { payloads?: { data: string }[] };
    return {
      status: response.status,
      text: JSON.stringify(body.payloads?.map((p) => Buffer.from(p.data, 'base64').toString())),
    };
  };

  const jwt = (
    key: CryptoKey,
    { expiresIn = '5m' as string | false, issuer = 'https://idp.union.example', audience = 'organizer-codec' } = {},
  ) => {
    const token = new SignJWT({ sub: 'someone@union.example' })
      .setProtectedHeader({ alg: 'RS256', kid: 'issuer-1' })
      .setIssuedAt()
      .setIssuer(issuer)
      .setAudience(audience);
    return (expiresIn ? token.setExpirationTime(expiresIn) : token).sign(key);
  };

  it('decodes only for the codec token or a JWT its issuer signed', async () => {
    await eventually(
      'the codec endpoint to listen',
      async () => (await fetch(codecUrl).catch(() => undefined)) !== undefined,
      60_000,
    );
    const payloads = await rawPayloads();
    expect((await decode(payloads)).status).toBe(401);
    expect((await decode(payloads, 'Bearer not-the-token-0123456789')).status).toBe(401);
    expect((await decode(payloads, `Bearer ${await jwt(strangerKey)}`)).status).toBe(401);
    expect((await decode(payloads, `Bearer ${await jwt(issuerKey, { expiresIn: '-1m' })}`)).status).toBe(401);
    // Signed by the right keys, but never expiring, or for another issuer or application: refused.
    expect((await decode(payloads, `Bearer ${await jwt(issuerKey, { expiresIn: false })}`)).status).toBe(401);
    expect((await decode(payloads, `Bearer ${await jwt(issuerKey, { issuer: 'https://other.example' })}`)).status).toBe(
      401,
    );
    expect((await decode(payloads, `Bearer ${await jwt(issuerKey, { audience: 'another-app' })}`)).status).toBe(401);
    const withToken = await decode(payloads, `Bearer ${codecToken}`);
    expect(withToken.status).toBe(200);
    expect(withToken.text).toContain(name);
    const withJwt = await decode(payloads, `Bearer ${await jwt(issuerKey)}`);
    expect(withJwt.status).toBe(200);
    expect(withJwt.text).toContain(name);
  });

  it('lets the Temporal CLI decode through it with --codec-auth, and not without', async () => {
    const query = (...auth: string[]) => queryStateWithCli(api.config.temporal.namespace, organizerId, codecUrl, auth);
    const allowed = query('--codec-auth', `Bearer ${codecToken}`);
    expect({ status: allowed.status, stderr: allowed.stderr }).toMatchObject({ status: 0 });
    expect(allowed.stdout).toContain(name);
    const refused = query();
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).not.toContain(name);
  }, 60_000);
});

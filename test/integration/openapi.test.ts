import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { apiDocument, apiTypes } from '../../dev/api-types';
import { actions } from '../../src/domain/stage-machine';
import { adminToken } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { projectRoot } from '../../dev/stack/settings';

/** The routes docs/api.md lists (its tables' first column; each action once in its own table), in OpenAPI syntax. */
function routesInDocs(): string[] {
  const text = readFileSync(join(projectRoot, 'docs', 'api.md'), 'utf8');
  const openApi = (path: string) => path.replace(/:(\w+)/g, '{$1}');
  const routes = [...text.matchAll(/^\| `(GET|POST|PATCH|PUT|DELETE) (\/api\/[^`]+)`/gm)]
    .map(([, method, path]) => `${method} ${openApi(path)}`)
    .filter((route) => !route.endsWith('/<action>'));
  const actionRows = [...text.matchAll(/^\| `([a-z-]+)`\s+\|/gm)].map(([, action]) => action);
  return [...routes, ...actionRows.map((action) => `POST /api/organizers/{organizerId}/${action}`)];
}

// The routes clients were first promised (docs/api.md keeps them), in OpenAPI's path syntax.
const contract = [
  'GET /api/health',
  'POST /api/users',
  'POST /api/programs',
  'GET /api/programs',
  'GET /api/programs/{programId}',
  'PATCH /api/programs/{programId}',
  'POST /api/programs/{programId}/roster',
  'POST /api/programs/{programId}/applications',
  'GET /api/programs/{programId}/organizers',
  'GET /api/organizers/{organizerId}',
  ...actions.map((action) => `POST /api/organizers/{organizerId}/${action}`),
  'GET /api/notifications',
  'GET /api/dashboard/pipeline',
  'GET /api/dashboard/pipeline.csv',
  'GET /api/programs/{programId}/reports',
  // v2
  'POST /api/programs/{programId}/group-screenings',
  'POST /api/group-screenings/{sessionId}/results',
  'POST /api/programs/{programId}/group-debriefs',
  'GET /api/inbox',
  'GET /api/programs/{programId}/audit',
  'GET /api/audit',
  'POST /api/organizers/{organizerId}/erase',
];

describe('the OpenAPI document', () => {
  let harness: AppHarness;
  let document: { openapi: string; paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    harness = await AppHarness.start({}, { worker: false });
    document = (await harness.http('GET', '/api/docs-json')).body;
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const documented = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );

  it('is a valid OpenAPI 3 document', async () => {
    expect(document.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('lists every route of the contract', () => {
    expect(documented()).toEqual(expect.arrayContaining(contract));
  });

  it('is the route list of docs/api.md, no more and no fewer', () => {
    const inDocs = routesInDocs();
    expect(new Set(inDocs).size).toBe(inDocs.length);
    expect([...inDocs].sort()).toEqual([...documented()].sort());
    expect(inDocs).toEqual(expect.arrayContaining(actions.map((a) => `POST /api/organizers/{organizerId}/${a}`)));
  });

  it('lists every route the server answers', () => {
    const router = harness.app.getHttpAdapter().getInstance().router as {
      stack: { route?: { path: string; methods: Record<string, boolean> } }[];
    };
    const served = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map(
          (m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      )
      // /metrics is Prometheus' text for a scraper, outside the API (docs/api.md lists it).
      .filter((route) => !route.includes('/api/docs') && route !== 'GET /metrics');
    expect(served.length).toBeGreaterThan(contract.length - 1);
    expect(documented()).toEqual(expect.arrayContaining(served));
  });

  it('gives the web page the types of what the API serves (dev/api-types.ts reads them without servers)', async () => {
    expect(apiTypes(await apiDocument())).toBe(apiTypes(document as never));
  });

  type Operation = {
    operationId?: string;
    summary?: string;
    parameters?: { in: string }[];
    requestBody?: unknown;
    security?: unknown[];
    responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  };
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        path,
        operation,
      })),
    );

  it('names every operation readably and once, with a summary', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z]+$/.test(id ?? ''))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      operations()
        .filter(({ operation }) => !operation.summary?.trim())
        .map(({ route }) => route),
    ).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['scheduleScreening', 'listVouchers', 'getOrganizer', 'createUser']));
  });

  it("declares every 4xx an operation's kind can answer, each with the one error body", () => {
    const missing: string[] = [];
    for (const { route, path, operation } of operations()) {
      const expected: number[] = [];
      const inputs = operation.parameters ?? [];
      if (operation.requestBody || inputs.some((p) => p.in === 'query' || p.in === 'path')) expected.push(400);
      if (operation.requestBody) expected.push(413, 415);
      if (operation.security?.length) expected.push(401, 403);
      if (path.includes('{')) expected.push(404);
      if (actions.some((action) => path.endsWith(`/${action}`))) expected.push(409, 422);
      for (const status of expected) if (!operation.responses[status]) missing.push(`${route}: ${status}`);
      for (const [status, response] of Object.entries(operation.responses))
        if (
          status.startsWith('4') &&
          response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBodyDto'
        )
          missing.push(`${route}: ${status} without the error body`);
    }
    expect(missing).toEqual([]);
    const errorBody = (document as unknown as { components: { schemas: Record<string, { properties: object }> } })
      .components.schemas.ErrorBodyDto;
    expect(Object.keys(errorBody.properties)).toEqual([
      'statusCode',
      'error',
      'message',
      'problems',
      'reason',
      'language',
    ]);
  });

  it('declares what the server really answers: no token, an unknown id, a body too large, one not JSON', async () => {
    const declared = (route: string, status: number) =>
      operations().find((o) => o.route === route)?.operation.responses[status] !== undefined;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const answers: [string, number][] = [
      ['GET /api/programs', (await harness.http('GET', '/api/programs', { token: '' })).status],
      [
        'GET /api/programs/{programId}',
        (await harness.http('GET', `/api/programs/${unknown}`, { token: adminToken })).status,
      ],
      [
        'POST /api/programs',
        (await harness.http('POST', '/api/programs', { token: adminToken, raw: `{"name":"${'x'.repeat(2_000_000)}"}` }))
          .status,
      ],
      [
        'POST /api/users',
        (await harness.http('POST', '/api/users', { token: adminToken, raw: 'name=x', contentType: 'text/plain' }))
          .status,
      ],
    ];
    expect(answers.map(([, status]) => status)).toEqual([401, 404, 413, 415]);
    for (const [route, status] of answers) expect([route, declared(route, status)]).toEqual([route, true]);
  });

  it('says the bearer tokens are opaque, not JWTs', () => {
    const schemes = (document as unknown as { components: { securitySchemes: Record<string, object> } }).components
      .securitySchemes;
    expect(Object.values(schemes)).toEqual([{ type: 'http', scheme: 'bearer', description: 'An opaque API token' }]);
  });

  it('serves the docs UI', async () => {
    const ui = await harness.http('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });
});

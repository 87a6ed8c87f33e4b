import SwaggerParser from '@apidevtools/swagger-parser';
import { apiDocument, apiTypes } from '../../dev/api-types';
import { actions } from '../../src/domain/stage-machine';
import { AppHarness } from '../support/app-harness';

// API.md's routes, in OpenAPI's path syntax.
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
      .filter((route) => !route.includes('/api/docs'));
    expect(served.length).toBeGreaterThan(contract.length - 1);
    expect(documented()).toEqual(expect.arrayContaining(served));
  });

  it('gives the web page the types of what the API serves (dev/api-types.ts reads them without servers)', async () => {
    expect(apiTypes(await apiDocument())).toBe(apiTypes(document as never));
  });

  it('serves the docs UI', async () => {
    const ui = await harness.http('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });
});

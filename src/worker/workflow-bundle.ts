import { join } from 'node:path';

/** Built by `npm run build` next to the compiled workflows; without it the worker bundles at start (slower). */
export const prebuiltBundlePath = join(__dirname, '..', 'workflow-bundle.js');

/**
 * Modules every cached workflow shares instead of evaluating a copy of its own: the domain's rules and the calendar
 * library. The SDK gives each workflow its own instance of every module it loads; a preloaded module is evaluated
 * once and deep-frozen. Measured (bench #6): 525 KB of worker memory per cached organizer without, 318 KB with, where
 * a workflow that only waits costs 294 KB. Only modules with no module-level state that changes may be listed here
 * (src/domain has none; the polyfill's caches hold pure results), and none that calls the workflow API.
 */
export const sharedWorkflowModules = [
  require.resolve('../domain/lifecycle'),
  require.resolve('../domain/organizer'),
  require.resolve('../domain/stage-machine'),
  'temporal-polyfill',
];

import { join } from 'node:path';

/** Built by `npm run build` next to the compiled workflows; without it the worker bundles at start (slower). */
export const prebuiltBundlePath = join(__dirname, '..', 'workflow-bundle.js');

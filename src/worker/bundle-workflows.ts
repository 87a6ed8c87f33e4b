// Part of `npm run build`: bundles the workflow code once, so a worker starts without running webpack.
import { writeFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { failureConverterPath } from '../temporal/member-data-codec';
import { prebuiltBundlePath, sharedWorkflowModules } from './workflow-bundle';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    failureConverterPath,
    preloadModules: sharedWorkflowModules,
    logger: new DefaultLogger('WARN'),
  });
  writeFileSync(prebuiltBundlePath, code);
  new Logger('build').log(`workflow bundle written to ${prebuiltBundlePath} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  new Logger('build').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

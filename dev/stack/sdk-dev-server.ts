// Fallback when no Temporal CLI can be had: the SDK downloads the CLI (internet needed) and runs its dev server.
// Runs as its own process so the supervisor stops it like any other server.
import { Logger } from '@nestjs/common';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { searchAttributeTypes } from '../../src/temporal/search-attributes';
import { dynamicConfigArgs, DevServerOptions } from './temporal-dev-server';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as DevServerOptions;
  const logger = new Logger('temporal');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      ip: '127.0.0.1',
      port: options.port,
      dbFilename: options.dbFile,
      ui: Boolean(options.uiPort),
      uiPort: options.uiPort,
      extraArgs: [
        ...(options.uiPort && options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
        ...dynamicConfigArgs(),
      ],
      searchAttributes: Object.keys(searchAttributeTypes).map((name) =>
        defineSearchAttributeKey(name, SearchAttributeType.KEYWORD),
      ),
    },
  });
  logger.log(`dev server (SDK download) listening on 127.0.0.1:${options.port}`);
  const stop = () => void env.teardown().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  new Logger('temporal').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

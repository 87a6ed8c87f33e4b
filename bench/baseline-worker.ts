// A worker for the benchmark's baseline workflows, as its own process (so its memory and CPU are measured apart).
//   node dist/tools/bench/baseline-worker.js '{"address": "...", "taskQueue": "...", "maxCachedWorkflows": 2000}'
import { Logger } from '@nestjs/common';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const { address, taskQueue, maxCachedWorkflows } = JSON.parse(process.argv[2]) as {
    address: string;
    taskQueue: string;
    maxCachedWorkflows: number;
  };
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('./baseline.workflows'),
    maxCachedWorkflows,
  });
  new Logger('baseline-worker').log(`worker polling task queue ${taskQueue}`);
  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  new Logger('baseline-worker').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

import { existsSync, readFileSync } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, NativeConnectionOptions, Worker, WorkerOptions } from '@temporalio/worker';
import { workerActivities } from '../activities/activities.module';
import { AppConfig } from '../config/configuration';
import { ensureReconcileSchedule } from '../temporal/reconcile-schedule';
import { MemberDataCodec, memberDataConverter } from '../temporal/member-data-codec';
import { DataKeyRepository } from '../repositories/data-key.repository';
import { ensureSearchAttributes } from '../temporal/search-attributes';
import { prebuiltBundlePath, sharedWorkflowModules } from './workflow-bundle';

async function connectWithRetry(
  options: NativeConnectionOptions & { address: string },
  logger: Logger,
): Promise<NativeConnection> {
  const { address } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect(options);
    } catch (error) {
      if (attempt % 10 === 1)
        logger.warn(`Temporal at ${address} is not answering yet (${(error as Error).message}); retrying`);
      await new Promise((r) => setTimeout(r, Math.min(attempt * 500, 5_000)));
    }
  }
}

/** Creates the Temporal worker: the organizer, broadcast and weekly-report workflows and their activities. */
@Injectable()
export class OrganizerWorker {
  private readonly logger = new Logger(OrganizerWorker.name);

  constructor(
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    private readonly codec: MemberDataCodec,
    private readonly keys: DataKeyRepository,
  ) {}

  async create(): Promise<{ worker: Worker; connection: NativeConnection }> {
    this.keys.waitForTheDatabase();
    const { address, connection: connectionOptions, namespace, taskQueue } = this.config.temporal;
    // Connect first: Worker.create against an unreachable server would bundle, fail and leave the process hanging.
    const connection = await connectWithRetry(connectionOptions, this.logger);
    const client = await Connection.connect(connectionOptions);
    try {
      await ensureSearchAttributes(client, namespace);
      await ensureReconcileSchedule(new Client({ connection: client, namespace }), taskQueue);
    } catch (error) {
      this.logger.warn(`could not check search attributes and the reconcile schedule: ${(error as Error).message}`);
    } finally {
      await client.close();
    }
    const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> = existsSync(
      prebuiltBundlePath,
    )
      ? { workflowBundle: { code: readFileSync(prebuiltBundlePath, 'utf8') } }
      : { workflowsPath: require.resolve('../workflows'), bundlerOptions: { preloadModules: sharedWorkflowModules } };
    const worker = await Worker.create({
      connection,
      namespace,
      taskQueue,
      ...workflows,
      activities: workerActivities(this.moduleRef),
      dataConverter: memberDataConverter(this.codec),
      maxCachedWorkflows: this.config.maxCachedWorkflows,
      // A deploy's SIGTERM lets running activities (a projection, an email) finish instead of cancelling them.
      shutdownGraceTime: this.config.workerShutdown.graceMs,
      shutdownForceTime: this.config.workerShutdown.forceMs,
    });
    this.logger.log(`worker polling task queue ${taskQueue} on ${address} (namespace ${namespace})`);
    return { worker, connection };
  }
}

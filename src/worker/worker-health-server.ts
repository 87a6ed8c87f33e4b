// The worker's health on a port of its own (WORKER_HEALTH_PORT), for process managers and orchestrators:
// /health/live answers while the process runs; /health/ready only while the worker runs and Temporal sees it polling
// its task queue (a worker whose connection is gone, or that is draining for shutdown, is not ready).
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';

export interface WorkerReadiness {
  ready: boolean;
  state: string;
  polling: boolean;
}

const checkTimeoutMs = 2_000;

export async function workerReadiness(worker: Worker, connection: NativeConnection): Promise<WorkerReadiness> {
  const state = worker.getState();
  if (state !== 'RUNNING') return { ready: false, state, polling: false };
  const { namespace, taskQueue, identity } = worker.options;
  let polling: boolean;
  try {
    const { pollers } = await connection.withDeadline(Date.now() + checkTimeoutMs, () =>
      connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    );
    polling = pollers.some((poller) => poller.identity === identity);
  } catch {
    polling = false;
  }
  return { ready: polling, state, polling };
}

export class WorkerHealthServer {
  private constructor(private readonly server: Server) {}

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  static async start(
    readiness: () => Promise<WorkerReadiness>,
    at: { host: string; port: number },
  ): Promise<WorkerHealthServer> {
    const server = createServer((request, response) => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const path = new URL(request.url ?? '/', 'http://worker').pathname;
      if (request.method !== 'GET') return send(405, { message: 'GET only' });
      if (path === '/health/live') return send(200, { status: 'ok' });
      if (path !== '/health/ready') return send(404, { message: 'GET /health/live or /health/ready' });
      readiness().then(
        (result) => send(result.ready ? 200 : 503, { status: result.ready ? 'ok' : 'not ready', ...result }),
        (error: Error) => send(503, { status: 'not ready', message: error.message }),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at.port, at.host, () => resolve());
    });
    return new WorkerHealthServer(server);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

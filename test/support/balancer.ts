// A small load balancer, for the rolling-restart test: round robin over the API processes whose readiness answers
// 200, as a Kubernetes Service or a cloud balancer does. A backend leaves the rotation after two failed checks in a
// row and comes back after one good one. It keeps connections to backends alive and retries nothing: a request it
// loses is a failure the test counts.
import { Agent, createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

interface Backend {
  port: number;
  ready: boolean;
  failedChecks: number;
  inFlight: number;
  served: number;
}

/** Headers of one connection, not of the request (RFC 9110 §7.6.1): each side of the balancer has its own. */
const hopByHop = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
const endToEnd = (headers: IncomingHttpHeaders) => {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !hopByHop.includes(name) && !named.includes(name)),
  );
};

export class Balancer {
  /** What went wrong forwarding: no backend ready, or a backend's connection failing under a request. */
  readonly failures: string[] = [];
  private readonly backends: Backend[];
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 100 });
  private turn = 0;
  private checking = true;
  private readonly checks: Promise<void>[];

  private constructor(
    private readonly server: Server,
    ports: number[],
    checkEveryMs: number,
  ) {
    this.backends = ports.map((port) => ({ port, ready: false, failedChecks: 0, inFlight: 0, served: 0 }));
    this.checks = this.backends.map((backend) => this.keepChecking(backend, checkEveryMs));
  }

  static async start(ports: number[], checkEveryMs = 100): Promise<Balancer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const balancer = new Balancer(server, ports, checkEveryMs);
    server.on('request', (incoming, outgoing) => {
      const ready = balancer.backends.filter((backend) => backend.ready);
      if (!ready.length) {
        balancer.failures.push(`${incoming.method} ${incoming.url}: no backend ready`);
        outgoing.writeHead(503).end();
        return;
      }
      const backend = ready[balancer.turn++ % ready.length];
      backend.inFlight++;
      backend.served++;
      outgoing.once('close', () => backend.inFlight--);
      const upstream = request(
        {
          host: '127.0.0.1',
          port: backend.port,
          method: incoming.method,
          path: incoming.url,
          headers: endToEnd(incoming.headers),
          agent: balancer.agent,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode!, endToEnd(answer.headers));
          answer.pipe(outgoing);
          answer.on('error', (error) => fail(error));
        },
      );
      // A backend that fails under a request: 502 if nothing was sent yet, else the client's connection is cut (a
      // body cut short must not look complete).
      const fail = (error: Error) => {
        balancer.failures.push(`${incoming.method} ${incoming.url} on :${backend.port}: ${error.message}`);
        if (outgoing.headersSent) outgoing.destroy();
        else outgoing.writeHead(502).end();
      };
      upstream.on('error', fail);
      incoming.pipe(upstream);
    });
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  isReady(port: number): boolean {
    return this.backend(port).ready;
  }

  /** Requests forwarded to `port` and not yet answered. */
  inFlight(port: number): number {
    return this.backend(port).inFlight;
  }

  /** Requests forwarded to `port` so far. */
  served(port: number): number {
    return this.backend(port).served;
  }

  async stop(): Promise<void> {
    this.checking = false;
    await Promise.all(this.checks);
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private backend(port: number): Backend {
    return this.backends.find((backend) => backend.port === port)!;
  }

  private async keepChecking(backend: Backend, everyMs: number): Promise<void> {
    while (this.checking) {
      const ok = await fetch(`http://127.0.0.1:${backend.port}/api/health/ready`, {
        signal: AbortSignal.timeout(1_000),
      })
        .then((response) => response.ok)
        .catch(() => false);
      backend.failedChecks = ok ? 0 : backend.failedChecks + 1;
      if (ok) backend.ready = true;
      else if (backend.failedChecks >= 2) backend.ready = false;
      await sleep(everyMs);
    }
  }
}

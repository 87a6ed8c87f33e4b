import { createServer, Socket } from 'node:net';

/** A port the OS reports free on loopback right now. */
export function freePort(): Promise<number> {
  return portFree(0) as Promise<number>;
}

/** A free loopback port below 32768 (Temporal's server stores membership ports as smallint). */
export async function freeLowPort(): Promise<number> {
  for (;;) {
    const port = await portFree(20_000 + Math.floor(Math.random() * 12_000));
    if (port) return port;
  }
}

/** Binds `port` (0: any) on loopback and lets it go: the port, or undefined when it is taken. */
function portFree(port: number): Promise<number | undefined> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', (error: NodeJS.ErrnoException) =>
      port && error.code === 'EADDRINUSE' ? resolvePort(undefined) : reject(error),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Whether something accepts TCP connections on host:port. */
export function isListening(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((answer) => {
    const socket = new Socket();
    const done = (listening: boolean) => {
      socket.destroy();
      answer(listening);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

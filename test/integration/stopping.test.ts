import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { adminToken } from '../support/api-client';
import { AppHarness } from '../support/app-harness';

/** Everything the server sends on `socket` until it closes the connection. */
function readUntilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}

describe('stopping the API', () => {
  it('answers the request in flight, then ends its kept-alive connection at once, not 65 s later', async () => {
    const harness = await AppHarness.start({}, { worker: false });
    const { port } = new URL(harness.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = readUntilClosed(socket);
    const body = '{"name": ""}';
    socket.write(
      `POST /api/programs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n` +
        `Authorization: Bearer ${adminToken}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 4),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const server = harness.app.getHttpServer() as Server;
    const stopped = harness.stop();
    while (server.listening) await new Promise((resolve) => setTimeout(resolve, 10));
    socket.write(body.slice(4));
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('name');
    await stopped;
  }, 20_000);
});

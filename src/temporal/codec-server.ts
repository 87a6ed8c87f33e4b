// The codec endpoint for Temporal's Web UI (`--ui-codec-endpoint`, or the UI's "Codec Server" setting): the UI's
// browser posts the encrypted payloads it shows to /decode and gets them back readable. It listens on its own port,
// on loopback or the internal network (CODEC_HOST), and answers only the origins in CODEC_CORS_ORIGINS; offered to a
// remote UI or CLI, it also asks for a token (src/temporal/codec-auth.ts): whoever passes reads members' data.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Payload, PayloadCodec } from '@temporalio/common';

/** A payload as protobuf JSON: metadata values and data base64. */
interface JsonPayload {
  metadata?: Record<string, string> | null;
  data?: string | null;
}

const maxBody = 4 * 1024 * 1024;

function fromJson(json: JsonPayload): Payload {
  if (typeof json !== 'object' || json === null) throw new BadRequest('each payload must be an object');
  const metadata = json.metadata ?? {};
  if (typeof metadata !== 'object') throw new BadRequest('payload metadata must be an object');
  return {
    metadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, Buffer.from(String(v), 'base64')])),
    data: Buffer.from(typeof json.data === 'string' ? json.data : '', 'base64'),
  };
}

function toJson(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    ),
    data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
  };
}

class BadRequest extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBody) throw new BadRequest('the body is larger than 4 MiB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface CodecServerOptions {
  host: string;
  port: number;
  /** Origins whose pages may call the endpoint (the Web UI's). */
  corsOrigins: string[];
  /** Whether a request's Authorization header may use the endpoint; anyone who reaches it when absent. */
  authorize?: (authorization: string | undefined) => Promise<boolean>;
  onError?: (error: Error) => void;
}

export class CodecServer {
  private constructor(private readonly server: Server) {}

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  static async start(codec: PayloadCodec, options: CodecServerOptions): Promise<CodecServer> {
    const server = createServer((request, response) => {
      void handle(codec, options, request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    return new CodecServer(server);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function handle(
  codec: PayloadCodec,
  options: CodecServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const origin = request.headers.origin;
  if (origin && options.corsOrigins.includes(origin)) {
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Namespace, Authorization');
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Vary', 'Origin');
  }
  const send = (status: number, body?: unknown): void => {
    response.statusCode = status;
    if (body !== undefined) response.setHeader('Content-Type', 'application/json');
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  // A page of another origin gets nothing: without this, a site a logged-in admin visits could post to us.
  if (origin && !options.corsOrigins.includes(origin)) return send(403, { message: `origin ${origin} is not allowed` });
  // A browser's preflight carries no credentials: it is answered, and the request that follows is checked.
  if (request.method === 'OPTIONS') return send(204);
  if (options.authorize && !(await options.authorize(request.headers.authorization))) {
    response.setHeader('WWW-Authenticate', 'Bearer');
    return send(401, { message: 'send Authorization: Bearer with the codec token, or a JWT of the configured issuer' });
  }
  // The protocol routes on the URL's last part, so the endpoint can be mounted at any depth.
  const action = new URL(request.url ?? '/', 'http://codec').pathname.split('/').pop();
  if (request.method !== 'POST' || (action !== 'encode' && action !== 'decode'))
    return send(404, { message: 'POST …/encode or …/decode' });
  try {
    const body = JSON.parse(await readBody(request)) as { payloads?: JsonPayload[] | null } | null;
    if (typeof body !== 'object' || body === null) throw new BadRequest('the body must be an object');
    // Protobuf JSON leaves an empty list out: `{}` is no payloads (the Temporal CLI sends it for a query without input).
    const listed = body.payloads ?? [];
    if (!Array.isArray(listed)) throw new BadRequest('payloads must be an array');
    const payloads = listed.map(fromJson);
    const result = action === 'encode' ? await codec.encode(payloads) : await codec.decode(payloads);
    send(200, { payloads: result.map(toJson) });
  } catch (error) {
    if (error instanceof BadRequest || error instanceof SyntaxError) return send(400, { message: error.message });
    options.onError?.(error as Error);
    send(422, { message: (error as Error).message });
  }
}

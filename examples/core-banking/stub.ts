import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stub received on its freeze route, in arrival order. */
export interface FreezeCall {
  customerId: string;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** The caller's `Idempotency-Key` header (the runtime's outbox always sends one). */
  idempotencyKey: string | null;
  /** The caller's `Authorization` header (the `core-banking` connection adds it). */
  authorization: string | null;
  /** The status the stub answered: 200, 401 without the expected token, or 503 while failures were queued. */
  status: number;
  /** The reference answered (the same one again for a repeated idempotency key); null on 503. */
  reference: string | null;
}

/** A running stub: its base URL (no trailing slash), the calls so far, failure control, close. */
export interface CoreBankingStub {
  url: string;
  calls: FreezeCall[];
  /** The next `n` freeze calls answer 503 (a core banking outage) instead of freezing. */
  failNext(n: number): void;
  close(): Promise<void>;
}

const FREEZE = /^\/accounts\/([^/]+)\/freeze\/?$/;
/** Request bodies above this are refused: the stub is a test double, not a sink. */
const MAX_BODY = 64 * 1024;

/**
 * Starts a small core-banking stub on loopback (port 0 unless given) for the lost-card example:
 * `POST /accounts/:customerId/freeze` answers `{frozen: true, customerId, reference}` and
 * records the call. A repeated `Idempotency-Key` gets the first reference again, as a real core
 * system that deduplicates retries would answer. With `token`, a call without
 * `Authorization: Bearer <token>` is recorded and answered 401. Anything else is a JSON 404.
 */
export async function startCoreBankingStub(
  options: { host?: string; port?: number; token?: string } = {},
): Promise<CoreBankingStub> {
  const calls: FreezeCall[] = [];
  const byKey = new Map<string, string>();
  let failures = 0;
  let frozen = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { error: 'stub failure' }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = FREEZE.exec(new URL(req.url ?? '/', 'http://stub').pathname);
    if (req.method !== 'POST' || !match?.[1]) {
      send(res, 404, { error: `no route for ${req.method} ${req.url}` });
      return;
    }
    const text = await readBody(req);
    if (text === null) {
      send(res, 413, { error: 'body too large' });
      return;
    }
    const customerId = decodeURIComponent(match[1]);
    const header = req.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' ? header : null;
    const authorization = req.headers.authorization ?? null;
    const body = parse(text);
    if (options.token !== undefined && authorization !== `Bearer ${options.token}`) {
      calls.push({ customerId, body, idempotencyKey, authorization, status: 401, reference: null });
      send(res, 401, { error: 'a bearer token is required' });
      return;
    }
    if (failures > 0) {
      failures--;
      calls.push({ customerId, body, idempotencyKey, authorization, status: 503, reference: null });
      send(res, 503, { error: 'core banking unavailable' });
      return;
    }
    const known = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
    const reference = known ?? `FRZ-${customerId}-${++frozen}`;
    if (idempotencyKey && !known) byKey.set(idempotencyKey, reference);
    calls.push({ customerId, body, idempotencyKey, authorization, status: 200, reference });
    send(res, 200, { frozen: true, customerId, reference });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    calls,
    failNext(n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`failNext needs a count ≥ 0, got ${n}`);
      failures = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The body as text, or null when it exceeds MAX_BODY. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parse(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

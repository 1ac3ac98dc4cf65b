import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';

/** One POST the sink accepted (signature verified). */
export interface Delivery {
  idempotencyKey: string;
  /** Outbox row id from the body. */
  rowId: string;
  caseId: string | null;
  kind: string;
  attempt: number;
}

export interface WebhookSink {
  /** http://127.0.0.1:<port>/hook */
  readonly url: string;
  /** Every verified delivery, in arrival order (duplicates included). */
  readonly deliveries: Delivery[];
  /** Deliveries per idempotency key. */
  readonly countByKey: Map<string, number>;
  /** Requests refused because the HMAC or the key header did not match the body. */
  readonly rejected: number;
  /** Requests answered 503 on purpose (see `failEvery`). */
  readonly failedOnPurpose: number;
  close(): Promise<void>;
}

/** `sha256=<hex>` HMAC of the raw body: computed here independently of the runtime's code. */
function expectedSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A loopback webhook receiver: verifies `X-Caseflow-Signature` (HMAC-SHA256 with `secret` over
 * the exact body) and that the `Idempotency-Key` header equals the body's key, then counts the
 * delivery. Every `failEvery`-th request (0 = never) is answered 503 BEFORE it is counted, so
 * the outbox's retry path runs under load too.
 */
export async function startWebhookSink(
  secret: string,
  options: { failEvery?: number } = {},
): Promise<WebhookSink> {
  const deliveries: Delivery[] = [];
  const countByKey = new Map<string, number>();
  let rejected = 0;
  let failedOnPurpose = 0;
  let seen = 0;
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const signature = req.headers['x-caseflow-signature'];
    const key = req.headers['idempotency-key'];
    const given = Buffer.from(typeof signature === 'string' ? signature : '');
    const wanted = Buffer.from(expectedSignature(body, secret));
    let doc: { idempotencyKey?: unknown; id?: unknown; caseId?: unknown; kind?: unknown; attempt?: unknown } =
      {};
    try {
      doc = JSON.parse(body);
    } catch {
      // Rejected below.
    }
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted) || doc.idempotencyKey !== key) {
      rejected++;
      res.writeHead(401).end();
      return;
    }
    seen++;
    if (options.failEvery && seen % options.failEvery === 0) {
      failedOnPurpose++;
      res.writeHead(503).end();
      return;
    }
    deliveries.push({
      idempotencyKey: String(key),
      rowId: String(doc.id),
      caseId: typeof doc.caseId === 'string' ? doc.caseId : null,
      kind: String(doc.kind),
      attempt: Number(doc.attempt),
    });
    countByKey.set(String(key), (countByKey.get(String(key)) ?? 0) + 1);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    countByKey,
    get rejected() {
      return rejected;
    },
    get failedOnPurpose() {
      return failedOnPurpose;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

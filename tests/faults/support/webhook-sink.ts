import { createServer, type Server } from 'node:http';
import { freePort } from '../../support/runtime-process';

/** One delivery the sink accepted. */
export interface Delivery {
  idempotencyKey: string;
  body: Record<string, unknown>;
}

/** A webhook receiver on loopback that can be taken down (port closed) and brought back. */
export interface WebhookSink {
  /** http://127.0.0.1:<port>/hook (the same URL across down/up). */
  readonly url: string;
  readonly deliveries: Delivery[];
  /** Distinct Idempotency-Key values received and how often each came. */
  counts(): Map<string, number>;
  /** Closes the listening socket (new connections are refused) and drops open connections. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a sink that answers 200 to every POST and records its Idempotency-Key and body. */
export async function startWebhookSink(): Promise<WebhookSink> {
  const port = await freePort();
  const deliveries: Delivery[] = [];
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((req, res) => {
        let raw = '';
        req.on('data', (d) => {
          raw += d;
        });
        req.on('end', () => {
          deliveries.push({
            idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
            body: raw ? JSON.parse(raw) : {},
          });
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        });
      });
      s.keepAliveTimeout = 1000;
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        resolve();
      });
    });
  const shut = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.close(() => resolve());
      s.closeAllConnections();
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    counts() {
      const m = new Map<string, number>();
      for (const d of deliveries) m.set(d.idempotencyKey, (m.get(d.idempotencyKey) ?? 0) + 1);
      return m;
    },
    down: shut,
    up: listen,
    close: shut,
  };
}

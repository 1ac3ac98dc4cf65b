import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';
import { notifyFlow, openCase, publishFlow } from './support/fault-flows';
import { startWebhookSink, type WebhookSink } from './support/webhook-sink';

/**
 * The webhook receiver is down (its port refuses connections) while cases queue notifications:
 * the outbox keeps every message, retries with a growing backoff that GET /api/outbox shows
 * (attempts, nextAttemptAt, lastError), and once the receiver is back delivers each message
 * exactly once per Idempotency-Key. The manual clock makes the backoff steps deterministic.
 */

interface OutboxItem {
  id: string;
  caseId: string | null;
  idempotencyKey: string;
  status: 'pending' | 'delivered' | 'failed' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
}

const CASES = 4;

describe.each(scenarioBackends())('webhook sink down then up on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let sink: WebhookSink;
    let rt: RuntimeProcess;
    const caseIds: string[] = [];

    beforeAll(async () => {
      sink = await startWebhookSink();
      await sink.down();
      rt = await startRuntime({ CASEFLOW_WEBHOOK_URL: sink.url }, { backend });
      await publishFlow(rt, notifyFlow);
    });
    afterAll(async () => {
      await rt?.stop();
      await sink?.close();
    });

    const outbox = async (): Promise<OutboxItem[]> => {
      const items: OutboxItem[] = [];
      for (const id of caseIds) {
        const res = await rt.api('GET', `/api/outbox?case=${id}&limit=100`, { as: 'admin' });
        expect(res.status).toBe(200);
        items.push(...res.body.items);
      }
      return items;
    };
    /** Waits until every message of the test's cases has made `attempts` attempts. */
    const attemptsReach = (attempts: number, status: OutboxItem['status']) =>
      eventually(
        async () => {
          const items = await outbox();
          return items.length === CASES * 2 &&
            items.every((i) => i.attempts === attempts && i.status === status)
            ? items
            : undefined;
        },
        `every message at ${attempts} attempts, ${status}`,
        20_000,
      );

    it('keeps every message while the receiver is down and shows the failed first attempt', async () => {
      for (let i = 0; i < CASES; i++) {
        const id = await openCase(rt, notifyFlow.key, i);
        caseIds.push(id);
        const ping = await rt.api('POST', `/api/cases/${id}/signals`, { as: 'lena', body: { name: 'ping' } });
        expect(ping.status, JSON.stringify(ping.body)).toBeLessThan(300);
      }
      const items = await attemptsReach(1, 'failed');
      const now = Date.parse(rt.now);
      for (const item of items) {
        expect(item.lastError).toMatch(/network error|ECONNREFUSED/);
        // First retry after the base delay of 1 s (±10 % jitter), on the manual clock.
        const wait = Date.parse(item.nextAttemptAt) - now;
        expect(wait).toBeGreaterThanOrEqual(900);
        expect(wait).toBeLessThanOrEqual(1100);
      }
      expect(new Set(items.map((i) => i.idempotencyKey)).size).toBe(items.length);
      expect(sink.deliveries).toHaveLength(0);
    });

    it('backs off exponentially: the second failure waits about twice as long', async () => {
      await rt.advance('PT1.2S');
      const items = await attemptsReach(2, 'failed');
      const now = Date.parse(rt.now);
      for (const item of items) {
        const wait = Date.parse(item.nextAttemptAt) - now;
        expect(wait).toBeGreaterThanOrEqual(1800);
        expect(wait).toBeLessThanOrEqual(2200);
      }
      // Nothing becomes due before its time: without a clock move no third attempt is made.
      await new Promise((r) => setTimeout(r, 1500));
      expect((await outbox()).every((i) => i.attempts === 2)).toBe(true);
    });

    it('delivers every message once the receiver is back, once per idempotency key', async () => {
      await sink.up();
      await rt.advance('PT2.5S');
      const items = await attemptsReach(3, 'delivered');
      await eventually(async () => sink.deliveries.length >= items.length, 'the sink to see every delivery');
      // Later clock moves and loop rounds do not send anything again.
      await rt.advance('P1D');
      await new Promise((r) => setTimeout(r, 1500));
      const counts = sink.counts();
      expect([...counts.keys()].sort()).toEqual(items.map((i) => i.idempotencyKey).sort());
      for (const [key, n] of counts) expect(n, key).toBe(1);
      const templates = sink.deliveries.map((d) => JSON.stringify(d.body));
      expect(templates.filter((t) => t.includes('fault-hello'))).toHaveLength(CASES);
      expect(templates.filter((t) => t.includes('fault-pinged'))).toHaveLength(CASES);
    });
  });
});

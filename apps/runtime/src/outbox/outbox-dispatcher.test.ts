import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpRecorder } from '../executor/test-support/http-recorder';
import { memoryLogger, tempStore } from '../executor/test-support/temp-store';
import type { ClaimedOutbox, Store } from '../store/store';
import type { HttpCallResult } from './http-call';
import { logTransport } from './log-transport';
import { createOutboxDispatcher, type HttpSettler } from './outbox-dispatcher';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import { webhookTransport } from './webhook-transport';

const SECRET = 'test-secret-0123456789';
const T0 = Date.parse('2026-01-05T09:00:00Z');

describe('outbox dispatcher', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let now = T0;
  const settled: Array<{ row: ClaimedOutbox; result: HttpCallResult }> = [];
  const settleHttp: HttpSettler = async (row, result, markRow) => {
    await store.transaction(async (tx) => {
      if (!(await markRow(tx))) throw new Error('claim lost');
      settled.push({ row, result });
    });
  };

  beforeEach(async () => {
    ({ store, dispose } = await tempStore());
    now = T0;
    settled.length = 0;
  });
  afterEach(async () => dispose());

  const notify = (id: string) =>
    store.outbox.insert({
      id,
      caseId: null,
      kind: 'notify',
      idempotencyKey: `case-1/${id}`,
      payload: { type: 'notify', to: 'customer', template: 'card-replaced' },
      createdAt: T0,
      nextAttemptAt: T0,
    });

  it('POSTs a notify row to the webhook, signed with HMAC-SHA256 over the exact body, once', async () => {
    const server = await httpRecorder(() => ({ status: 204 }));
    try {
      await notify('o1');
      const dispatcher = createOutboxDispatcher({
        store,
        transport: webhookTransport({ url: `${server.url}/hook`, secret: SECRET }),
        logger: memoryLogger(),
        now: () => now,
        settleHttp,
      });
      expect(await dispatcher.dispatch(now)).toBe(1);
      expect(await dispatcher.dispatch(now)).toBe(0);

      expect(server.requests).toHaveLength(1);
      const req = server.requests[0]!;
      const expected = `sha256=${createHmac('sha256', SECRET).update(req.body).digest('hex')}`;
      expect(req.method).toBe('POST');
      expect(req.path).toBe('/hook');
      expect(req.headers['x-caseflow-signature']).toBe(expected);
      expect(req.headers['idempotency-key']).toBe('case-1/o1');
      expect(JSON.parse(req.body)).toMatchObject({
        id: 'o1',
        kind: 'notify',
        attempt: 1,
        payload: { template: 'card-replaced' },
      });
      expect(await store.outbox.get('o1')).toMatchObject({
        status: 'delivered',
        deliveredAt: T0,
        attempts: 1,
      });
    } finally {
      await server.close();
    }
  });

  it('retries a failing webhook with exponential backoff and marks the row dead after maxAttempts', async () => {
    const server = await httpRecorder(() => ({ status: 503 }));
    try {
      await notify('o2');
      const dispatcher = createOutboxDispatcher({
        store,
        transport: webhookTransport({ url: server.url, secret: SECRET }),
        logger: memoryLogger(),
        now: () => now,
        settleHttp,
        maxAttempts: 3,
        backoffMs: 1000,
      });
      await dispatcher.dispatch(now);
      const first = await store.outbox.get('o2');
      expect(first).toMatchObject({ status: 'failed', attempts: 1, lastError: 'webhook answered 503' });
      // 1000 ms ± 10% jitter.
      expect(first!.nextAttemptAt - T0).toBeGreaterThanOrEqual(900);
      expect(first!.nextAttemptAt - T0).toBeLessThanOrEqual(1100);

      now = T0 + 800;
      expect(await dispatcher.dispatch(now)).toBe(0);

      now = first!.nextAttemptAt;
      expect(await dispatcher.dispatch(now)).toBe(1);
      const second = await store.outbox.get('o2');
      expect(second).toMatchObject({ status: 'failed', attempts: 2 });
      // The second delay doubles: 2000 ms ± 10%.
      expect(second!.nextAttemptAt - now).toBeGreaterThanOrEqual(1800);
      expect(second!.nextAttemptAt - now).toBeLessThanOrEqual(2200);
      expect(await dispatcher.nextDueAt()).toBe(second!.nextAttemptAt);

      now = second!.nextAttemptAt;
      await dispatcher.dispatch(now);
      expect(await store.outbox.get('o2')).toMatchObject({ status: 'dead', attempts: 3 });
      expect(await dispatcher.dispatch(now + 60 * 60_000)).toBe(0);

      expect(server.requests).toHaveLength(3);
      expect(new Set(server.requests.map((r) => r.headers['idempotency-key']))).toEqual(
        new Set(['case-1/o2']),
      );
    } finally {
      await server.close();
    }
  });

  it('caps the backoff, so later retries come at most backoffCapMs apart', async () => {
    const server = await httpRecorder(() => ({ status: 503 }));
    try {
      await notify('o6');
      const dispatcher = createOutboxDispatcher({
        store,
        transport: webhookTransport({ url: server.url, secret: SECRET }),
        logger: memoryLogger(),
        now: () => now,
        settleHttp,
        maxAttempts: 10,
        backoffMs: 1000,
        backoffCapMs: 3000,
      });
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 5; attempt++) {
        await dispatcher.dispatch(now);
        const row = await store.outbox.get('o6');
        expect(row).toMatchObject({ status: 'failed', attempts: attempt });
        delays.push(row!.nextAttemptAt - now);
        now = row!.nextAttemptAt;
      }
      // 1 s, 2 s, then 4 s, 8 s, 16 s capped at 3 s (each ± 10 % jitter).
      const nominal = [1000, 2000, 3000, 3000, 3000];
      delays.forEach((d, i) => {
        expect(d).toBeGreaterThanOrEqual(nominal[i]! * 0.9);
        expect(d).toBeLessThanOrEqual(nominal[i]! * 1.1);
      });
    } finally {
      await server.close();
    }
  });

  it('by default keeps retrying a receiver that is down for hours before the message is dead', async () => {
    const down = await httpRecorder(() => ({ status: 503 }));
    try {
      await notify('o7');
      const dispatcher = createOutboxDispatcher({
        store,
        transport: webhookTransport({ url: down.url, secret: SECRET }),
        logger: memoryLogger(),
        now: () => now,
        settleHttp,
      });
      let row = await store.outbox.get('o7');
      while (row!.status !== 'dead') {
        now = row!.nextAttemptAt;
        expect(await dispatcher.dispatch(now)).toBe(1);
        row = await store.outbox.get('o7');
      }
      expect(row!.attempts).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
      expect(down.requests).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts);
      // The last attempt came more than three hours after the first one.
      expect(now - T0).toBeGreaterThan(3 * 60 * 60_000);
    } finally {
      await down.close();
    }
  });

  it('does not retry a delivery the receiver rejected as bad (4xx)', async () => {
    const server = await httpRecorder(() => ({ status: 400 }));
    try {
      await notify('o3');
      const dispatcher = createOutboxDispatcher({
        store,
        transport: webhookTransport({ url: server.url, secret: SECRET }),
        logger: memoryLogger(),
        now: () => now,
        settleHttp,
        maxAttempts: 5,
      });
      await dispatcher.dispatch(now);
      expect(await store.outbox.get('o3')).toMatchObject({ status: 'dead', attempts: 1 });
    } finally {
      await server.close();
    }
  });

  it('treats an unreachable webhook as retryable', async () => {
    const server = await httpRecorder(() => ({ status: 204 }));
    const url = server.url;
    await server.close();
    await notify('o4');
    const dispatcher = createOutboxDispatcher({
      store,
      transport: webhookTransport({ url, secret: SECRET, timeoutMs: 2000 }),
      logger: memoryLogger(),
      now: () => now,
      settleHttp,
    });
    await dispatcher.dispatch(now);
    const row = await store.outbox.get('o4');
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toMatch(/network error/);
  });

  it('writes messages to the log transport without the survey token', async () => {
    const logger = memoryLogger();
    await store.outbox.insert({
      id: 'o5',
      caseId: null,
      kind: 'survey',
      idempotencyKey: 'case-1/s1',
      payload: { type: 'survey.send', kind: 'csat', to: 'customer', token: 'very-secret-token' },
      createdAt: T0,
    });
    const dispatcher = createOutboxDispatcher({
      store,
      transport: logTransport(logger),
      logger,
      now: () => now,
      settleHttp,
    });
    await dispatcher.dispatch(now);
    expect(await store.outbox.get('o5')).toMatchObject({ status: 'delivered' });
    const line = logger.lines.find((l) => l.msg?.includes('survey'));
    expect(line).toBeDefined();
    expect(JSON.stringify(logger.lines)).not.toContain('very-secret-token');
  });

  describe('http actions', () => {
    const httpRow = (id: string, url: string, retries: number) =>
      store.outbox.insert({
        id,
        caseId: null,
        kind: 'http',
        idempotencyKey: `case-1/${id}`,
        payload: {
          type: 'http.call',
          callId: `case-1.h1`,
          nodeId: 'freeze',
          method: 'POST',
          url,
          headers: { authorization: 'Bearer core-banking-key' },
          body: { account: 'A-1' },
          retries,
        },
        createdAt: T0,
      });

    it('performs the call and settles the result (parsed JSON) in one transaction with the row', async () => {
      const server = await httpRecorder(() => ({ status: 200, body: { frozen: true } }));
      try {
        const logger = memoryLogger();
        await httpRow('h1', `${server.url}/accounts/A-1/freeze?key=abc`, 2);
        const dispatcher = createOutboxDispatcher({
          store,
          transport: logTransport(logger),
          logger,
          now: () => now,
          settleHttp,
        });
        await dispatcher.dispatch(now);

        expect(server.requests).toHaveLength(1);
        const req = server.requests[0]!;
        expect(req.headers.authorization).toBe('Bearer core-banking-key');
        expect(req.headers['idempotency-key']).toBe('case-1/h1');
        expect(req.headers['content-type']).toBe('application/json');
        expect(JSON.parse(req.body)).toEqual({ account: 'A-1' });
        expect(settled).toHaveLength(1);
        expect(settled[0]!.result).toMatchObject({ ok: true, status: 200, result: { frozen: true } });
        expect(await store.outbox.get('h1')).toMatchObject({ status: 'delivered' });
        // No secrets in the logs: neither the header nor the query string.
        const logged = JSON.stringify(logger.lines);
        expect(logged).not.toContain('core-banking-key');
        expect(logged).not.toContain('key=abc');
      } finally {
        await server.close();
      }
    });

    it('retries a failing call `retries` times, then settles ok=false and marks the row dead', async () => {
      const server = await httpRecorder(() => ({ status: 502, body: { error: 'down' } }));
      try {
        await httpRow('h2', server.url, 1);
        const dispatcher = createOutboxDispatcher({
          store,
          transport: logTransport(memoryLogger()),
          logger: memoryLogger(),
          now: () => now,
          settleHttp,
          backoffMs: 100,
        });
        await dispatcher.dispatch(now);
        expect(settled).toHaveLength(0);
        const failed = await store.outbox.get('h2');
        expect(failed).toMatchObject({ status: 'failed', attempts: 1 });

        now = failed!.nextAttemptAt;
        await dispatcher.dispatch(now);
        expect(server.requests).toHaveLength(2);
        expect(settled).toHaveLength(1);
        expect(settled[0]!.result).toMatchObject({ ok: false, status: 502, error: 'HTTP 502' });
        expect(await store.outbox.get('h2')).toMatchObject({ status: 'dead', attempts: 2 });
      } finally {
        await server.close();
      }
    });

    it('does not call out for an action whose case closed in the meantime', async () => {
      const server = await httpRecorder(() => ({ status: 200, body: {} }));
      try {
        await httpRow('h4', server.url, 2);
        const dispatcher = createOutboxDispatcher({
          store,
          transport: logTransport(memoryLogger()),
          logger: memoryLogger(),
          now: () => now,
          settleHttp,
          isObsolete: async (row) => row.id === 'h4',
        });
        await dispatcher.dispatch(now);
        expect(server.requests).toHaveLength(0);
        expect(settled).toHaveLength(0);
        expect(await store.outbox.get('h4')).toMatchObject({
          status: 'dead',
          lastError: 'not called: the case closed first',
        });
      } finally {
        await server.close();
      }
    });

    it('leaves the row claimed when settling crashes, so it comes back after the lease', async () => {
      const server = await httpRecorder(() => ({ status: 200, body: {} }));
      try {
        const logger = memoryLogger();
        await httpRow('h3', server.url, 0);
        const dispatcher = createOutboxDispatcher({
          store,
          transport: logTransport(logger),
          logger,
          now: () => now,
          settleHttp: async () => {
            throw new Error('database hiccup');
          },
          timeoutMs: 1000,
        });
        await dispatcher.dispatch(now);
        const row = await store.outbox.get('h3');
        expect(row!.status).toBe('pending');
        expect(row!.nextAttemptAt).toBeGreaterThan(now);
        expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
        expect(await dispatcher.dispatch(row!.nextAttemptAt)).toBe(1);
      } finally {
        await server.close();
      }
    });
  });
});

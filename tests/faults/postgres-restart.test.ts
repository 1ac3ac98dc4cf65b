import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { notifyFlow, openCase, publishFlow, timelineOf } from './support/fault-flows';
import { type PrivatePostgres, postgresBin, startPrivatePostgres } from './support/private-postgres';

/**
 * PostgreSQL stops and starts again while the runtime is under load. The server is a private
 * one started for this test (the machine's shared server is never touched). While the
 * database is away every request that needs it answers promptly with 503 and a JSON error
 * (no hang, no crash); afterwards the runtime reconnects by itself and serves again; and
 * every message that was answered 2xx is stored exactly once, with exactly one timeline entry.
 */

const CASES = 8;
const WORKERS = 6;
/** A request that takes longer than this counts as hung. */
const HANG_MS = 15_000;

interface Shot {
  caseId: string;
  body: string;
  phase: 'before' | 'down' | 'after';
  status: number | 'hung' | 'network';
  json: unknown;
  ms: number;
}

const hasServer = postgresBin() !== null;
if (!hasServer && process.env.CI) throw new Error('CI must run the PostgreSQL restart fault test');

describe.skipIf(!hasServer)('PostgreSQL restarted during load', () => {
  let pg: PrivatePostgres;
  let rt: RuntimeProcess;
  let token = '';
  const caseIds: string[] = [];
  const shots: Shot[] = [];
  let phase: Shot['phase'] = 'before';
  const health: Array<{ status: number; body: { error?: { code?: string } } }> = [];
  let running = true;
  let seq = 0;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    // DATABASE_URL wins over the helper's SQLite file: the runtime runs on the private server.
    rt = await startRuntime({ DATABASE_URL: pg.url, LOG_LEVEL: 'error' });
    await publishFlow(rt, notifyFlow);
    for (let i = 0; i < CASES; i++) caseIds.push(await openCase(rt, notifyFlow.key, i));
    token = await rt.login('lena');
  });
  afterAll(async () => {
    running = false;
    await rt?.stop();
    pg?.destroy();
  });

  async function worker(w: number): Promise<void> {
    while (running) {
      const n = seq++;
      const caseId = caseIds[(n + w) % CASES]!;
      const body = `load ${n}`;
      const at = phase;
      const t0 = performance.now();
      let status: Shot['status'];
      let json: unknown = null;
      try {
        const res = await fetch(`${rt.url}/api/cases/${caseId}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ channel: 'email', body, from: 'agent' }),
          signal: AbortSignal.timeout(HANG_MS),
        });
        status = res.status;
        const text = await res.text();
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
      } catch (error) {
        status = (error as Error).name === 'TimeoutError' ? 'hung' : 'network';
      }
      shots.push({ caseId, body, phase: at, status, json, ms: performance.now() - t0 });
      if (status !== 201 && status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('answers 503 JSON while the database is down and serves again after it is back', async () => {
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await eventually(async () => shots.filter((s) => s.status === 201).length >= 30, 'load to get going');
    // A clean restart (fast: open transactions rolled back, connections closed), then a crash
    // (immediate: the server dies without a checkpoint and recovers from its WAL on start).
    for (const mode of ['fast', 'immediate'] as const) {
      phase = 'down';
      pg.stop(mode);
      await new Promise((r) => setTimeout(r, 2500));
      health.push(await rt.api('GET', '/api/health'));
      pg.start();
      phase = 'after';
      const okBefore = shots.filter((s) => s.status === 201).length;
      await eventually(
        async () => shots.filter((s) => s.status === 201).length >= okBefore + 30,
        `requests to succeed again after the ${mode} restart`,
        30_000,
      );
    }
    running = false;
    await load;

    const summary = JSON.stringify(
      shots.reduce<Record<string, number>>((m, s) => {
        const k = `${s.phase}:${s.status}`;
        m[k] = (m[k] ?? 0) + 1;
        return m;
      }, {}),
    );
    // The process neither crashed nor hung a request.
    expect(
      shots.filter((s) => s.status === 'hung' || s.status === 'network'),
      summary,
    ).toEqual([]);
    // While down: refused promptly, as 503 with a JSON error body.
    const down = shots.filter((s) => s.phase === 'down');
    expect(down.length, summary).toBeGreaterThan(0);
    const failures = shots.filter((s) => s.status !== 201);
    expect(failures.length, summary).toBeGreaterThan(0);
    for (const f of failures) {
      expect(f.status, JSON.stringify(f)).toBe(503);
      expect((f.json as { error?: { code?: unknown } }).error?.code, JSON.stringify(f)).toBe('unavailable');
    }
    // The health check tells a load balancer the same.
    for (const h of health) {
      expect(h.status).toBe(503);
      expect(h.body.error?.code).toBe('unavailable');
    }
    console.info(`PostgreSQL restart under load: ${summary}`);
  });

  it('keeps every message that was answered 2xx exactly once, in the rows and the timeline', async () => {
    const acked = shots.filter((s) => s.status === 201);
    for (const caseId of caseIds) {
      const res = await rt.api('GET', `/api/cases/${caseId}/messages?limit=500`, { as: 'admin' });
      expect(res.status).toBe(200);
      const rows: Array<{ id: string; body: string }> = res.body.items;
      const timeline = await timelineOf(rt, caseId);
      const entries = timeline.filter((e) => e.type === 'message').map((e) => e.data.messageId);
      expect([...entries].sort()).toEqual(rows.map((r) => r.id).sort());
      for (const shot of acked.filter((s) => s.caseId === caseId)) {
        const stored = rows.filter((r) => r.body === shot.body);
        expect(stored, shot.body).toHaveLength(1);
        expect(stored[0]!.id).toBe((shot.json as { id: string }).id);
      }
      // Refused messages may or may not have committed (the answer can be lost), but never twice.
      for (const shot of shots.filter((s) => s.caseId === caseId && s.status !== 201)) {
        expect(rows.filter((r) => r.body === shot.body).length).toBeLessThanOrEqual(1);
      }
    }
  });
});

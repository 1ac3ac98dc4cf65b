import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { openSse, type SseEvent, type SseStream } from '../support/sse-client';
import { scenarioBackends } from '../support/test-database';

/**
 * DESIGN §10 live streams against the built runtime on SQLite and PostgreSQL: a customer's
 * open case hears an agent's reply (and nothing of tasks), other customers and subflow
 * children are 404, streams resume after Last-Event-ID, `GET /events` follows the caller's
 * queues and requests only, streams per user are limited, and on PostgreSQL a change made by
 * another runtime process on the same database reaches the stream.
 */

const changeOf = (caseId: string, kind?: string) => (e: SseEvent) => {
  if (e.event !== 'change') return false;
  const data = JSON.parse(e.data) as { caseId: string; kinds: string[] };
  return data.caseId === caseId && (kind === undefined || data.kinds.includes(kind));
};

describe.each(scenarioBackends())('live streams on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    const open: SseStream[] = [];
    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
    });
    afterAll(async () => {
      for (const s of open) s.close();
      await rt?.stop();
    });

    const ticket = async (as: string): Promise<string> => {
      const res = await rt.api('POST', '/api/events/ticket', { as });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.ticket).not.toContain(await rt.login(as));
      return res.body.ticket;
    };
    const stream = async (path: string, as: string, headers: Record<string, string> = {}) => {
      const s = await openSse(
        `${rt.url}${path}${path.includes('?') ? '&' : '?'}ticket=${await ticket(as)}`,
        headers,
      );
      open.push(s);
      return s;
    };
    const request = async (as: string, username: string) => {
      const res = await rt.api('POST', '/api/catalog/password-reset/requests', {
        as,
        body: { values: { username, contact: `${username}@example.com` } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const reply = async (caseId: string, as: string, body: string) => {
      const res = await rt.api('POST', `/api/cases/${caseId}/messages`, {
        as,
        body: { body, channel: 'web' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };

    let carlaCase: string;
    let lastSeen: string;

    it("puts an agent's reply on the customer's open case page, and nothing of the tasks", async () => {
      carlaCase = await request('carla', 'carla.k');
      const s = await stream(`/api/cases/${carlaCase}/events`, 'carla');
      expect(s.status).toBe(200);
      await s.next((e) => e.event === 'ready', 'ready');
      const task = (await rt.api('GET', `/api/tasks?case=${carlaCase}`, { as: 'ivan' })).body.items[0];
      expect((await rt.api('POST', `/api/tasks/${task.id}/claim`, { as: 'ivan' })).status).toBe(200);
      await reply(carlaCase, 'ivan', 'We are on it');
      const heard = await s.next(changeOf(carlaCase, 'message'), 'the reply');
      expect(heard.id).toMatch(/^\d+\.\d+$/);
      for (const e of s.events.filter((x) => x.event === 'change')) {
        expect(JSON.parse(e.data).kinds).not.toContain('task');
      }
      lastSeen = s.lastEventId!;
      s.close();
    });

    it('resumes after Last-Event-ID, and says reset for an unknown one', async () => {
      await reply(carlaCase, 'ivan', 'Second reply while the page was away');
      const resumed = await stream(`/api/cases/${carlaCase}/events`, 'carla', { 'last-event-id': lastSeen });
      const replayed = await resumed.next(changeOf(carlaCase, 'message'), 'the missed reply');
      expect(replayed.id).not.toBe(lastSeen);
      await resumed.next((e) => e.event === 'ready', 'ready');
      // From the replay or (PostgreSQL, while another transaction was still open) the feed: once.
      await new Promise((r) => setTimeout(r, 500));
      expect(resumed.events.filter((e) => e.id === replayed.id)).toHaveLength(1);
      resumed.close();
      const viaQuery = await stream(`/api/cases/${carlaCase}/events?lastEventId=${lastSeen}`, 'carla');
      await viaQuery.next(changeOf(carlaCase, 'message'), 'the missed reply (query parameter)');
      viaQuery.close();
      const unknown = await stream(`/api/cases/${carlaCase}/events`, 'carla', { 'last-event-id': 'garbage' });
      await unknown.next((e) => e.event === 'reset', 'reset');
      unknown.close();
    });

    it("refuses another customer's case, bad tickets and session tokens in the URL", async () => {
      const ben = await stream(`/api/cases/${carlaCase}/events`, 'ben');
      expect(ben.status).toBe(404);
      const forged = await openSse(`${rt.url}/api/cases/${carlaCase}/events?ticket=x.${'a'.repeat(43)}`);
      expect(forged.status).toBe(401);
      const token = await openSse(
        `${rt.url}/api/cases/${carlaCase}/events?ticket=${await rt.login('carla')}`,
      );
      expect(token.status).toBe(401);
      const bearer = await openSse(`${rt.url}/api/events`, {
        authorization: `Bearer ${await rt.login('carla')}`,
      });
      expect(bearer.status).toBe(400);
      const unknown = await stream('/api/cases/nope/events', 'ivan');
      expect(unknown.status).toBe(404);
    });

    it("follows each user's queues and requests only", async () => {
      const ivan = await stream('/api/events', 'ivan');
      const lena = await stream('/api/events', 'lena');
      const carla = await stream('/api/events', 'carla');
      const ben = await stream('/api/events', 'ben');
      for (const s of [ivan, lena, carla, ben]) await s.next((e) => e.event === 'ready', 'ready');
      const bens = await request('ben', 'ben.k');
      await ivan.next(changeOf(bens, 'task'), "ben's request in ivan's queue");
      const own = await ben.next(changeOf(bens), "ben's own request");
      expect(JSON.parse(own.data).kinds).not.toContain('task');
      // Then a change carla hears about: by then the others' streams have passed ben's change.
      await reply(carlaCase, 'ivan', 'Third reply');
      await carla.next(changeOf(carlaCase, 'message'), "carla's reply");
      // Every stream of a process takes the same feed deliveries: give lena's a moment more.
      await new Promise((r) => setTimeout(r, 500));
      expect(lena.events.filter(changeOf(carlaCase))).toEqual([]);
      expect(lena.events.filter(changeOf(bens))).toEqual([]);
      expect(carla.events.filter(changeOf(bens))).toEqual([]);
      for (const s of [ivan, lena, carla, ben]) s.close();
    });

    it('limits the streams one user holds', async () => {
      const mine: SseStream[] = [];
      for (let i = 0; i < 8; i++) {
        const s = await stream('/api/events', 'ines');
        expect(s.status).toBe(200);
        await s.next((e) => e.event === 'ready', 'ready');
        mine.push(s);
      }
      const over = await stream('/api/events', 'ines');
      expect(over.status).toBe(429);
      mine[0]!.close();
      // The server notices the closed stream; then a new one is allowed again.
      let again: SseStream | null = null;
      for (let i = 0; i < 50 && again?.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        again = await stream('/api/events', 'ines');
      }
      expect(again?.status).toBe(200);
      for (const s of [...mine, again!]) s.close();
    });

    it.skipIf(backend !== 'postgres')('hears changes committed by another runtime process', async () => {
      const other = await startRuntime({ DATABASE_URL: rt.db }, { backend });
      try {
        const s = await stream(`/api/cases/${carlaCase}/events`, 'carla');
        await s.next((e) => e.event === 'ready', 'ready');
        const res = await other.api('POST', `/api/cases/${carlaCase}/messages`, {
          as: 'ivan',
          body: { body: 'From the other process', channel: 'web' },
        });
        expect(res.status).toBe(201);
        await s.next(changeOf(carlaCase, 'message'), 'the reply made through the other process', 3000);
        s.close();
      } finally {
        await other.stop();
      }
    });
  });
});

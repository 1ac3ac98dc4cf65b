import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { openSse, type SseEvent, type SseStream } from '../support/sse-client';

/**
 * Presence and routing changes are pushed to supervisors' streams only: an agent who is no
 * supervisor, an owner and a customer are refused the supervisor stream, and their own streams
 * carry no presence change (read up to a later case change every one of them hears, so the
 * absence is checked without waiting on a clock).
 */

type Change = { caseId: string; kinds: string[] };
const changeData = (e: SseEvent): Change | null =>
  e.event === 'change' ? (JSON.parse(e.data) as Change) : null;

describe('presence on live streams (SQLite)', () => {
  let rt: RuntimeProcess;
  const open: SseStream[] = [];
  beforeAll(async () => {
    rt = await startRuntime({});
  }, 120_000);
  afterAll(async () => {
    for (const s of open) s.close();
    await rt?.stop();
  });

  const stream = async (path: string, as: string) => {
    const res = await rt.api('POST', '/api/events/ticket', { as });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const s = await openSse(`${rt.url}${path}?ticket=${res.body.ticket}`);
    open.push(s);
    return s;
  };

  it('refuses the supervisor stream to agents, owners and customers', async () => {
    for (const who of ['ivan', 'lena', 'olivia', 'carla']) {
      const s = await stream('/api/supervisor/events', who);
      expect(s.status, who).toBe(403);
      expect(JSON.stringify(s.body)).not.toContain('presence');
    }
  });

  it("tells supervisors of another agent's presence change, and nobody else", async () => {
    const sam = await stream('/api/supervisor/events', 'sam');
    expect(sam.status).toBe(200);
    const others = {
      ivan: await stream('/api/events', 'ivan'),
      olivia: await stream('/api/events', 'olivia'),
      carla: await stream('/api/events', 'carla'),
    };
    for (const s of Object.values(others)) expect(s.status).toBe(200);

    const set = await rt.api('PUT', '/api/agents/marco/presence', { as: 'sam', body: { status: 'away' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    await sam.next((e) => changeData(e)?.kinds.includes('presence') === true, 'the presence change at sam');

    // A later change every stream hears: Carla's request lands in ivan's group (it-support).
    const req = await rt.api('POST', '/api/catalog/password-reset/requests', {
      as: 'carla',
      body: { values: { username: 'carla', contact: 'carla@example.com' } },
    });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    for (const [who, s] of Object.entries(others)) {
      await s.next((e) => changeData(e)?.caseId === req.body.id, `carla's request at ${who}`);
      const heard = s.events.map(changeData).filter((c): c is Change => c !== null);
      expect(
        heard.filter((c) => c.caseId === '' || c.kinds.some((k) => k === 'presence' || k === 'routing')),
        who,
      ).toEqual([]);
      expect(JSON.stringify(s.events), who).not.toContain('marco');
    }
  });
});

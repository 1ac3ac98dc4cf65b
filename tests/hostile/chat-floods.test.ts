import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishChatFlow } from '../support/chat-flow';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { openSse, type SseEvent, type SseStream } from '../support/sse-client';

/**
 * Floods of chat typing and read calls, from a signed-in customer and from an anonymous
 * visitor, on the manual clock (no time passes, as in a burst): every call is answered (204,
 * or 429 once a limit bites, never 500), one state row per person is kept, and the agents'
 * and supervisors' live streams hear a bounded number of `chat` changes — typing and read
 * alternated must not get past the typing throttle, nor a repeated leave announce each time.
 */

type Change = { caseId: string; kinds: string[] };
const changeOf = (e: SseEvent): Change | null =>
  e.event === 'change' ? (JSON.parse(e.data) as Change) : null;
const chatChanges = (s: SseStream, caseId: string) =>
  s.events.map(changeOf).filter((c) => c?.caseId === caseId && c.kinds.includes('chat')).length;

describe('chat typing and read floods (SQLite)', () => {
  let rt: RuntimeProcess;
  const streams: SseStream[] = [];
  beforeAll(async () => {
    rt = await startRuntime({});
    await publishChatFlow(rt, 'flood-chat', 'Flood chat');
  }, 120_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    await rt?.stop();
  });

  const stream = async (path: string, as: string) => {
    const res = await rt.api('POST', '/api/events/ticket', { as });
    const s = await openSse(`${rt.url}${path}?ticket=${res.body.ticket}`);
    expect(s.status, path).toBe(200);
    streams.push(s);
    return s;
  };
  /**
   * Marks the end of a flood on every stream: an agent's answer on the case (staff streams) and
   * a presence change (the supervisor's, which carries no messages); waits until each heard it.
   */
  const endOfFlood = async (staff: SseStream[], supervisor: SseStream, caseId: string, presence: string) => {
    const answer = await rt.api('POST', `/api/cases/${caseId}/messages`, {
      as: 'lena',
      body: { body: 'On it.' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    for (const s of staff) {
      await s.next((e) => changeOf(e)?.caseId === caseId && changeOf(e)!.kinds.includes('message'), 'answer');
    }
    expect(
      (await rt.api('PUT', '/api/agents/marco/presence', { as: 'sam', body: { status: presence } })).status,
    ).toBe(200);
    await supervisor.next((e) => changeOf(e)?.kinds.includes('presence') === true, 'presence');
  };

  it("keeps a signed-in customer's typing and read flood from filling the staff's streams", async () => {
    const sent = await rt.api('POST', '/api/chat', { as: 'carla', body: { body: 'hello, my card' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const caseId = sent.body.caseId as string;
    const listeners = [
      await stream(`/api/cases/${caseId}/events`, 'lena'),
      await stream('/api/events', 'admin'),
      await stream('/api/supervisor/events', 'sam'),
    ];
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      statuses.add((await rt.api('POST', `/api/cases/${caseId}/chat/typing`, { as: 'carla' })).status);
      statuses.add((await rt.api('POST', `/api/cases/${caseId}/chat/read`, { as: 'carla' })).status);
    }
    expect(
      [...statuses].every((s) => s === 204 || s === 429),
      JSON.stringify([...statuses]),
    ).toBe(true);
    // Leaving again and again ends the chat once.
    for (let i = 0; i < 50; i++) {
      const left = await rt.api('POST', `/api/cases/${caseId}/chat/leave`, { as: 'carla' });
      expect(left.status).toBe(200);
    }
    await endOfFlood(listeners.slice(0, 2), listeners[2]!, caseId, 'away');
    for (const s of listeners) expect(chatChanges(s, caseId)).toBeLessThanOrEqual(4);
    const view = await rt.api('GET', `/api/cases/${caseId}/chat`, { as: 'lena' });
    expect(view.body.typing.length).toBeLessThanOrEqual(1);
  });

  it("keeps an anonymous visitor's typing and read flood bounded the same way", async () => {
    const opened = await rt.api('POST', '/api/chat/visitor', {
      body: { name: 'Vera', email: 'vera@example.org', body: 'hello' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
    const caseId = await visitorCaseId();
    const state = await rt.api('GET', '/api/chat/visitor/state', { headers: { cookie } });
    expect(state.status).toBe(200);
    const listeners = [await stream('/api/events', 'admin'), await stream('/api/supervisor/events', 'sam')];
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      statuses.add((await rt.api('POST', '/api/chat/visitor/typing', { headers: { cookie } })).status);
      statuses.add((await rt.api('POST', '/api/chat/visitor/read', { headers: { cookie } })).status);
    }
    expect(
      [...statuses].every((s) => s === 204 || s === 429),
      JSON.stringify([...statuses]),
    ).toBe(true);
    // Leaving again and again ends the chat once.
    for (let i = 0; i < 50; i++) {
      const left = await rt.api('POST', '/api/chat/visitor/leave', { headers: { cookie } });
      expect(left.status).toBe(200);
    }
    await endOfFlood(listeners.slice(0, 1), listeners[1]!, caseId, 'online');
    for (const s of listeners) expect(chatChanges(s, caseId)).toBeLessThanOrEqual(4);
  });

  /** The visitor's case: the chat case of a customer other than Carla. */
  const visitorCaseId = async () => {
    const cases = await rt.api('GET', '/api/cases?channel=chat&limit=50', { as: 'admin' });
    const items = cases.body.items as Array<{ id: string; customerId: string }>;
    const found = items.find((c) => c.customerId !== 'c-1001');
    expect(found, JSON.stringify(items)).toBeDefined();
    return found!.id;
  };
});

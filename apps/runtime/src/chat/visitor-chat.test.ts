import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supportFlow } from '../executor/test-support/flows';
import { type RuntimeFixture, runtimeFixture } from '../executor/test-support/runtime-fixture';
import { chatView, TYPING_MS } from './chat-commands';
import { currentChat, replyChannel } from './chat-conversation';
import {
  hashToken,
  leaveVisitorChat,
  openVisitorChat,
  sendVisitorMessage,
  VISITOR_TTL_MS,
  visitorAttachment,
  visitorMessages,
  visitorTyping,
  visitorView,
} from './visitor-chat';

/** The support flow, opened by new chat conversations. */
const chatFlow = {
  ...supportFlow,
  key: 'chat-support',
  nodes: supportFlow.nodes.map((n) =>
    n.type === 'start' ? { ...n, trigger: { kind: 'case' as const, channels: ['chat' as const] } } : n,
  ),
};

describe('anonymous visitor chat', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(chatFlow);
    await f.store.users.create({
      username: 'carla',
      passwordHash: 'x',
      roles: ['customer'],
      customerId: 'cu-1',
      createdAt: f.clock.now(),
    });
  });
  afterEach(async () => f.dispose());
  const deps = () => ({ store: f.store, clock: f.clock });
  const start = (over: Partial<{ name: string; email: string; body: string }> = {}) =>
    openVisitorChat(f.runtime, {
      name: 'Vera',
      email: 'vera@example.org',
      body: 'Is my order late?',
      ...over,
    });

  it('opens a case on the chat channel for a new contact and keeps only the token’s hash', async () => {
    const { token, visitor } = await start();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = (await f.store.chatVisitors.get(visitor.id))!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt).toBe(f.clock.now() + VISITOR_TTL_MS);
    const c = (await f.runtime.getCase(visitor.caseId))!;
    expect(c).toMatchObject({ channel: 'chat', flow: 'chat-support', status: 'open' });
    expect((await f.store.customers.get(visitor.customerId))!).toMatchObject({
      name: 'Vera',
      email: 'vera@example.org',
    });
  });

  it('files the chat under the customer the e-mail belongs to, yet shows the visitor none of their other words', async () => {
    // Carla's own open chat, from her account, and a new visitor claiming her address.
    const own = await f.runtime.deliverInboundMessage({
      channel: 'chat',
      customerId: 'cu-1',
      sender: { kind: 'email', address: 'carla@example.com' },
      body: 'my PIN is 1234',
    });
    const { token, visitor } = await start({ name: 'Not Carla', email: 'CARLA@example.com' });
    expect(visitor.customerId).toBe('cu-1');
    expect(visitor.caseId).not.toBe(own.caseId);
    // Carla's account goes on with her own chat, not the one the visitor opened.
    expect(await currentChat(f.store, 'carla')).toBe(own.caseId);
    // What Carla writes on the visitor's case from her account stays out of the visitor's page;
    // the agent's answer is in it, an internal note is not.
    f.clock.advance('PT1S');
    await f.runtime.addMessage(visitor.caseId, {
      body: 'that was not me',
      from: 'customer',
      author: 'carla',
    });
    f.clock.advance('PT1S');
    await f.runtime.addMessage(visitor.caseId, { body: 'Hello!', from: 'agent', author: 'ann' });
    await f.runtime.addMessage(visitor.caseId, {
      body: 'suspicious',
      from: 'agent',
      author: 'ann',
      visibility: 'internal',
    });
    const page = await visitorMessages(f.store, token, f.clock.now(), { order: 'asc' });
    expect(page.items.map((m) => m.body)).toEqual(['Is my order late?', 'Hello!']);
    // Staff see who opened it, as typed.
    expect((await chatView(deps(), 'ann', visitor.caseId)).visitor).toEqual({
      name: 'Not Carla',
      email: 'CARLA@example.com',
    });
    expect((await chatView(deps(), 'ann', own.caseId)).visitor).toBeNull();
  });

  it('writes to the visitor’s case only, refuses internal notes, and ends with the case', async () => {
    const { token, visitor } = await start();
    const sent = await sendVisitorMessage(f.runtime, token, 'Order 42');
    expect(sent).toMatchObject({ outcome: 'threaded', caseId: visitor.caseId });
    await expect(sendVisitorMessage(f.runtime, token, 'psst', 'internal')).rejects.toMatchObject({
      status: 403,
    });
    await f.runtime.cancelCase(visitor.caseId, 'done', 'ann');
    const before = (await f.store.messages.listByCase(visitor.caseId)).length;
    await expect(sendVisitorMessage(f.runtime, token, 'hello?')).rejects.toMatchObject({ status: 409 });
    expect(await f.store.messages.listByCase(visitor.caseId)).toHaveLength(before);
  });

  it('answers 401 for a wrong, malformed or expired token, on every command', async () => {
    const { token } = await start();
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const t of [undefined, '', 'short', wrong]) {
      await expect(sendVisitorMessage(f.runtime, t, 'hi')).rejects.toMatchObject({ status: 401 });
      await expect(visitorMessages(f.store, t, f.clock.now(), {})).rejects.toMatchObject({ status: 401 });
      await expect(visitorTyping(deps(), t)).rejects.toMatchObject({ status: 401 });
    }
    f.clock.advance('PT24H');
    await expect(sendVisitorMessage(f.runtime, token, 'hi')).rejects.toMatchObject({ status: 401 });
    await expect(visitorView(deps(), token)).rejects.toMatchObject({ status: 401 });
    await expect(leaveVisitorChat(deps(), token)).rejects.toMatchObject({ status: 401 });
  });

  it('reads files of its own conversation only', async () => {
    const mine = await start();
    const other = await start({ name: 'Otto', email: 'otto@example.org' });
    const file = { name: 'a.txt', contentType: 'text/plain', data: Buffer.from('hi') };
    const onMine = await f.runtime.addMessage(mine.visitor.caseId, {
      body: 'here',
      from: 'agent',
      author: 'ann',
      attachments: [file],
    });
    const onOther = await f.runtime.addMessage(other.visitor.caseId, {
      body: 'there',
      from: 'agent',
      author: 'ann',
      attachments: [file],
    });
    const note = await f.runtime.addMessage(mine.visitor.caseId, {
      body: 'note',
      from: 'agent',
      author: 'ann',
      visibility: 'internal',
      attachments: [file],
    });
    const now = f.clock.now();
    expect(
      (await visitorAttachment(f.store, mine.token, now, onMine.attachments[0]!.id)).data.toString(),
    ).toBe('hi');
    for (const id of [onOther.attachments[0]!.id, note.attachments[0]!.id, 'nope']) {
      await expect(visitorAttachment(f.store, mine.token, now, id)).rejects.toMatchObject({ status: 404 });
    }
  });

  it('shows typing both ways by name, and after leaving the agent answers by e-mail', async () => {
    const { token, visitor } = await start();
    await visitorTyping(deps(), token);
    expect((await chatView(deps(), 'ann', visitor.caseId)).typing).toEqual([
      { party: 'customer', name: 'Vera' },
    ]);
    await chatView(deps(), 'ann', visitor.caseId);
    const { reportTyping } = await import('./chat-commands');
    await reportTyping(deps(), 'ann', visitor.caseId);
    expect((await visitorView(deps(), token)).typing).toEqual([{ party: 'agent', name: '' }]);
    f.clock.advance(`PT${TYPING_MS / 1000 + 1}S`);
    expect(await replyChannel(f.store, visitor.caseId, 'web')).toBe('chat');
    expect(await leaveVisitorChat(deps(), token)).toEqual({ email: 'vera@example.org' });
    expect(await replyChannel(f.store, visitor.caseId, 'web')).toBe('email');
  });
});

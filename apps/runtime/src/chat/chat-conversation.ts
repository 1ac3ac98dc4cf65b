import type { Channel } from '@caseflow/schema';
import { isCustomerOnly } from '../auth/roles';
import { actingUser } from '../executor/acting-user';
import { isOwnRequest } from '../executor/customer-case';
import { forbidden, notFound } from '../executor/errors';
import type { Runtime } from '../executor/types';
import type { Store, UserRow } from '../store/store';
import { type ChatDeps, chatRow, leftAlready } from './chat-commands';

/*
 * The customer's side of a live chat (DESIGN §10): a chat is a case on the `chat` channel,
 * opened by the customer's first message on the flow bound to the channel; when they end it,
 * the conversation goes on by e-mail on the same case until they write in the chat again.
 */

/** Most open cases looked through for the customer's chat. */
const OPEN_CASES_SCANNED = 200;

async function customerOf(store: Store, actor: string): Promise<UserRow & { customerId: string }> {
  const user = await actingUser(store, actor);
  if (!isCustomerOnly(user) || user.customerId === null)
    throw forbidden('live chat is for signed-in customers');
  return user as UserRow & { customerId: string };
}

/**
 * The id of the customer's open chat (their newest open top-level case on `chat`), or null. A
 * chat an anonymous visitor opened with the customer's e-mail is not theirs to continue: the
 * visitor reads that case, so what the customer wrote there would reach whoever typed the address.
 */
export async function currentChat(store: Store, actor: string): Promise<string | null> {
  const user = await customerOf(store, actor);
  const open = await store.cases.list({
    customerId: user.customerId,
    status: 'open',
    topLevel: true,
    limit: OPEN_CASES_SCANNED,
  });
  const chats = open.items.filter((c) => c.channel === 'chat').sort((a, b) => b.createdAt - a.createdAt);
  const visitors = new Set(await store.chatVisitors.visitorCases(chats.map((c) => c.id)));
  return chats.find((c) => !visitors.has(c.id))?.id ?? null;
}

/**
 * A customer's chat message: continues their open chat, or opens a case on the flow bound to
 * the chat channel (422 when none is). Goes through the one inbound door, as the signed-in
 * customer (their identity, not an address they typed).
 */
export async function sendChat(runtime: Runtime, actor: string, body: string): Promise<{ caseId: string }> {
  const user = await customerOf(runtime.store, actor);
  const open = await currentChat(runtime.store, actor);
  const result = await runtime.deliverInboundMessage({
    channel: 'chat',
    customerId: user.customerId,
    sender: { kind: 'email', address: user.email ?? '', name: user.displayName ?? user.username },
    body,
    ...(open ? { caseId: open } : {}),
  });
  return { caseId: result.caseId };
}

/**
 * The customer ends the chat of their case: answers go by e-mail from now on (replyChannel),
 * and the agent's page hears of it. Answers the address the conversation continues at.
 */
export function leaveChat(deps: ChatDeps, actor: string, caseId: string): Promise<{ email: string | null }> {
  return deps.store.transaction(async (tx) => {
    const user = await customerOf(tx, actor);
    const kase = await tx.cases.get(caseId);
    if (!isOwnRequest(user.customerId, kase)) throw notFound('case', caseId);
    const now = deps.clock.now();
    const before = await tx.chat.get(caseId, user.username);
    const customer = await tx.customers.get(user.customerId);
    const email = customer?.email ?? user.email ?? null;
    if (leftAlready(before)) return { email };
    await tx.chat.put(
      chatRow(before, {
        caseId,
        username: user.username,
        party: 'customer',
        typingUntil: 0,
        leftAt: now,
        updatedAt: now,
      }),
    );
    await tx.changes.append({
      caseId,
      customerId: kase.customerId,
      topLevel: true,
      kinds: ['chat'],
      publicKinds: ['chat'],
      groups: [],
      users: [user.username],
      at: now,
    });
    return { email };
  });
}

/**
 * The channel an agent's answer goes on by default: the one the customer last wrote on, except
 * a chat the customer has ended since, which continues by e-mail. `fallback` without any.
 */
export async function replyChannel(tx: Store, caseId: string, fallback: Channel): Promise<Channel> {
  const last = await tx.channels.lastInbound(caseId);
  if (!last) return fallback;
  if (last.channel !== 'chat') return last.channel;
  const left = Math.max(
    0,
    ...(await tx.chat.states(caseId)).filter((s) => s.party === 'customer').map((s) => s.leftAt),
  );
  return left >= last.at ? 'email' : 'chat';
}

import { hasRole, isCustomerOnly } from '../auth/roles';
import type { Clock } from '../clock';
import { actingUser } from '../executor/acting-user';
import { isOwnRequest } from '../executor/customer-case';
import { conflict, forbidden, notFound } from '../executor/errors';
import type { ChatParty, ChatStateRow } from '../store/chat-store';
import type { CaseRow, Store, UserRow } from '../store/store';

/*
 * Typing and read indicators of a live chat (DESIGN §10). Ephemeral: one row per person and
 * case, overwritten, and a `chat` change on the case's live stream so the other side asks
 * again. Bounded: typing writes at most every few seconds per person, a read only when there
 * is something newer to read. Access as for the case: a customer only on their own top-level
 * case, staff (agents and up) on any.
 */

/** How long one typing report lasts unless renewed. */
export const TYPING_MS = 6000;
/** A typing report within this of the last one writes nothing (the client repeats while typing). */
const TYPING_REFRESH_MS = 3000;

export interface ChatDeps {
  store: Store;
  clock: Clock;
}

/** Who `user` is in the case's chat: 404 for another customer's case, 403 without a role. */
function partyOf(user: UserRow, kase: CaseRow | null, caseId: string): { party: ChatParty; kase: CaseRow } {
  if (!kase) throw notFound('case', caseId);
  if (isCustomerOnly(user)) {
    if (!isOwnRequest(user.customerId, kase)) throw notFound('case', caseId);
    return { party: 'customer', kase };
  }
  if (!hasRole(user, 'agent')) throw forbidden('only customers and agents take part in chats');
  return { party: 'agent', kase };
}

/** A `chat` change on the case's live stream, so that the other side asks again. */
export async function announce(tx: Store, kase: CaseRow, username: string, at: number): Promise<void> {
  await tx.changes.append({
    caseId: kase.id,
    customerId: kase.customerId,
    topLevel: kase.parentCaseId === null,
    kinds: ['chat'],
    publicKinds: ['chat'],
    groups: [],
    users: [username],
    at,
  });
}

/**
 * One side of a chat as its state rows name it: a user by username, or an anonymous visitor as
 * `visitor:<id>` on the customer's side (usernames cannot hold a colon, so the two never meet).
 */
export interface ChatParticipant {
  username: string;
  party: ChatParty;
}

/** The chat-state name of an anonymous visitor. */
export const visitorParticipant = (visitorId: string): ChatParticipant => ({
  username: `visitor:${visitorId}`,
  party: 'customer',
});

/** `actor` is typing in the case's chat (for TYPING_MS); 409 when the case is closed. */
export function reportTyping(deps: ChatDeps, actor: string, caseId: string): Promise<void> {
  return deps.store.transaction(async (tx) => {
    const user = await actingUser(tx, actor);
    const { party, kase } = partyOf(user, await tx.cases.get(caseId), caseId);
    await noteTyping(tx, deps.clock.now(), { username: user.username, party }, kase);
  });
}

/**
 * Records that `who` is typing in the open case `kase`, inside the caller's transaction (which
 * checked their access): 409 on a closed case; writes nothing within TYPING_REFRESH_MS of the
 * last report (a read that ended it included).
 */
export async function noteTyping(tx: Store, now: number, who: ChatParticipant, kase: CaseRow): Promise<void> {
  if (kase.status !== 'open') throw conflict(`case ${kase.id} is closed`);
  const before = await tx.chat.get(kase.id, who.username);
  if (before && before.typingUntil - now > TYPING_MS - TYPING_REFRESH_MS) return;
  await tx.chat.put(
    chatRow(before, {
      caseId: kase.id,
      username: who.username,
      party: who.party,
      typingUntil: now + TYPING_MS,
      updatedAt: now,
    }),
  );
  await announce(tx, kase, who.username, now);
}

/**
 * `actor` has read the conversation up to now; it also ends their typing (a sent message is
 * read by its writer). Writes and announces only when a message came after their last read,
 * or they were shown typing.
 */
export function markRead(deps: ChatDeps, actor: string, caseId: string): Promise<void> {
  return deps.store.transaction(async (tx) => {
    const user = await actingUser(tx, actor);
    const { party, kase } = partyOf(user, await tx.cases.get(caseId), caseId);
    await noteRead(tx, deps.clock.now(), { username: user.username, party }, kase);
  });
}

/** markRead's work for `who` inside the caller's transaction (which checked their access). */
export async function noteRead(tx: Store, now: number, who: ChatParticipant, kase: CaseRow): Promise<void> {
  const before = await tx.chat.get(kase.id, who.username);
  const latest = (await tx.messages.pageByCase(kase.id, { order: 'desc', limit: 1 })).items[0];
  const unread = latest !== undefined && latest.at > (before?.readAt ?? 0);
  const typing = before !== null && typingShown(before, now) && before.readAt < now;
  if (!unread && !typing) return;
  await tx.chat.put(
    chatRow(before, {
      caseId: kase.id,
      username: who.username,
      party: who.party,
      // A read with nothing new ends typing through readAt and keeps the report's time, so the
      // typing throttle still holds: alternating typing and read announces no more than typing.
      ...(unread ? { typingUntil: 0 } : {}),
      readAt: now,
      updatedAt: now,
    }),
  );
  await announce(tx, kase, who.username, now);
}

/** What one side sees of the other: who is typing now and until when the other side has read. */
export interface ChatView {
  typing: Array<{ party: ChatParty; name: string }>;
  /** When the customer (for staff) or any agent (for the customer) last read, ISO, or null. */
  otherReadAt: string | null;
  /**
   * Staff only: the anonymous visitor who opened this chat, as they typed their name and e-mail
   * (never verified: the case may belong to a customer with that address, but the visitor has
   * not proved to be them). Null for a signed-in customer's chat; absent for the customer side.
   */
  visitor?: { name: string; email: string } | null;
}

/** The chat state of a case as `actor` may see it (the other side only). */
export async function chatView(deps: ChatDeps, actor: string, caseId: string): Promise<ChatView> {
  const { store } = deps;
  const user = await actingUser(store, actor);
  const { party } = partyOf(user, await store.cases.get(caseId), caseId);
  const view = await viewFrom(store, deps.clock.now(), party, caseId);
  if (party === 'customer') return view;
  const visitor = await store.chatVisitors.byCase(caseId);
  return { ...view, visitor: visitor ? { name: visitor.name, email: visitor.email } : null };
}

/** The other side of `party` in the case's chat now (checked access is the caller's). */
export async function viewFrom(
  store: Store,
  now: number,
  party: ChatParty,
  caseId: string,
): Promise<ChatView> {
  const others = (await store.chat.states(caseId)).filter((s) => s.party !== party);
  const typing: ChatView['typing'] = [];
  for (const s of others.filter((o) => typingShown(o, now))) {
    typing.push({ party: s.party, name: await displayName(store, s) });
  }
  const readAt = Math.max(0, ...others.map((o) => o.readAt));
  return { typing, otherReadAt: readAt > 0 ? new Date(readAt).toISOString() : null };
}

/** Who a state row is, as the other side sees them. */
async function displayName(store: Store, s: ChatStateRow): Promise<string> {
  if (s.username.startsWith('visitor:')) {
    return (await store.chatVisitors.get(s.username.slice('visitor:'.length)))?.name ?? '';
  }
  const person = await store.users.get(s.username);
  // Customers see an agent's display name only, never the username they sign in with.
  return person?.displayName ?? (s.party === 'agent' ? '' : s.username);
}

/** A chat state row: `next` over what `before` held. Pure. */
/** Whether `row`'s person is typing at `now`: a report still running, made since their last read. */
function typingShown(row: ChatStateRow, now: number): boolean {
  return row.typingUntil > now && row.typingUntil - TYPING_MS >= row.readAt;
}

/**
 * Whether the person's last write was their leaving the chat: leaving again changes and
 * announces nothing (a client repeating it must not fill the staff's live streams).
 */
export function leftAlready(before: ChatStateRow | null): boolean {
  return before !== null && before.leftAt > 0 && before.leftAt >= before.updatedAt;
}

export function chatRow(
  before: ChatStateRow | null,
  next: Omit<ChatStateRow, 'readAt' | 'typingUntil' | 'leftAt'> & Partial<ChatStateRow>,
): ChatStateRow {
  return {
    typingUntil: before?.typingUntil ?? 0,
    readAt: before?.readAt ?? 0,
    leftAt: before?.leftAt ?? 0,
    ...next,
  };
}

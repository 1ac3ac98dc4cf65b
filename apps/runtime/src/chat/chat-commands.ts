import { hasRole, isCustomerOnly } from '../auth/roles';
import type { Clock } from '../clock';
import { actingUser } from '../executor/acting-user';
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
    if (kase.customerId === null || kase.customerId !== user.customerId || kase.parentCaseId !== null) {
      throw notFound('case', caseId);
    }
    return { party: 'customer', kase };
  }
  if (!hasRole(user, 'agent')) throw forbidden('only customers and agents take part in chats');
  return { party: 'agent', kase };
}

async function announce(tx: Store, kase: CaseRow, username: string, at: number): Promise<void> {
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

/** `actor` is typing in the case's chat (for TYPING_MS); 409 when the case is closed. */
export function reportTyping(deps: ChatDeps, actor: string, caseId: string): Promise<void> {
  return deps.store.transaction(async (tx) => {
    const user = await actingUser(tx, actor);
    const { party, kase } = partyOf(user, await tx.cases.get(caseId), caseId);
    if (kase.status !== 'open') throw conflict(`case ${caseId} is closed`);
    const now = deps.clock.now();
    const before = await tx.chat.get(caseId, user.username);
    if (before && before.typingUntil - now > TYPING_MS - TYPING_REFRESH_MS) return;
    await tx.chat.put(
      chatRow(before, {
        caseId,
        username: user.username,
        party,
        typingUntil: now + TYPING_MS,
        updatedAt: now,
      }),
    );
    await announce(tx, kase, user.username, now);
  });
}

/**
 * `actor` has read the conversation up to now; it also ends their typing (a sent message is
 * read by its writer). Writes and announces only when a message came after their last read.
 */
export function markRead(deps: ChatDeps, actor: string, caseId: string): Promise<void> {
  return deps.store.transaction(async (tx) => {
    const user = await actingUser(tx, actor);
    const { party, kase } = partyOf(user, await tx.cases.get(caseId), caseId);
    const now = deps.clock.now();
    const before = await tx.chat.get(caseId, user.username);
    const latest = (await tx.messages.pageByCase(caseId, { order: 'desc', limit: 1 })).items[0];
    const unread = latest !== undefined && latest.at > (before?.readAt ?? 0);
    const typing = (before?.typingUntil ?? 0) > now;
    if (!unread && !typing) return;
    await tx.chat.put(
      chatRow(before, {
        caseId,
        username: user.username,
        party,
        typingUntil: 0,
        readAt: now,
        updatedAt: now,
      }),
    );
    await announce(tx, kase, user.username, now);
  });
}

/** What one side sees of the other: who is typing now and until when the other side has read. */
export interface ChatView {
  typing: Array<{ party: ChatParty; name: string }>;
  /** When the customer (for staff) or any agent (for the customer) last read, ISO, or null. */
  otherReadAt: string | null;
}

/** The chat state of a case as `actor` may see it (the other side only). */
export async function chatView(deps: ChatDeps, actor: string, caseId: string): Promise<ChatView> {
  const { store } = deps;
  const user = await actingUser(store, actor);
  const { party } = partyOf(user, await store.cases.get(caseId), caseId);
  const now = deps.clock.now();
  const others = (await store.chat.states(caseId)).filter((s) => s.party !== party);
  const typing: ChatView['typing'] = [];
  for (const s of others.filter((o) => o.typingUntil > now)) {
    const person = await store.users.get(s.username);
    // Customers see an agent's display name only, never the username they sign in with.
    typing.push({ party: s.party, name: person?.displayName ?? (s.party === 'agent' ? '' : s.username) });
  }
  const readAt = Math.max(0, ...others.map((o) => o.readAt));
  return { typing, otherReadAt: readAt > 0 ? new Date(readAt).toISOString() : null };
}

/** A chat state row: `next` over what `before` held. Pure. */
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

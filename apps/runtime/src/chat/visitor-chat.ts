import { createHash, randomBytes } from 'node:crypto';
import type { MessageVisibility } from '@caseflow/schema';
import { conflict, forbidden, notFound, unauthorized } from '../executor/errors';
import type { InboundResult } from '../executor/inbound-message';
import type { Runtime } from '../executor/types';
import type { AttachmentFile } from '../store/channel-store';
import type { ChatVisitorRow } from '../store/chat-visitor-store';
import type { CaseRow, MessageRow, Store } from '../store/store';
import {
  type ChatDeps,
  type ChatView,
  chatRow,
  leftAlready,
  noteRead,
  noteTyping,
  viewFrom,
  visitorParticipant,
} from './chat-commands';

/*
 * Anonymous visitors' live chat (issue #15 item 3). A visitor leaves a name and an e-mail and
 * writes; that opens a case on the chat channel for the customer the address belongs to (or a
 * new contact) and gives the visitor a capability for that one conversation: a random token
 * (kept only as its SHA-256) that expires. The address is not verified, so the token reaches
 * nothing else of that customer — not their other cases, not their profile, and on this case
 * only what the agents and the visitor wrote (not what the real customer wrote there by e-mail
 * or from their account). Every command reads the token's row in its own transaction.
 */

/** How long a visitor's token opens their chat. */
export const VISITOR_TTL_MS = 24 * 3_600_000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** What the visitor types to start. */
export interface VisitorStart {
  name: string;
  email: string;
  body: string;
}

/** SHA-256 (hex) of a token: what the store keeps and looks up. Pure. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 401 for every way a token can fail, with the same words (an answer confirms nothing). */
const expired = () => unauthorized('this chat is unknown or has expired; start a new chat');

/** The visitor a token names, if well-formed, known and unexpired at `now`; else 401. */
export async function visitorByToken(
  store: Store,
  token: string | undefined,
  now: number,
): Promise<ChatVisitorRow> {
  if (!token || !TOKEN_SHAPE.test(token)) throw expired();
  const row = await store.chatVisitors.byTokenHash(hashToken(token));
  if (!row || row.expiresAt <= now) throw expired();
  return row;
}

/**
 * Opens a visitor's chat with their first message: the case and the visitor's row commit in one
 * transaction (the inbound door's). Always a new case, never one of the customer's open ones.
 * Answers the token, which exists only in this answer (the route puts it in a cookie).
 */
export async function openVisitorChat(
  runtime: Runtime,
  start: VisitorStart,
): Promise<{ token: string; visitor: ChatVisitorRow }> {
  const token = randomBytes(32).toString('base64url');
  const id = `v-${randomBytes(12).toString('base64url')}`;
  let visitor: ChatVisitorRow | null = null;
  await runtime.deliverInboundMessage({
    channel: 'chat',
    sender: { kind: 'email', address: start.email, name: start.name },
    body: start.body,
    within: async (tx, result) => {
      if (result.outcome !== 'opened') throw conflict('a visitor chat opens a case of its own');
      const now = runtime.clock.now();
      visitor = {
        id,
        tokenHash: hashToken(token),
        caseId: result.caseId,
        customerId: result.customerId,
        name: start.name,
        email: start.email,
        createdAt: now,
        expiresAt: now + VISITOR_TTL_MS,
      };
      await tx.chatVisitors.insert(visitor);
    },
  });
  return { token, visitor: visitor! };
}

/** The visitor's message on their case: 403 for an internal note, 409 once the case is closed. */
export async function sendVisitorMessage(
  runtime: Runtime,
  token: string | undefined,
  body: string,
  visibility: MessageVisibility = 'public',
): Promise<InboundResult> {
  const visitor = await visitorByToken(runtime.store, token, runtime.clock.now());
  if (visibility !== 'public') throw forbidden('internal notes are written by staff', { path: 'visibility' });
  const kase = await runtime.store.cases.get(visitor.caseId);
  if (kase?.status !== 'open') throw ended();
  return runtime.deliverInboundMessage({
    channel: 'chat',
    customerId: visitor.customerId,
    sender: { kind: 'email', address: visitor.email, name: visitor.name },
    body,
    caseId: visitor.caseId,
    within: async (tx, result) => {
      // Again inside the transaction: the token may have expired meanwhile, and a case closed
      // since the check above would have made the door open a new case the token cannot read.
      await visitorByToken(tx, token, runtime.clock.now());
      if (result.caseId !== visitor.caseId) throw ended();
    },
  });
}

const ended = () => conflict('this chat has ended; start a new chat');

/**
 * Whether the visitor may see a message of their case: public, and either the agents' side or
 * what came in through the chat itself. A customer's own words from elsewhere (their e-mail,
 * their account) stay theirs: the visitor may only claim to be them. Pure.
 */
export function visibleToVisitor(m: MessageRow): boolean {
  if (m.visibility !== 'public') return false;
  if (m.from !== 'customer') return true;
  return m.channel === 'chat' && m.author === null;
}

/** The visitor's page of their conversation (newest first with `order: 'desc'`). */
export async function visitorMessages(
  store: Store,
  token: string | undefined,
  now: number,
  query: { limit?: number; cursor?: string; order?: 'asc' | 'desc' },
): Promise<{ visitor: ChatVisitorRow; items: MessageRow[]; next: string | null }> {
  const visitor = await visitorByToken(store, token, now);
  const page = await store.messages.pageByCase(visitor.caseId, { ...query, publicOnly: true });
  return { visitor, items: page.items.filter(visibleToVisitor), next: page.next };
}

/** A file of a message the visitor may see on their case; 404 for anything else. */
export async function visitorAttachment(
  store: Store,
  token: string | undefined,
  now: number,
  id: string,
): Promise<AttachmentFile> {
  const visitor = await visitorByToken(store, token, now);
  const file = await store.channels.attachment(id);
  if (!file || file.caseId !== visitor.caseId) throw notFound('attachment', id);
  const message = await store.channels.message(file.messageId);
  if (!message || message.caseId !== visitor.caseId || !visibleToVisitor(message)) {
    throw notFound('attachment', id);
  }
  return file;
}

/** Runs `fn` with the token's visitor and case, read in one transaction. */
function asVisitor<T>(
  deps: ChatDeps,
  token: string | undefined,
  fn: (tx: Store, visitor: ChatVisitorRow, kase: CaseRow, now: number) => Promise<T>,
): Promise<T> {
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const visitor = await visitorByToken(tx, token, now);
    const kase = await tx.cases.get(visitor.caseId);
    if (!kase) throw expired();
    return fn(tx, visitor, kase, now);
  });
}

/** The visitor is typing (as reportTyping); 409 once the case is closed. */
export function visitorTyping(deps: ChatDeps, token: string | undefined): Promise<void> {
  return asVisitor(deps, token, (tx, v, kase, now) => noteTyping(tx, now, visitorParticipant(v.id), kase));
}

/** The visitor has read their conversation up to now (as markRead). */
export function visitorRead(deps: ChatDeps, token: string | undefined): Promise<void> {
  return asVisitor(deps, token, (tx, v, kase, now) => noteRead(tx, now, visitorParticipant(v.id), kase));
}

/** What the visitor sees of the agents: who is typing and until when they have read. */
export function visitorView(deps: ChatDeps, token: string | undefined): Promise<ChatView> {
  return asVisitor(deps, token, (tx, _v, kase, now) => viewFrom(tx, now, 'customer', kase.id));
}

/**
 * The visitor ends the chat: the agents' next answers go by e-mail on the same case (as for a
 * signed-in customer, chat-conversation.ts replyChannel). Answers the address the visitor gave.
 */
export function leaveVisitorChat(deps: ChatDeps, token: string | undefined): Promise<{ email: string }> {
  return asVisitor(deps, token, async (tx, v, kase, now) => {
    const who = visitorParticipant(v.id);
    const before = await tx.chat.get(kase.id, who.username);
    if (leftAlready(before)) return { email: v.email };
    await tx.chat.put(
      chatRow(before, {
        caseId: kase.id,
        username: who.username,
        party: who.party,
        typingUntil: 0,
        leftAt: now,
        updatedAt: now,
      }),
    );
    await tx.changes.append({
      caseId: kase.id,
      customerId: kase.customerId,
      topLevel: true,
      kinds: ['chat'],
      publicKinds: ['chat'],
      groups: [],
      users: [],
      at: now,
    });
    return { email: v.email };
  });
}

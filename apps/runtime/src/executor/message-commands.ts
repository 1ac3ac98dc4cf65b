import { allowedEvents, type CaseSnapshot } from '@caseflow/engine';
import {
  ATTACHMENT_LIMITS,
  baseContentType,
  type Channel,
  isAllowedAttachmentType,
  type MessageVisibility,
  type PartyKind,
  safeFileName,
} from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import { queueChannelReply } from '../channels/channel-reply';
import { mailReplyTarget, queueMailReply } from '../channels/email/mail-reply';
import { replyChannel } from '../chat/chat-conversation';
import type { AttachmentRow } from '../store/channel-store';
import { actingUser } from './acting-user';
import type { CaseSession, LiveCase } from './case-session';
import { isOwnRequest } from './customer-case';
import { badRequest, forbidden, notFound, payloadTooLarge } from './errors';
import { openFollowUp } from './follow-up';
import { newRowId } from './ids';
import type { RuntimeCore } from './runtime-core';
import type { Actor, AddedMessage } from './types';

/** The signal a wait node names to wait for the customer's answer (DESIGN §2, "wait"). */
export const CUSTOMER_REPLIED = 'customer-replied';

/** A file that comes with a message, already decoded. */
export interface AttachmentInput {
  name: string;
  contentType: string;
  data: Buffer;
}

/** A message as a person writes it (POST /cases/:id/messages). */
export interface MessageInput {
  body: string;
  /** Default: the channel the customer last wrote on, else the case's channel (customers: web). */
  channel?: Channel;
  /** Default public; internal notes only from staff. */
  visibility?: MessageVisibility;
  /** Staff may record what a customer said (`customer`); customers always write as themselves. */
  from: PartyKind;
  /** Who writes; null is the runtime itself. */
  author: Actor | null;
  attachments?: readonly AttachmentInput[];
}

/** What a channel adds to a message it carries (inbound-message.ts). */
export interface ChannelFields {
  address?: string | null;
  html?: string | null;
  externalId?: string | null;
}

/**
 * Records a message on a case (POST /cases/:id/messages). Who may write is checked here, in
 * the transaction: a customer only on their own top-level case (404 otherwise, as for reading
 * it), always as the customer and publicly (403 for an internal note), whatever `from` says —
 * on a closed one the message opens its follow-up (follow-up.ts), whose id it answers with;
 * staff as given; `author: null` is the runtime itself. Without a channel an agent answers on
 * the one the customer last used. The first public agent message is the first response, and a
 * customer's message their reply (see writeMessage) — all in one transaction.
 */
export function addMessage(core: RuntimeCore, caseId: string, message: MessageInput): Promise<AddedMessage> {
  return core.events.run(
    async (session) => {
      const { tx } = session;
      const live = await session.require(caseId);
      let from = message.from;
      const visibility = message.visibility ?? 'public';
      /** The writing customer's id, when a customer writes. */
      let customerId: string | null = null;
      if (message.author !== null) {
        const user = await actingUser(tx, message.author);
        if (isCustomerOnly(user)) {
          if (!isOwnRequest(user.customerId, live.row)) throw notFound('case', caseId);
          if (visibility === 'internal') {
            throw forbidden('internal notes are written by staff', { path: 'visibility' });
          }
          from = 'customer';
          customerId = user.customerId;
        } else if (!hasRole(user, 'agent')) {
          throw forbidden('only customers and agents write messages');
        }
      }
      // A customer writes here from the portal: 'web', whatever they say (mail, WhatsApp and the
      // rest come in through their own doors, which know the sender's address).
      const channel = customerId
        ? 'web'
        : (message.channel ?? (await replyChannel(tx, caseId, live.row.channel)));
      // A customer writing on their closed case asks for it again, as a reply by mail would:
      // the message goes to its follow-up (staff may still note things on a closed case).
      if (customerId && live.row.status !== 'open') {
        const next = await openFollowUp(core, session, live.row, {
          customerId,
          channel,
          subject: live.row.subject,
          reopenWithinMs: core.ctx.reopenWithinMs,
          // Theirs when the closed one was (they may withdraw it), else the channel's.
          actor: message.author !== null && live.row.createdBy === message.author ? message.author : 'system',
        });
        return writeMessage(session, next.live, { ...message, from, visibility, channel });
      }
      return writeMessage(session, live, { ...message, from, visibility, channel });
    },
    { caseId },
  );
}

/**
 * Stores a message and its files on a loaded case inside the caller's transaction, with what
 * the message means to the flow: the first public agent message sets firstResponseAt and
 * tells the engine `case.event case.firstResponse` (SLA clocks stop on it); a public customer
 * message delivers `customer-replied` when a wait expects it, so a crash cannot keep the
 * message and lose the reply. Internal notes are staff-only timeline entries and mean nothing
 * to the flow. Checks no rights: callers do (addMessage, deliverInboundMessage).
 */
export async function writeMessage(
  session: CaseSession,
  live: LiveCase,
  message: MessageInput & ChannelFields & { channel: Channel; visibility: MessageVisibility },
): Promise<AddedMessage> {
  const { tx, now } = session;
  const caseId = live.row.id;
  const files = checkAttachments(message.attachments ?? []);
  const from = message.from;
  const id = newRowId('m', now);
  // An agent's public answer by e-mail carries our Message-ID (the thread) and the address.
  const mail =
    from === 'agent' && message.visibility === 'public' && message.channel === 'email'
      ? await mailReplyTarget(session, live, id)
      : null;
  const row = await tx.messages.insert({
    id,
    caseId,
    customerId: live.row.customerId,
    channel: message.channel,
    direction: from === 'customer' ? 'in' : 'out',
    from,
    author: message.author,
    body: message.body,
    at: now,
    visibility: message.visibility,
    address: mail?.to ?? message.address ?? null,
    html: message.html ?? null,
    externalId: mail?.headerId ?? message.externalId ?? null,
  });
  const attachments: AttachmentRow[] = [];
  for (const [i, file] of files.entries()) {
    attachments.push(
      await tx.channels.insertAttachment({
        id: `${row.id}.a${i + 1}`,
        messageId: row.id,
        caseId,
        name: file.name,
        contentType: file.contentType,
        size: file.data.length,
        data: file.data,
        createdAt: now,
      }),
    );
  }
  const internal = message.visibility === 'internal';
  session.record(live, {
    type: 'message',
    actor: message.author,
    public: !internal,
    data: { messageId: row.id, from, channel: message.channel, visibility: message.visibility },
  });
  // WhatsApp, SMS and e-mail answers leave through the outbox, committed with the message.
  await queueChannelReply(session, row);
  if (mail) await queueMailReply(session, live, row, attachments, mail);
  const added: AddedMessage = { ...row, attachments };
  if (internal) return added;
  if (from === 'agent' && (await tx.cases.markFirstResponse(caseId, now))) {
    live.row = { ...live.row, firstResponseAt: now };
    if (live.row.status === 'open') {
      await session.send(
        caseId,
        { type: 'case.event', name: 'case.firstResponse' },
        message.author ?? 'system',
      );
    }
  }
  if (from === 'customer' && live.row.status === 'open' && awaitsCustomerReply(live)) {
    const actor = message.author ?? 'system';
    const data = { messageId: row.id };
    session.record(live, { type: 'signal', actor, data: { name: CUSTOMER_REPLIED, data } });
    await session.send(caseId, { type: 'signal', name: CUSTOMER_REPLIED, data }, actor);
    return { ...added, repliedCase: await session.committedCase(caseId) };
  }
  return added;
}

/** Whether a wait of the case expects the customer's reply now. */
function awaitsCustomerReply(live: LiveCase): boolean {
  return allowedEvents(live.compiled, live.row.snapshot as CaseSnapshot).includes(
    `signal:${CUSTOMER_REPLIED}`,
  );
}

/** The files with safe names; 400 for a refused type, 413 over the size limits. */
function checkAttachments(files: readonly AttachmentInput[]): AttachmentInput[] {
  if (files.length > ATTACHMENT_LIMITS.files) {
    throw badRequest(`at most ${ATTACHMENT_LIMITS.files} attachments`, [
      { path: 'attachments', message: 'too many files' },
    ]);
  }
  return files.map((file, i) => {
    if (!isAllowedAttachmentType(file.contentType)) {
      throw badRequest(`attachment type ${baseContentType(file.contentType)} is not accepted`, [
        { path: `attachments.${i}.contentType`, message: 'this type of file is not accepted' },
      ]);
    }
    if (file.data.length > ATTACHMENT_LIMITS.fileBytes) {
      throw payloadTooLarge(
        `attachment ${i} is over ${ATTACHMENT_LIMITS.fileBytes} bytes`,
        `attachments.${i}`,
      );
    }
    return { name: safeFileName(file.name), contentType: baseContentType(file.contentType), data: file.data };
  });
}

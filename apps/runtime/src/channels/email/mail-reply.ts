import { formatCaseNumber } from '@caseflow/schema';
import type { CaseSession, LiveCase } from '../../executor/case-session';
import { notEligible } from '../../executor/errors';
import { newRowId } from '../../executor/ids';
import { renderMailFrame } from '../../messages/render';
import type { AttachmentRow } from '../../store/channel-store';
import type { MessageRow } from '../../store/store';
import { caseMessageId } from './mail-ids';
import type { MailPayload } from './mail-payload';
import { mailThread } from './mail-thread';

/** Where an agent's e-mail reply goes and the Message-ID it carries. */
export interface MailReplyTarget {
  to: string;
  toName: string;
  headerId: string;
}

/**
 * Where an agent's public e-mail answer on `live` goes: the address the customer last wrote
 * from by e-mail on this case, else their profile's e-mail; 422 when there is none, so no
 * answer is stored that could never leave. The Message-ID names the case and the message.
 */
export async function mailReplyTarget(
  session: CaseSession,
  live: LiveCase,
  messageId: string,
): Promise<MailReplyTarget> {
  const { tx } = session;
  const last = await tx.channels.lastInbound(live.row.id);
  const customer = live.row.customerId ? await tx.customers.get(live.row.customerId) : null;
  const to = (last?.channel === 'email' ? last.address : null) ?? customer?.email ?? null;
  if (!to) {
    throw notEligible('the customer has no e-mail address to answer on', [
      { path: 'channel', message: 'no e-mail address for this customer' },
    ]);
  }
  const domain = session.ctx.mailDomain ?? 'caseflow.localhost';
  return { to, toName: customer?.name ?? '', headerId: caseMessageId(live.row.id, messageId, domain) };
}

/**
 * Queues an agent's public e-mail answer (an outbox row of kind `message`, sent by
 * mail-transport.ts and retried by the outbox policy) in the message's own transaction: the
 * subject and footer in the customer's language, threaded to the case's earlier mail, with
 * the message's files.
 */
export async function queueMailReply(
  session: CaseSession,
  live: LiveCase,
  message: MessageRow,
  attachments: readonly AttachmentRow[],
  target: MailReplyTarget,
): Promise<void> {
  const { tx, now } = session;
  const earlier = (await tx.messages.listByCase(live.row.id)).filter((m) => m.id !== message.id);
  const customer = live.row.customerId ? await tx.customers.get(live.row.customerId) : null;
  const caseNumber = live.row.number === null ? '' : formatCaseNumber(live.row.number);
  const thread = mailThread(earlier);
  const frame = renderMailFrame(customer?.locale, { caseNumber, subject: live.row.subject });
  const payload: MailPayload = {
    channel: 'email',
    messageId: message.id,
    to: target.to,
    toName: target.toName,
    locale: frame.locale,
    headerId: target.headerId,
    inReplyTo: thread.inReplyTo,
    references: thread.references,
    subject: thread.inReplyTo ? `Re: ${frame.subject}` : frame.subject,
    text: message.body,
    footer: frame.footer,
    attachments: attachments.map((a) => ({
      id: a.id,
      name: a.name,
      contentType: a.contentType,
      size: a.size,
    })),
  };
  await tx.outbox.insert({
    id: newRowId('o', now),
    caseId: live.row.id,
    kind: 'message',
    idempotencyKey: `${live.row.id}/message/${message.id}`,
    payload: { ...payload },
    createdAt: now,
    nextAttemptAt: now,
  });
  session.outboxQueued = true;
}

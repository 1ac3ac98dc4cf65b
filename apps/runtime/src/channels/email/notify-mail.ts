import { type EffectOf, formatCaseNumber } from '@caseflow/schema';
import { replyChannel } from '../../chat/chat-conversation';
import type { CaseSession, LiveCase } from '../../executor/case-session';
import type { Recipient } from '../../executor/notify-recipients';
import type { RenderedMessage } from '../../messages/render';
import { renderMailFrame } from '../../messages/render';
import { caseMessageId } from './mail-ids';
import type { MailPayload } from './mail-payload';
import { mailThread } from './mail-thread';

/**
 * The e-mail a notify node sends its case's customer, or null when it sends none: only for
 * `to: "customer"` with an e-mail address, when the node names the `email` channel, or names
 * none and the customer's conversation is by e-mail (the channel they last wrote on, or the
 * case's). Threaded to the case's mail like a reply; the text is the rendered notification
 * in the customer's language (with its article, if any).
 */
export async function notifyMail(
  session: CaseSession,
  live: LiveCase,
  effect: EffectOf<'notify'>,
  recipients: readonly Recipient[],
  messages: readonly RenderedMessage[],
): Promise<MailPayload | null> {
  const customer = recipients.find((r) => r.kind === 'customer');
  if (effect.to !== 'customer' || customer?.kind !== 'customer' || !customer.email) return null;
  const { tx } = session;
  const channel = effect.channel ?? (await replyChannel(tx, live.row.id, live.row.channel));
  if (channel !== 'email') return null;
  const message = messages.find((m) => m.locale === (customer.locale ?? messages[0]?.locale)) ?? messages[0];
  if (!message) return null;
  const caseNumber = live.row.number === null ? '' : formatCaseNumber(live.row.number);
  const frame = renderMailFrame(message.locale, { caseNumber, subject: message.subject });
  const thread = mailThread(await tx.messages.listByCase(live.row.id));
  const last = await tx.channels.lastInbound(live.row.id);
  const domain = session.ctx.mailDomain ?? 'caseflow.localhost';
  return {
    channel: 'email',
    messageId: null,
    to: (last?.channel === 'email' ? last.address : null) ?? customer.email,
    toName: customer.name,
    locale: frame.locale,
    headerId: caseMessageId(live.row.id, `n.${effect.notifyId.replace(/[^A-Za-z0-9._-]/g, '-')}`, domain),
    inReplyTo: thread.inReplyTo,
    references: thread.references,
    subject: frame.subject,
    text: message.body,
    footer: frame.footer,
    attachments: [],
  };
}

import { type EffectOf, formatCaseNumber, type Locale } from '@caseflow/schema';
import { replyChannel } from '../../chat/chat-conversation';
import type { CaseSession, LiveCase } from '../../executor/case-session';
import type { Recipient } from '../../executor/notify-recipients';
import type { RenderedMessage } from '../../messages/render';
import { renderMailFrame, renderSurveyLink } from '../../messages/render';
import { caseMessageId } from './mail-ids';
import type { MailPayload } from './mail-payload';
import { mailThread } from './mail-thread';

/** Who a case mail goes to: the case's customer. */
interface MailCustomer {
  name: string;
  email: string | null;
  locale?: Locale | null;
}

/**
 * The e-mail of `message` to the case's customer, threaded to the case's mail like a reply,
 * or null when it goes by no mail: only when the customer has an address and `channel` is
 * `email`, or names none and their conversation is by e-mail (the channel they last wrote
 * on, or the case's). `idPart` makes our Message-ID one per effect.
 */
async function caseMail(
  session: CaseSession,
  live: LiveCase,
  customer: MailCustomer,
  channel: string | null | undefined,
  idPart: string,
  message: RenderedMessage,
): Promise<MailPayload | null> {
  if (!customer.email) return null;
  const { tx } = session;
  if ((channel ?? (await replyChannel(tx, live.row.id, live.row.channel))) !== 'email') return null;
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
    headerId: caseMessageId(live.row.id, idPart.replace(/[^A-Za-z0-9._-]/g, '-'), domain),
    inReplyTo: thread.inReplyTo,
    references: thread.references,
    subject: frame.subject,
    text: message.body,
    footer: frame.footer,
    attachments: [],
  };
}

/**
 * The e-mail a notify node sends its case's customer (`to: "customer"`), or null when it
 * sends none (caseMail's rules, the node's `channel` first); the text is the rendered
 * notification in the customer's language (with its article, if any).
 */
export async function notifyMail(
  session: CaseSession,
  live: LiveCase,
  effect: EffectOf<'notify'>,
  recipients: readonly Recipient[],
  messages: readonly RenderedMessage[],
): Promise<MailPayload | null> {
  const customer = recipients.find((r) => r.kind === 'customer');
  if (effect.to !== 'customer' || customer?.kind !== 'customer') return null;
  const message = messages.find((m) => m.locale === (customer.locale ?? messages[0]?.locale)) ?? messages[0];
  if (!message) return null;
  return caseMail(session, live, customer, effect.channel, `n.${effect.notifyId}`, message);
}

/**
 * The e-mail inviting the case's customer to a survey (`to: "customer"`), or null when their
 * conversation is not by e-mail (caseMail's rules): the invitation in their language, then the
 * survey's page, answered without signing in (its token is the link's credential).
 */
export async function surveyMail(
  session: CaseSession,
  live: LiveCase,
  effect: EffectOf<'survey.send'>,
  customer: MailCustomer | null,
  invitation: RenderedMessage,
  token: string,
): Promise<MailPayload | null> {
  if (effect.to !== 'customer' || !customer) return null;
  const link = `${session.ctx.publicUrl ?? ''}/survey/${encodeURIComponent(token)}`;
  const body = `${invitation.body}\n\n${renderSurveyLink(invitation.locale, link)}`;
  return caseMail(session, live, customer, undefined, `s.${effect.surveyId}`, { ...invitation, body });
}

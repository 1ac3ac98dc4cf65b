import { MessagingChannel } from '@caseflow/schema';
import type { CaseSession } from '../executor/case-session';
import { notEligible } from '../executor/errors';
import { newRowId } from '../executor/ids';
import type { MessageRow } from '../store/store';
import type { ChannelReplyPayload } from './messaging-transport';
import { e164 } from './phone-number';

/**
 * Queues an agent's public answer on WhatsApp or SMS for the provider (an outbox row of kind
 * `message`, sent by messaging-transport.ts and retried by the outbox policy), in the
 * message's own transaction. The number is the one the customer last wrote from on that
 * channel, else their profile's phone; 422 when there is none, so no answer is stored that
 * could never leave. Other channels, notes and customers' own messages queue nothing.
 */
export async function queueChannelReply(session: CaseSession, message: MessageRow): Promise<void> {
  if (message.from !== 'agent' || message.visibility !== 'public') return;
  const channel = MessagingChannel.safeParse(message.channel);
  if (!channel.success) return;
  const { tx, now } = session;
  const last = await tx.channels.lastInbound(message.caseId);
  const customer = message.customerId ? await tx.customers.get(message.customerId) : null;
  const to = e164((last?.channel === channel.data ? last.address : null) ?? customer?.phone ?? '');
  if (!to) {
    throw notEligible(`the customer has no phone number to answer on ${channel.data}`, [
      { path: 'channel', message: 'no phone number for this channel' },
    ]);
  }
  const payload: ChannelReplyPayload = {
    channel: channel.data,
    messageId: message.id,
    to,
    body: message.body,
  };
  await tx.outbox.insert({
    id: newRowId('o', now),
    caseId: message.caseId,
    kind: 'message',
    idempotencyKey: `${message.caseId}/message/${message.id}`,
    payload: { ...payload },
    createdAt: now,
    nextAttemptAt: now,
  });
  session.outboxQueued = true;
}

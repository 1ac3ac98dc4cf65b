import { MessagingChannel } from '@caseflow/schema';
import type { CallTargetResolver } from '../connections/call-target';
import type { DeliveryResult, Transport } from '../outbox/transport';
import { describeFetchError, isRetryableStatus } from '../outbox/webhook-transport';
import type { OutboxRow, Store } from '../store/store';
import { twilioMessageRequest } from './sms/twilio-send';
import { whatsappTextRequest } from './whatsapp/whatsapp-send';

/** The payload of an outbox row that carries an agent's reply to a WhatsApp or SMS customer. */
export interface ChannelReplyPayload {
  channel: MessagingChannel;
  messageId: string;
  /** E.164. */
  to: string;
  body: string;
}

/** Whether an outbox row is a WhatsApp or SMS reply this transport sends. */
export function isChannelReply(row: Pick<OutboxRow, 'kind' | 'payload'>): boolean {
  return row.kind === 'message' && MessagingChannel.safeParse(row.payload.channel).success;
}

/**
 * Sends WhatsApp and SMS replies (outbox rows of kind `message`) to the provider's API through
 * the channel account's connection, so the base URL and the token are the connection's
 * write-only credentials, resolved at delivery like an http action's (no redirects followed);
 * every other row goes to `next`. The row's idempotency key goes out as `Idempotency-Key`.
 * 2xx delivered; 408/425/429/5xx and network errors retried by the outbox policy; other
 * statuses and a missing account are final. Never throws.
 */
export function messagingTransport(
  next: Transport,
  deps: { store: Store; resolveTarget: CallTargetResolver; timeoutMs?: number },
): Transport {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  async function send(row: OutboxRow): Promise<DeliveryResult> {
    const reply = row.payload as unknown as ChannelReplyPayload;
    const account = await deps.store.messaging.getAccount(reply.channel);
    if (!account) return { ok: false, error: `no ${reply.channel} account is configured`, retryable: false };
    const request =
      reply.channel === 'whatsapp'
        ? whatsappTextRequest(account.sender, reply.to, reply.body)
        : twilioMessageRequest(account.sender, reply.to, reply.body);
    const target = await deps.resolveTarget(account.connection, request.path);
    if (!target.ok) return { ok: false, error: target.error, retryable: false };
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          ...target.headers,
          'content-type': request.contentType,
          'idempotency-key': row.idempotencyKey,
        },
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, status: response.status };
      return {
        ok: false,
        status: response.status,
        error: `${reply.channel} API answered ${response.status}`,
        retryable: isRetryableStatus(response.status),
      };
    } catch (error) {
      return { ok: false, error: describeFetchError(error), retryable: true };
    }
  }
  return {
    name: `${next.name}+messaging`,
    deliver: (row) => (isChannelReply(row) ? send(row) : next.deliver(row)),
  };
}

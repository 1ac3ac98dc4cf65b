import type { OutboxRow } from '../store/store';
import { SIGNATURE_HEADER, signBody } from './signature';
import { type DeliveryResult, deliveryDocument, type Transport } from './transport';

export interface WebhookOptions {
  url: string;
  /** HMAC key (CASEFLOW_WEBHOOK_SECRET; never the token key). */
  secret: string;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
}

/**
 * POSTs each outbox row as JSON to one URL, signed with `X-Caseflow-Signature: sha256=<hmac>`
 * over the exact body and carrying `Idempotency-Key`. 2xx = delivered; 408, 429 and 5xx or a
 * network error/timeout = retry later; any other status = not retryable.
 */
export function webhookTransport(options: WebhookOptions): Transport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    name: 'webhook',
    async deliver(row: OutboxRow): Promise<DeliveryResult> {
      const body = JSON.stringify(deliveryDocument(row));
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': row.idempotencyKey,
            [SIGNATURE_HEADER]: signBody(body, options.secret),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        // Drain the body so the connection can be reused.
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return { ok: true, status: response.status };
        return {
          ok: false,
          status: response.status,
          error: `webhook answered ${response.status}`,
          retryable: isRetryableStatus(response.status),
        };
      } catch (error) {
        return { ok: false, error: describeFetchError(error), retryable: true };
      }
    },
  };
}

/** 408, 425, 429 and every 5xx are worth another attempt; other 4xx are final. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}

/** A short reason for a failed fetch, without URLs (they may carry credentials). */
export function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out';
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ? `network error ${cause.code}` : `network error: ${error.message}`;
  }
  return 'network error';
}

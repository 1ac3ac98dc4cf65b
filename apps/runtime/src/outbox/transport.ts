import type { OutboxRow } from '../store/store';

/** What a transport reports for one delivery attempt. */
export type DeliveryResult =
  | { ok: true; status?: number }
  | {
      ok: false;
      error: string;
      status?: number;
      /** False when trying again cannot help (e.g. 400 from the receiver). */
      retryable: boolean;
    };

/**
 * Delivers notify and survey rows of the outbox somewhere (a log, a webhook, SMTP…).
 * Called at least once per row: receivers deduplicate on `row.idempotencyKey`. Never throws:
 * failures come back as `{ ok: false }`.
 */
export interface Transport {
  readonly name: string;
  deliver(row: OutboxRow): Promise<DeliveryResult>;
}

/** The JSON document a transport sends for one outbox row (stable field names); `attempt` counts from 1. */
export function deliveryDocument(row: OutboxRow): Record<string, unknown> {
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.caseId,
    idempotencyKey: row.idempotencyKey,
    attempt: Math.max(1, row.attempts),
    payload: row.payload,
  };
}

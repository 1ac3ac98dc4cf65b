import type { Logger } from '../executor/types';
import type { OutboxRow } from '../store/store';
import type { DeliveryResult, Transport } from './transport';

/**
 * The default transport: writes each message as one structured log line instead of sending it.
 * Always succeeds. Survey tokens are left out of the line (they grant answering the survey);
 * agents see them on the case.
 */
export function logTransport(logger: Logger): Transport {
  return {
    name: 'log',
    async deliver(row: OutboxRow): Promise<DeliveryResult> {
      const { token: _token, ...payload } = row.payload;
      logger.info(
        { outbox: row.id, kind: row.kind, caseId: row.caseId, idempotencyKey: row.idempotencyKey, payload },
        `outbox ${row.kind} delivered to log`,
      );
      return { ok: true };
    },
  };
}

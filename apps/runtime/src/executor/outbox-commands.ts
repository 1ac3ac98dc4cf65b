import type { OutboxDispatcher } from '../outbox/outbox-dispatcher';
import type { OutboxRow } from '../store/store';
import { conflict, forbidden, notFound } from './errors';
import type { RuntimeCore } from './runtime-core';

/** What a retry needs besides the core: the dispatcher and its crash handler. */
export interface OutboxRetryDeps {
  dispatcher: OutboxDispatcher;
  onOutboxCrash: (row: Parameters<OutboxDispatcher['attempt']>[0], error: unknown) => Promise<boolean>;
}

/**
 * Tries a dead (or failed) outbox message once more, now (admin; the actor is read again from
 * the store, so a user demoted or deactivated meanwhile is refused). The row is taken back with
 * a lease, so a dispatcher loop cannot deliver it at the same time, and settles as any attempt
 * does: delivered, failed with a next attempt, or dead again. 404 unknown; 409 when the row is
 * pending or delivered. Answers the row as it stands after the attempt.
 */
export async function retryOutbox(
  core: RuntimeCore,
  deps: OutboxRetryDeps,
  id: string,
  actor: string,
): Promise<OutboxRow> {
  if (!(await core.store.users.activeAdmins()).includes(actor)) {
    throw forbidden('retrying an outbox message requires role admin');
  }
  const current = await core.store.outbox.get(id);
  if (!current) throw notFound('outbox message', id);
  const row = await core.store.outbox.reclaim(id, core.clock.now(), deps.dispatcher.leaseMs);
  if (!row) {
    throw conflict(`outbox message ${id} is ${current.status}: only failed or dead messages are retried`, [
      { path: 'status', message: current.status },
    ]);
  }
  try {
    await deps.dispatcher.attempt(row);
  } catch (error) {
    // A crash (not a failed delivery) parks the row dead with an incident, as the loop does.
    if (!(await deps.onOutboxCrash(row, error))) throw error;
  }
  return (await core.store.outbox.get(id)) ?? current;
}

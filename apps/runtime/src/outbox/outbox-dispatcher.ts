import type { EffectOf } from '@caseflow/schema';
import type { CallTargetResolver } from '../connections/call-target';
import type { Logger } from '../executor/types';
import type { ClaimedOutbox, Store } from '../store/store';
import { backoffDelay } from './backoff';
import { describeCall, type HttpCallResult, performHttpCall } from './http-call';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import type { Transport } from './transport';

/**
 * Settles an HTTP action: feeds `http.result` into the row's case and, in the SAME transaction,
 * calls `markRow(tx)` (delivered or dead). It must throw (rolling back) when `markRow` answers
 * false, i.e. the lease was lost and another dispatcher owns the row now.
 */
export type HttpSettler = (
  row: ClaimedOutbox,
  result: HttpCallResult,
  markRow: (tx: Store) => Promise<boolean>,
) => Promise<void>;

export interface OutboxDispatcherOptions {
  store: Store;
  transport: Transport;
  logger: Logger;
  now: () => number;
  settleHttp: HttpSettler;
  /** Attempts of a notify/survey row before it is `dead` (DEFAULT_RETRY_POLICY). HTTP rows use retries + 1. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt (DEFAULT_RETRY_POLICY). */
  backoffMs?: number;
  /** Longest delay between two attempts (DEFAULT_RETRY_POLICY). */
  backoffCapMs?: number;
  /** Timeout of one HTTP action (default 10 s). */
  timeoutMs?: number;
  /** Rows claimed per round (default 20). */
  batchSize?: number;
  /**
   * Answers true when an HTTP action is no longer wanted (its case closed before the call was
   * made): the row then goes `dead` without calling out.
   */
  isObsolete?: (row: ClaimedOutbox) => Promise<boolean>;
  /**
   * Called when processing a row throws (a bug, not a failed delivery): opens an incident and
   * parks the row, so that a poison message is not retried every lease. Without it the row
   * keeps its lease and comes back when it expires, as it does when this answers false.
   */
  onCrash?: (row: ClaimedOutbox, error: unknown) => Promise<boolean>;
  /** Resolves http actions that name a connection (base URL, hosts, credentials) at delivery. */
  resolveTarget?: CallTargetResolver;
}

export interface OutboxDispatcher {
  /**
   * Claims the rows due at `now` (lease), attempts each once and records the result: delivered,
   * failed with the next attempt after an exponential backoff, or dead after the last attempt.
   * Answers how many rows were attempted. Rows whose processing crashed keep their lease and
   * come back when it expires (at-least-once).
   */
  dispatch(now?: number): Promise<number>;
  /** Processes one claimed row as dispatch does, but lets a crash propagate (incident retry). */
  attempt(row: ClaimedOutbox): Promise<void>;
  /** How long a claim lasts (what a retry's reclaim should use). */
  readonly leaseMs: number;
  /** Earliest time a pending or failed row becomes due, or null. */
  nextDueAt(): Promise<number | null>;
}

/** Builds the outbox dispatcher (no loop: the scheduler's loop calls `dispatch`). */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { store, transport, logger } = options;
  const maxAttempts = options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts;
  const baseMs = options.backoffMs ?? DEFAULT_RETRY_POLICY.backoffMs;
  const capMs = options.backoffCapMs ?? DEFAULT_RETRY_POLICY.backoffCapMs;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batchSize = options.batchSize ?? 20;
  // A claim must outlive the slowest attempt, or a second dispatcher could take the row over.
  const leaseMs = timeoutMs * 3 + 5_000;

  // A claim counts as an attempt (the store adds 1 to `attempts` when it claims), so a claimed
  // row's `attempts` is the number of the attempt being made now.
  const attemptOf = (row: ClaimedOutbox) => Math.max(1, row.attempts);
  const retryAt = (row: ClaimedOutbox, at: number) =>
    at + backoffDelay(attemptOf(row), { baseMs, capMs, jitter: 0.1 });

  async function deliverMessage(row: ClaimedOutbox): Promise<void> {
    const result = await transport.deliver(row);
    const at = options.now();
    if (result.ok) {
      await store.outbox.markDelivered(row.id, row.claim, at);
      return;
    }
    const last = attemptOf(row) >= maxAttempts || !result.retryable;
    if (last) {
      await store.outbox.markDead(row.id, row.claim, result.error);
      logger.warn(
        { outbox: row.id, kind: row.kind, attempts: attemptOf(row), error: result.error },
        'outbox row dead',
      );
    } else {
      await store.outbox.markFailed(row.id, row.claim, result.error, retryAt(row, at));
      logger.info(
        { outbox: row.id, kind: row.kind, attempts: attemptOf(row), error: result.error },
        'outbox retry',
      );
    }
  }

  async function performAction(row: ClaimedOutbox): Promise<void> {
    const call = row.payload as unknown as EffectOf<'http.call'>;
    if (await options.isObsolete?.(row)) {
      await store.outbox.markDead(row.id, row.claim, 'not called: the case closed first');
      return;
    }
    const attempts = Math.max(1, (call.retries ?? 0) + 1);
    const result = await performHttpCall(call, {
      idempotencyKey: row.idempotencyKey,
      timeoutMs,
      resolveTarget: options.resolveTarget,
    });
    const at = options.now();
    logger.info(
      {
        outbox: row.id,
        caseId: row.caseId,
        call: describeCall(call),
        status: result.status,
        ok: result.ok,
        ...(result.ok ? {} : { error: result.error }),
      },
      'http action attempted',
    );
    if (!result.ok && result.retryable && attemptOf(row) < attempts) {
      await store.outbox.markFailed(row.id, row.claim, result.error ?? 'failed', retryAt(row, at));
      return;
    }
    await options.settleHttp(row, result, (tx) =>
      result.ok
        ? tx.outbox.markDelivered(row.id, row.claim, at)
        : tx.outbox.markDead(row.id, row.claim, result.error ?? 'failed'),
    );
  }

  const attempt = (row: ClaimedOutbox) => (row.kind === 'http' ? performAction(row) : deliverMessage(row));

  async function crashed(row: ClaimedOutbox, error: unknown): Promise<void> {
    // The case could not take an HTTP result in: the settle opened the incident already.
    if ((error as { code?: unknown } | null)?.code === 'incident') {
      logger.warn({ outbox: row.id, kind: row.kind, err: (error as Error).message }, 'outbox row: incident');
      return;
    }
    if (options.onCrash) {
      try {
        if (await options.onCrash(row, error)) return;
      } catch (recordError) {
        logger.error({ outbox: row.id, err: recordError }, 'outbox crash could not be recorded');
      }
    }
    logger.error(
      { outbox: row.id, kind: row.kind, err: error },
      'outbox row crashed; retried after its lease',
    );
  }

  return {
    async dispatch(now = options.now()) {
      const rows = await store.outbox.claimDue(now, batchSize, leaseMs);
      await Promise.all(
        rows.map(async (row) => {
          try {
            await attempt(row);
          } catch (error) {
            await crashed(row, error);
          }
        }),
      );
      return rows.length;
    },
    attempt,
    leaseMs,
    nextDueAt: () => store.outbox.nextDueAt(),
  };
}

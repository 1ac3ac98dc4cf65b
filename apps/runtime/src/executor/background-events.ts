import type { HttpSettler } from '../outbox/outbox-dispatcher';
import { isRoutingTimer } from '../routing/router';
import type { TimerHandler } from '../scheduler/timer-firer';
import type { CaseSession } from './case-session';
import { ClaimLost } from './claim-lost';
import type { EventOptions } from './event-transaction';
import { type HttpResultSource, type TimerSource, timerSource } from './incident-source';
import type { RuntimeCore } from './runtime-core';

/**
 * Fires a due timer: deletes the timer row (proving the claim) and steps `timer.fire` into its
 * case in the same transaction. A timer of a vanished or closed case, or one the engine no
 * longer waits for, just disappears. A fire that fails for a reason the flow does not model
 * opens an incident and parks the timer: its row is deleted with the incident, so neither this
 * process nor a restart fires it again until an admin retries the incident.
 */
export function timerHandler(core: RuntimeCore): TimerHandler {
  return (timer, complete) =>
    core.events.run(
      async (session) => {
        if (!(await complete(session.tx))) throw new ClaimLost(`timer ${timer.id}`);
        await fireTimer(session, timer.caseId, timer.timerId);
      },
      {
        caseId: timer.caseId,
        source: timerSource(timer),
        origin: 'timer',
        park: async (tx) => {
          await complete(tx);
        },
      },
    );
}

/** Re-fires a parked timer (incident retry); a case that moved on meanwhile ignores it. */
export function retryTimer(core: RuntimeCore, source: TimerSource, resolves: EventOptions['resolves']) {
  return core.events.run((session) => fireTimer(session, source.timer.caseId, source.timer.timerId), {
    caseId: source.timer.caseId,
    source,
    origin: 'timer',
    resolves,
  });
}

async function fireTimer(session: CaseSession, caseId: string, timerId: string): Promise<void> {
  const live = await session.load(caseId);
  if (live?.row.status !== 'open') return;
  if (isRoutingTimer(timerId)) {
    await session.ctx.router?.fireTimer(session, caseId, timerId);
    return;
  }
  session.enqueue(caseId, { type: 'timer.fire', timerId }, 'timer', true);
  await session.drain();
}

/**
 * Settles an HTTP action: marks the outbox row (delivered or dead) and steps `http.result`
 * into its case in the same transaction, so the flow moves on (or takes its `on: "error"`
 * edge when ok=false) exactly when the row is settled. When the case cannot take the result
 * in (an expression over its budget, a bug), the row is still settled, in the incident's
 * transaction: the call was made; the incident re-feeds its result on retry.
 */
export function httpSettler(core: RuntimeCore): HttpSettler {
  return (row, result, markRow) => {
    const source: HttpResultSource | undefined = row.caseId
      ? {
          type: 'http.result',
          key: `http.result:${row.id}`,
          outboxId: row.id,
          caseId: row.caseId,
          callId: String(row.payload.callId ?? ''),
          nodeId: typeof row.payload.nodeId === 'string' ? row.payload.nodeId : null,
          attempts: row.attempts,
          result,
        }
      : undefined;
    return core.events.run(
      async (session) => {
        if (!(await markRow(session.tx))) throw new ClaimLost(`outbox row ${row.id}`);
        if (source) await feedHttpResult(session, source);
      },
      {
        ...(source ? { source } : {}),
        origin: 'delivery',
        park: async (tx) => {
          await markRow(tx);
        },
      },
    );
  };
}

/** Re-feeds the result of an HTTP action to its case (incident retry); the row is settled already. */
export function retryHttpResult(
  core: RuntimeCore,
  source: HttpResultSource,
  resolves: EventOptions['resolves'],
) {
  return core.events.run((session) => feedHttpResult(session, source), {
    source,
    origin: 'delivery',
    resolves,
  });
}

async function feedHttpResult(session: CaseSession, source: HttpResultSource): Promise<void> {
  const { caseId, callId, nodeId, result } = source;
  const live = await session.load(caseId);
  if (!live) return;
  session.record(live, {
    type: 'http.called',
    actor: 'system',
    nodeId,
    data: {
      callId,
      ok: result.ok,
      ...(result.status === undefined ? {} : { status: result.status }),
      ...(result.error === undefined ? {} : { error: result.error }),
      attempts: source.attempts,
    },
  });
  if (live.row.status !== 'open') return;
  session.enqueue(
    caseId,
    {
      type: 'http.result',
      callId,
      ok: result.ok,
      ...(result.status === undefined ? {} : { status: result.status }),
      ...(result.result === undefined ? {} : { result: result.result }),
      ...(result.error === undefined ? {} : { error: result.error }),
    },
    'system',
    true,
  );
  await session.drain();
}

import type { HttpSettler } from '../outbox/outbox-dispatcher';
import type { TimerHandler } from '../scheduler/timer-firer';
import type { RuntimeCore } from './runtime-core';

/** Thrown inside a transaction whose lease was lost: rolls it back, the owner does the work. */
class ClaimLost extends Error {
  constructor(what: string) {
    super(`claim on ${what} was lost`);
    this.name = 'ClaimLost';
  }
}

/**
 * Fires a due timer: deletes the timer row (proving the claim) and steps `timer.fire` into its
 * case in the same transaction. A timer of a vanished or closed case, or one the engine no
 * longer waits for, just disappears.
 */
export function timerHandler(core: RuntimeCore): TimerHandler {
  return (timer, complete) =>
    core.events.run(async (session) => {
      if (!(await complete(session.tx))) throw new ClaimLost(`timer ${timer.id}`);
      const live = await session.load(timer.caseId);
      if (live?.row.status !== 'open') return;
      session.enqueue(timer.caseId, { type: 'timer.fire', timerId: timer.timerId }, 'timer', true);
      await session.drain();
    });
}

/**
 * Settles an HTTP action: marks the outbox row (delivered or dead) and steps `http.result`
 * into its case in the same transaction, so the flow moves on (or takes its `on: "error"`
 * edge when ok=false) exactly when the row is settled.
 */
export function httpSettler(core: RuntimeCore): HttpSettler {
  return (row, result, markRow) =>
    core.events.run(async (session) => {
      if (!(await markRow(session.tx))) throw new ClaimLost(`outbox row ${row.id}`);
      if (!row.caseId) return;
      const live = await session.load(row.caseId);
      if (!live) return;
      const callId = String(row.payload.callId ?? '');
      const nodeId = typeof row.payload.nodeId === 'string' ? row.payload.nodeId : null;
      session.record(live, {
        type: 'http.called',
        actor: 'system',
        nodeId,
        data: {
          callId,
          ok: result.ok,
          ...(result.status === undefined ? {} : { status: result.status }),
          ...(result.error === undefined ? {} : { error: result.error }),
          attempts: row.attempts,
        },
      });
      if (live.row.status !== 'open') return;
      session.enqueue(
        row.caseId,
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
    });
}

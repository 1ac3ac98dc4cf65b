import type { Clock } from '../clock';
import type { IncidentRow, Store } from '../store/store';
import type { CaseSession } from './case-session';
import { AppError } from './errors';
import { newRowId } from './ids';
import { caseOfSource, currentCommand, type IncidentSource, type Origin } from './incident-source';
import type { Logger } from './types';
import { unmodelledFailure } from './unmodelled-failure';

/** What a failed event knows about itself when it may open an incident. */
export interface FailedEvent {
  /** What to re-run; default: the facade command in context, else an `unknown` source. */
  source?: IncidentSource | undefined;
  origin?: Origin | undefined;
  /** The case being stepped when it failed (CaseSession.stepping). */
  stepping?: CaseSession['stepping'];
  /** Runs in the incident's transaction (park the timer or outbox row). */
  park?: ((tx: Store, incident: IncidentRow) => Promise<void>) | undefined;
}

/**
 * Opens (or bumps) the incident for `error` in a transaction of its own, parking what failed in
 * it, and answers the 422 `incident` AppError to throw instead; null when the error is part
 * of the API (unmodelledFailure) and should propagate as it is. The failed event's own
 * transaction must have rolled back already.
 */
export async function openIncident(
  deps: { store: Store; clock: Clock; logger: Logger },
  error: unknown,
  failed: FailedEvent,
): Promise<AppError | null> {
  const failure = unmodelledFailure(error, failed.origin ?? 'command');
  if (!failure) return null;
  const source: IncidentSource = failed.source ??
    currentCommand() ?? { type: 'unknown', key: `unknown:${failure.message}` };
  // A case being opened does not exist once its transaction rolled back: no case then.
  const known = failed.stepping && !failed.stepping.opening ? failed.stepping : null;
  const caseId = known?.caseId ?? caseOfSource(source);
  const nodeId = failure.nodeId ?? known?.nodeIds[0] ?? null;
  const now = deps.clock.now();
  const incident = await deps.store.transaction(async (tx) => {
    const row = await tx.incidents.record({
      id: newRowId('inc', now),
      caseId,
      nodeId,
      kind: failure.kind,
      message: failure.message,
      source,
      at: now,
    });
    await failed.park?.(tx, row);
    return row;
  });
  deps.logger.warn(
    { incident: incident.id, kind: incident.kind, caseId, nodeId, attempts: incident.attempts, err: error },
    'failed for a reason the flow does not model: incident opened',
  );
  return incidentError(incident);
}

/** The 422 answer naming an incident. */
export function incidentError(incident: IncidentRow): AppError {
  return new AppError(
    'incident',
    422,
    `${incident.message} (incident ${incident.id}; the case stays where it was)`,
    { incidentId: incident.id, kind: incident.kind, nodeId: incident.nodeId, caseId: incident.caseId },
  );
}

/** True for the 422 that openIncident answers (the incident is recorded already). */
export function isIncidentError(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'incident';
}

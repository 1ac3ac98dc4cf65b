import { INCIDENT_NOTE_MAX, type Role } from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import type { OutboxDispatcher } from '../outbox/outbox-dispatcher';
import type { IncidentQuery, IncidentRow, Page, UserRow } from '../store/store';
import { retryHttpResult, retryTimer } from './background-events';
import { badRequest, conflict, forbidden, notFound } from './errors';
import { incidentError } from './incident-recorder';
import {
  type IncidentSource,
  RETRYABLE_COMMANDS,
  type RetryableCommand,
  resolvingIncident,
} from './incident-source';
import type { RuntimeCore } from './runtime-core';
import type { Runtime } from './types';

/** Who asks: enough of a user to check the role ladder and name them. */
export type IncidentActor = Pick<UserRow, 'username' | 'roles'>;

/** Longest note on a resolved incident. */
export const MAX_NOTE = INCIDENT_NOTE_MAX;

/** What a retry needs besides the core: the facade (commands) and the outbox. */
export interface RetryDeps {
  runtime: Runtime;
  dispatcher: OutboxDispatcher;
  /** The dispatcher's crash handler: opens (bumps) the incident and parks the row again. */
  onOutboxCrash: (row: Parameters<OutboxDispatcher['attempt']>[0], error: unknown) => Promise<boolean>;
}

function require(actor: IncidentActor, role: Role, what: string): void {
  if (!hasRole(actor, role)) throw forbidden(`${what} requires role ${role}`);
}

/** Incidents newest first, filtered by status and case (owner+). */
export async function listIncidents(
  core: RuntimeCore,
  query: IncidentQuery,
  actor: IncidentActor,
): Promise<Page<IncidentRow>> {
  require(actor, 'owner', 'listing incidents');
  return core.store.incidents.list(query);
}

/** The open incidents of a case (staff reads of the case resource). */
export async function openIncidentsOf(core: RuntimeCore, caseId: string): Promise<IncidentRow[]> {
  return core.store.incidents.openByCase(caseId);
}

/**
 * Re-runs what an open incident failed on (admin): the command with its arguments and actor,
 * the parked timer, the HTTP result the case could not take in, or the outbox row. Success
 * resolves the incident (in the same transaction as the re-run, where there is one) and
 * answers it; another unmodelled failure adds an attempt and is answered as the 422 incident
 * error; a modelled refusal (the task was completed meanwhile…) is answered as it is, and the
 * incident stays open for an admin to resolve with a note.
 */
export async function retryIncident(
  core: RuntimeCore,
  deps: RetryDeps,
  id: string,
  actor: IncidentActor,
): Promise<IncidentRow> {
  require(actor, 'admin', 'retrying an incident');
  const incident = await core.store.incidents.get(id);
  if (!incident) throw notFound('incident', id);
  if (incident.status !== 'open') throw conflict(`incident ${id} is resolved already`);
  const resolves = { incidentId: id, by: actor.username };
  const source = incident.source as IncidentSource;
  switch (source.type) {
    case 'command': {
      if (!(RETRYABLE_COMMANDS as readonly string[]).includes(source.command)) {
        throw conflict(`incident ${id} names an unknown command; resolve it with a note`);
      }
      const command = deps.runtime[source.command as RetryableCommand] as (
        ...args: unknown[]
      ) => Promise<unknown>;
      await resolvingIncident(id, actor.username, () => command(...source.args));
      break;
    }
    case 'timer':
      await retryTimer(core, source, resolves);
      break;
    case 'http.result':
      await retryHttpResult(core, source, resolves);
      break;
    case 'outbox': {
      const row = await core.store.outbox.reclaim(source.outboxId, core.clock.now(), deps.dispatcher.leaseMs);
      if (!row) throw conflict(`outbox row ${source.outboxId} is not parked any more; resolve the incident`);
      try {
        await deps.dispatcher.attempt(row);
      } catch (error) {
        if (!(await deps.onOutboxCrash(row, error))) throw error;
        const again = await core.store.incidents.get(id);
        throw incidentError(again ?? incident);
      }
      await core.store.incidents.resolve(id, actor.username, 'retried', core.clock.now());
      break;
    }
    default:
      throw conflict(`incident ${id} names nothing to re-run; resolve it with a note`);
  }
  return (await core.store.incidents.get(id)) ?? incident;
}

/** Closes an open incident without re-running it (admin); the note says why. */
export async function resolveIncident(
  core: RuntimeCore,
  id: string,
  note: string,
  actor: IncidentActor,
): Promise<IncidentRow> {
  require(actor, 'admin', 'resolving an incident');
  const text = note.trim();
  if (text.length === 0 || text.length > MAX_NOTE) {
    throw badRequest(`a note of 1 to ${MAX_NOTE} characters is required`, [
      { path: 'note', message: `1 to ${MAX_NOTE} characters` },
    ]);
  }
  const resolved = await core.store.incidents.resolve(id, actor.username, text, core.clock.now());
  if (resolved) return resolved;
  if (!(await core.store.incidents.get(id))) throw notFound('incident', id);
  throw conflict(`incident ${id} is resolved already`);
}

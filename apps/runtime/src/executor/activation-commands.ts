import type { ActivationRequestCreate } from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import type { ActivationRequestRow } from '../store/activation-store';
import { type Store, StoreConflict } from '../store/store';
import { actingUser } from './acting-user';
import { badRequest, conflict, forbidden, notFound } from './errors';
import { newRowId } from './ids';
import type { RuntimeCore } from './runtime-core';
import type { Actor } from './types';

/*
 * Publish → activate made explicit: process owners (and admins) ask for a published version to
 * go live; only admins activate (flow-commands.ts `activate`, which settles the request) or
 * reject. Each rule is checked here, inside the transaction that writes.
 */

/** The flow's requests and decisions, newest first: its activation history. */
const HISTORY_LIMIT = 200;
/** Pending requests of every flow shown to admins at once. */
const PENDING_LIMIT = 200;

async function lockFlow(tx: Store, key: string) {
  const flow = await tx.flows.lock(key);
  if (!flow) throw notFound('flow', key);
  return flow;
}

/**
 * Records an owner's request that `version` go live, with their note: owners and admins only,
 * a published version that is not live, at most one pending request per version (409).
 */
export async function requestActivation(
  core: RuntimeCore,
  key: string,
  input: ActivationRequestCreate,
  actor: Actor,
): Promise<ActivationRequestRow> {
  return core.store.transaction(async (tx) => {
    if (!hasRole(await actingUser(tx, actor), 'owner')) {
      throw forbidden('only process owners and admins request the activation of a version');
    }
    const flow = await lockFlow(tx, key);
    if (!(await tx.flowVersions.get(key, input.version))) {
      throw badRequest(`flow ${key} has no version ${input.version}`, [
        { path: 'version', message: 'publish the draft first: no such version' },
      ]);
    }
    if (flow.activeVersion === input.version) {
      throw conflict(`version ${input.version} of ${key} is live already`);
    }
    const pending = (await tx.activations.list(key, HISTORY_LIMIT)).find(
      (r) => r.status === 'pending' && r.version === input.version,
    );
    if (pending) {
      throw conflict(`version ${input.version} of ${key} has a pending activation request`, {
        requestId: pending.id,
      });
    }
    const now = core.clock.now();
    try {
      return await tx.activations.create({
        id: newRowId('ar', now),
        flow: key,
        version: input.version,
        status: 'pending',
        note: input.note,
        requestedBy: actor,
        requestedAt: now,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
    } catch (error) {
      if (error instanceof StoreConflict) throw conflict(error.message);
      throw error;
    }
  });
}

/** Rejects a pending request with the admin's note (admins only; 409 once it is settled). */
export async function rejectActivation(
  core: RuntimeCore,
  key: string,
  id: string,
  note: string,
  actor: Actor,
): Promise<ActivationRequestRow> {
  return core.store.transaction(async (tx) => {
    if (!hasRole(await actingUser(tx, actor), 'admin')) {
      throw forbidden('only admins reject activation requests');
    }
    await lockFlow(tx, key);
    const row = await tx.activations.get(id);
    if (!row || row.flow !== key) throw notFound('activation request', id);
    const [settled] = await tx.activations.decide(
      { id },
      { status: 'rejected', decidedBy: actor, decidedAt: core.clock.now(), decisionNote: note },
    );
    if (!settled) throw conflict(`the activation request ${id} was ${row.status} already`);
    return settled;
  });
}

/**
 * Inside `activate`'s transaction: settles the pending requests of the version with the admin's
 * note, or, when nobody asked, records the activation itself so that every change of the live
 * version has who, when and why.
 */
export async function recordActivation(
  tx: Store,
  key: string,
  version: number,
  note: string,
  actor: Actor,
  now: number,
): Promise<void> {
  const decision = { status: 'activated' as const, decidedBy: actor, decidedAt: now, decisionNote: note };
  const settled = await tx.activations.decide({ flow: key, version }, decision);
  if (settled.length > 0) return;
  await tx.activations.create({
    id: newRowId('ar', now),
    flow: key,
    version,
    note,
    requestedBy: actor,
    requestedAt: now,
    ...decision,
  });
}

/** The activation history of a flow (owners and admins), newest first. */
export async function listActivationRequests(
  core: RuntimeCore,
  key: string,
  actor: Actor,
): Promise<ActivationRequestRow[]> {
  if (!hasRole(await actingUser(core.store, actor), 'owner')) throw forbidden('only owners and admins');
  if (!(await core.store.flows.get(key))) throw notFound('flow', key);
  return core.store.activations.list(key, HISTORY_LIMIT);
}

/** Pending requests of every flow, oldest first: the admins' work. */
export async function pendingActivations(core: RuntimeCore, actor: Actor): Promise<ActivationRequestRow[]> {
  if (!hasRole(await actingUser(core.store, actor), 'admin')) throw forbidden('only admins');
  return core.store.activations.pending(PENDING_LIMIT);
}

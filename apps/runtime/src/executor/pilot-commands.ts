import { randomBytes } from 'node:crypto';
import type { PilotCreate } from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import type { PilotRow, Store } from '../store/store';
import { actingUser } from './acting-user';
import { recordActivation } from './activation-commands';
import { assertChannelsFree } from './channel-binding';
import { badRequest, conflict, forbidden, notFound } from './errors';
import { assertSegments } from './profile-condition';
import type { RuntimeCore } from './runtime-core';
import type { Actor } from './types';

/*
 * The pilot life cycle (DESIGN §6) as commands. Each runs in one transaction that first locks
 * the flow's row (store `flows.lock`), so that two starts, or a promote racing a stop, run one
 * after the other and each sees what the other committed: the check and the act cannot be split
 * by a concurrent writer. Invariants: at most one running (`active`) pilot per flow; a pilot's
 * version exists and is not the active one when it starts; only a running pilot is promoted;
 * stopping a stopped pilot changes nothing (200, so a retried stop is safe), a promoted one 409.
 */

async function assertAdmin(tx: Store, actor: Actor): Promise<void> {
  if (!hasRole(await actingUser(tx, actor), 'admin')) throw forbidden('only admins run pilots');
}

/** The pilot with its flow locked: 404 for an unknown pilot. */
async function lockedPilot(tx: Store, id: string): Promise<PilotRow> {
  const seen = await tx.pilots.get(id);
  if (!seen) throw notFound('pilot', id);
  await tx.flows.lock(seen.flow);
  // Read again under the lock: a command that held it before us may have changed the status.
  return (await tx.pilots.get(id)) ?? seen;
}

/**
 * Starts a pilot of `input.version` on `flowKey` (admins, 403): 404 unknown flow, 400 unknown
 * version or the active one, 409 while another pilot of the flow runs.
 */
export function startPilot(
  core: RuntimeCore,
  flowKey: string,
  input: PilotCreate,
  actor: Actor,
): Promise<PilotRow> {
  return core.store.transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const flow = await tx.flows.lock(flowKey);
    if (!flow) throw notFound('flow', flowKey);
    if (!(await tx.flowVersions.get(flowKey, input.version))) {
      throw badRequest(`flow ${flowKey} has no version ${input.version}`, [
        { path: 'version', message: 'unknown version' },
      ]);
    }
    if (flow.activeVersion === input.version) {
      throw badRequest('the pilot version is already the active version', [
        { path: 'version', message: 'is active' },
      ]);
    }
    assertSegments(input.segments.map((expression, i) => ({ path: `segments.${i}`, expression })));
    const running = await tx.pilots.activeFor(flowKey);
    if (running) {
      throw conflict(`flow ${flowKey} already has a running pilot ${running.id}; stop or promote it first`, {
        pilotId: running.id,
      });
    }
    return tx.pilots.create({
      id: `pilot-${randomBytes(6).toString('hex')}`,
      flow: flowKey,
      version: input.version,
      baselineVersion: flow.activeVersion,
      percentage: input.percentage,
      segments: input.segments,
      customerIds: input.customerIds,
      note: input.note,
      status: 'active',
      createdBy: actor,
      createdAt: core.clock.now(),
      endedAt: null,
    });
  });
}

/**
 * Promotes a running pilot (admins): its version becomes the flow's active version and the pilot
 * ends as `promoted`, together, recorded as an activation with the pilot's note. 404 unknown, 409 when it is not running.
 */
export function promotePilot(core: RuntimeCore, id: string, actor: Actor): Promise<PilotRow> {
  return core.store.transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const pilot = await lockedPilot(tx, id);
    if (pilot.status !== 'active')
      throw conflict(`pilot ${id} is ${pilot.status}; only a running pilot is promoted`);
    const version = await tx.flowVersions.get(pilot.flow, pilot.version);
    if (!version) throw notFound('flow version', `${pilot.flow}@${pilot.version}`);
    await assertChannelsFree(core, tx, pilot.flow, version.definition as { nodes: { type: string }[] });
    const now = core.clock.now();
    await tx.flows.setActiveVersion(pilot.flow, pilot.version, now);
    // Promoting is activating: it settles the version's requests and joins the flow's history.
    await recordActivation(tx, pilot.flow, pilot.version, pilot.note, actor, now);
    return (await tx.pilots.setStatus(id, 'promoted', now)) ?? pilot;
  });
}

/**
 * Stops a pilot (admins): new cases go to the active version. Idempotent for a stopped pilot
 * (answered unchanged); 409 for a promoted one (its version is active: activate another
 * instead); 404 unknown.
 */
export function stopPilot(core: RuntimeCore, id: string, actor: Actor): Promise<PilotRow> {
  return core.store.transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const pilot = await lockedPilot(tx, id);
    if (pilot.status === 'stopped') return pilot;
    if (pilot.status !== 'active') throw conflict(`pilot ${id} was promoted; it cannot be stopped`);
    return (await tx.pilots.setStatus(id, 'stopped', core.clock.now())) ?? pilot;
  });
}

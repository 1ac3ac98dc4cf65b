import { validateFlow } from '@caseflow/engine';
import type { Problem } from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import { type FlowRow, type Store, StoreConflict } from '../store/store';
import { actingUser } from './acting-user';
import { recordActivation } from './activation-commands';
import { checksumOf } from './canonical-json';
import { assertChannelsFree } from './channel-binding';
import { fromEngineError } from './engine-errors';
import { AppError, conflict, forbidden, notFound } from './errors';
import type { RuntimeCore } from './runtime-core';
import type { Actor, PublishResult } from './types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * validateFlow with what this installation knows: its groups, its flows (for subflows), its
 * calendars and its connections. Problems are data; nothing throws for a bad definition.
 */
export async function validateDefinition(
  core: RuntimeCore,
  definition: unknown,
  store: Store = core.store,
): Promise<Problem[]> {
  const [groups, flows, connections] = await Promise.all([
    store.groups.list(),
    store.flows.list(),
    store.connections.list(),
  ]);
  return validateFlow(definition, {
    groups: groups.map((g) => g.name),
    flows: flows.map((f) => f.key),
    calendars: core.calendarKeys,
    connections: connections.map((c) => c.name),
  });
}

/** The problem of a definition saved under another key than its own `key`. */
function keyProblems(key: string, definition: unknown): Problem[] {
  if (!isObject(definition) || definition.key === undefined || definition.key === key) return [];
  return [
    {
      severity: 'error',
      code: 'schema',
      message: `the definition's key "${String(definition.key)}" differs from the flow "${key}"`,
      path: ['key'],
      hint: `set "key" to "${key}"`,
    },
  ];
}

/**
 * Saves a draft (which may be invalid) and answers its problems and its new `updatedAt`.
 * `base` is the `updatedAt` the caller's edit started from (null: it expects no draft yet);
 * when the draft was saved since, nothing is written and 409 `draft-conflict` names who saved
 * it and when. Without `base` the last save wins (scripts, the demo seed).
 */
export async function saveDraft(
  core: RuntimeCore,
  key: string,
  definition: unknown,
  actor: Actor,
  base?: number | null,
): Promise<{ problems: Problem[]; updatedAt: number }> {
  return core.store.transaction(async (tx) => {
    const current = await tx.flows.get(key);
    if (base !== undefined && (current?.updatedAt ?? null) !== base) {
      const by = current?.updatedBy ? await tx.users.get(current.updatedBy) : null;
      throw draftConflict(key, current, by?.displayName || null);
    }
    const problems = [...keyProblems(key, definition), ...(await validateDefinition(core, definition, tx))];
    const name =
      isObject(definition) && typeof definition.name === 'string' && definition.name ? definition.name : key;
    const kind = isObject(definition) && typeof definition.kind === 'string' ? definition.kind : 'case';
    // Strictly increasing per flow, so `updatedAt` tells two saves apart even within one millisecond.
    const updatedAt = Math.max(core.clock.now(), (current?.updatedAt ?? 0) + 1);
    await tx.flows.upsertDraft({ key, name, kind, draft: definition, problems, updatedBy: actor, updatedAt });
    return { problems, updatedAt };
  });
}

function draftConflict(key: string, current: FlowRow | null, byName: string | null): AppError {
  const message = current
    ? `the draft of ${key} was saved by ${current.updatedBy ?? 'someone'} at ${new Date(current.updatedAt).toISOString()} after your copy was loaded; load it again before saving`
    : `flow ${key} has no draft yet: send baseUpdatedAt null to create it`;
  return new AppError('draft-conflict', 409, message, {
    path: 'baseUpdatedAt',
    updatedBy: current?.updatedBy ?? null,
    updatedByName: byName ?? current?.updatedBy ?? null,
    updatedAt: current ? new Date(current.updatedAt).toISOString() : null,
  });
}

/**
 * Publishes the draft as the next immutable version: validates it (422 with the problems when
 * any is an error), compiles it once (the compiled machine goes to the cache, its config to the
 * version row), checksums the canonical JSON of the parsed definition. The first version of a
 * flow becomes its active version; later ones wait for `activate`.
 */
export async function publish(
  core: RuntimeCore,
  key: string,
  input: { note?: string; actor: Actor },
): Promise<PublishResult> {
  const result = await core.store.transaction(async (tx) => {
    const flow = await tx.flows.get(key);
    if (!flow) throw notFound('flow', key);
    const problems = [...keyProblems(key, flow.draft), ...(await validateDefinition(core, flow.draft, tx))];
    if (problems.some((p) => p.severity === 'error')) {
      throw new AppError('flow-invalid', 422, `flow ${key} has errors; fix them before publishing`, {
        problems,
      });
    }
    let compiled: ReturnType<typeof core.ctx.compiled.compile>;
    try {
      // Validated just above with the installation's groups, flows and calendars.
      compiled = core.ctx.compiled.compile(flow.draft, { trusted: true });
    } catch (error) {
      throw fromEngineError(error);
    }
    const checksum = checksumOf(compiled.definition);
    const version = (await tx.flowVersions.latest(key)) + 1;
    const now = core.clock.now();
    try {
      await tx.flowVersions.insert({
        flow: key,
        version,
        definition: compiled.definition,
        config: compiled.config,
        checksum,
        author: input.actor,
        note: input.note ?? '',
        createdAt: now,
      });
    } catch (error) {
      if (error instanceof StoreConflict)
        throw conflict(`version ${version} of ${key} was published concurrently`);
      throw error;
    }
    if (flow.activeVersion === null) {
      await assertChannelsFree(core, tx, key, compiled.definition);
      await tx.flows.setActiveVersion(key, version, now);
    }
    return { version, checksum, problems, compiled };
  });
  core.ctx.compiled.put(key, result.version, result.compiled);
  return { version: result.version, checksum: result.checksum, problems: result.problems };
}

/**
 * Makes `version` the one new cases use (running cases keep theirs), in one transaction on the
 * locked flow: only an admin (`actor`; absent for the runtime's own seeding), 404 unknown
 * version, 409 while a pilot of the flow runs — the pilot compares its version with the active
 * one, so the baseline must not move under it: promote or stop the pilot first. An admin's
 * activation settles the version's pending requests with `note` (activation-commands.ts).
 */
export async function activate(
  core: RuntimeCore,
  key: string,
  version: number,
  actor?: Actor,
  note = '',
): Promise<void> {
  await core.store.transaction(async (tx) => {
    if (actor !== undefined && !hasRole(await actingUser(tx, actor), 'admin')) {
      throw forbidden('only admins activate flow versions');
    }
    if (!(await tx.flows.lock(key))) throw notFound('flow', key);
    const row = await tx.flowVersions.get(key, version);
    if (!row) throw notFound('flow version', `${key}@${version}`);
    const running = await tx.pilots.activeFor(key);
    if (running) {
      throw conflict(`flow ${key} has a running pilot ${running.id}; promote or stop it first`, {
        pilotId: running.id,
      });
    }
    await assertChannelsFree(core, tx, key, row.definition as { nodes: { type: string }[] });
    const now = core.clock.now();
    await tx.flows.setActiveVersion(key, version, now);
    if (actor !== undefined) await recordActivation(tx, key, version, note, actor, now);
  });
}

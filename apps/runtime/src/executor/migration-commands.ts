import {
  type CaseSnapshot,
  type CompiledFlow,
  moveCase,
  planMigration,
  refusal,
  refusalText,
  refused,
} from '@caseflow/engine';
import {
  MIGRATION_CASE_LIMIT,
  type Migration,
  type MigrationPlan,
  MigrationRefusal,
  type MigrationRequest,
} from '@caseflow/schema';
import { z } from 'zod';
import { hasRole } from '../auth/roles';
import type { CaseRow, MigrationCaseRow, MigrationRow, Store } from '../store/store';
import { actingUser } from './acting-user';
import { badRequest, forbidden, notFound } from './errors';
import { newRowId } from './ids';
import type { RuntimeCore } from './runtime-core';
import type { Actor } from './types';

/*
 * Migration of running cases (DESIGN §13). `planMigrationOf` is the command: in one
 * transaction on the locked flow it checks the admin, builds the plan from the two versions,
 * checks every selected case against it and records the migration with each case planned or
 * refused (a dry run stops there). migration-runner.ts then moves the planned cases in
 * batches, each in its own transaction.
 */

/** Both versions compiled and the plan between them; 400 naming the field when unusable. */
export async function migrationPlan(
  core: RuntimeCore,
  tx: Store,
  flow: string,
  from: number,
  to: number,
  mapping: Record<string, string>,
): Promise<{ plan: MigrationPlan; source: CompiledFlow; target: CompiledFlow }> {
  const load = async (version: number, field: 'from' | 'to') => {
    if (!(await tx.flowVersions.get(flow, version))) {
      throw badRequest(`flow ${flow} has no version ${version}`, [
        { path: field, message: 'unknown version' },
      ]);
    }
    return core.ctx.compiled.get(tx, flow, version);
  };
  const source = await load(from, 'from');
  const target = await load(to, 'to');
  return { plan: planMigration(source.definition, target.definition, mapping), source, target };
}

/**
 * A refused case's reasons as stored (the `reason` column): their codes as JSON, so that the
 * API answers both the English and the codes screens translate.
 */
export function encodeRefusals(refusals: readonly MigrationRefusal[]): string {
  return JSON.stringify(refusals);
}

/** A stored reason as the API answers it; text stored before reasons had codes stays as it is. */
export function decodeRefusals(stored: string): { reason: string; refusals: MigrationRefusal[] } {
  if (stored.startsWith('[')) {
    try {
      const parsed = z.array(MigrationRefusal).safeParse(JSON.parse(stored));
      if (parsed.success) return { reason: parsed.data.map(refusalText).join('; '), refusals: parsed.data };
    } catch {
      // Not JSON after all: an old free-text reason.
    }
  }
  return { reason: stored, refusals: [] };
}

/** Why a case cannot move, or its moved state. Refusals name the case's own situation. */
export function checkCase(
  row: CaseRow | null,
  flow: string,
  from: number,
  plan: MigrationPlan,
  target: CompiledFlow,
): ReturnType<typeof moveCase> {
  if (!row || row.flow !== flow) return refused([refusal('not-found', { flow })]);
  if (row.version !== from) return refused([refusal('other-version', { version: row.version })]);
  if (row.status !== 'open') return refused([refusal('closed', { status: row.status })]);
  return moveCase(plan, target, row.snapshot as CaseSnapshot);
}

/**
 * Plans (and with `dryRun: false` records for the runner) a migration of `flow`'s cases
 * (admins only, 403): 404 unknown flow; 400 unknown version or an unusable mapping entry
 * (`mapping.<node>`); 400 when "all" selects more than 10,000 cases.
 *
 * Every selected case is checked before the transaction that records the migration: that reads
 * up to 10,000 snapshots and runs the engine on each, which must not hold the writers (on
 * SQLite, every other command). The verdicts are advice either way: the runner checks each
 * case again in the transaction that moves it, as the case may have moved meanwhile.
 */
export async function startMigration(
  core: RuntimeCore,
  flow: string,
  input: MigrationRequest,
  actor: Actor,
): Promise<Migration> {
  const { store } = core;
  // Refused before the reads below, and again inside the transaction that records.
  await requireAdmin(store, actor);
  if (!(await store.flows.get(flow))) throw notFound('flow', flow);
  const { plan, target } = await migrationPlan(core, store, flow, input.from, input.to, input.mapping);
  if (plan.problems.length > 0) {
    throw badRequest(
      'the mapping names nodes that cannot be used',
      plan.problems.map((p) => ({ path: `mapping.${p.nodeId}`, message: p.message })),
    );
  }
  const ids = input.cases === 'all' ? await openCasesOn(store, flow, input.from) : [...new Set(input.cases)];
  const cases: MigrationCaseRow[] = [];
  for (const caseId of ids) {
    const checked = checkCase(await store.cases.get(caseId), flow, input.from, plan, target);
    cases.push(
      checked.ok
        ? { caseId, status: 'planned', reason: null }
        : { caseId, status: 'refused', reason: encodeRefusals(checked.refusals) },
    );
  }
  const planned = cases.filter((c) => c.status === 'planned').length;

  return store.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    if (!(await tx.flows.lock(flow))) throw notFound('flow', flow);
    const now = core.clock.now();
    const row = await tx.migrations.create(
      {
        id: newRowId('mig', now),
        flow,
        fromVersion: input.from,
        toVersion: input.to,
        mapping: input.mapping,
        dryRun: input.dryRun,
        status: input.dryRun ? 'dry-run' : planned > 0 ? 'running' : 'done',
        createdBy: actor,
        createdAt: now,
        finishedAt: input.dryRun || planned === 0 ? now : null,
      },
      cases,
      now,
    );
    core.ctx.logger.info(
      { migrationId: row.id, flow, from: input.from, to: input.to, planned, dryRun: input.dryRun, actor },
      'migration planned',
    );
    return describe(tx, row, plan);
  });
}

async function requireAdmin(store: Store, actor: Actor): Promise<void> {
  if (!hasRole(await actingUser(store, actor), 'admin')) throw forbidden('only admins migrate running cases');
}

/** The open cases of `flow` on `version` (subflow children included): 400 over the limit. */
async function openCasesOn(store: Store, flow: string, version: number): Promise<string[]> {
  const rows = await store.cases.scan({ flow, version, subflows: 'include' });
  const open = rows.filter((r) => r.status === 'open').map((r) => r.id);
  if (open.length > MIGRATION_CASE_LIMIT) {
    throw badRequest(
      `${open.length} open cases are on version ${version}; select at most ${MIGRATION_CASE_LIMIT}`,
      [{ path: 'cases', message: `at most ${MIGRATION_CASE_LIMIT} cases per migration` }],
    );
  }
  return open;
}

/** A migration of `flow` with its progress (owner+ may read it; the route checks the role). */
export async function getMigration(core: RuntimeCore, flow: string, id: string): Promise<Migration> {
  const row = await core.store.migrations.get(id);
  if (!row || row.flow !== flow) throw notFound('migration', id);
  const { plan } = await migrationPlan(core, core.store, flow, row.fromVersion, row.toVersion, row.mapping);
  return describe(core.store, row, plan);
}

async function describe(store: Store, row: MigrationRow, plan: MigrationPlan): Promise<Migration> {
  const [counts, refusedRows] = await Promise.all([
    store.migrations.counts(row.id),
    store.migrations.refused(row.id),
  ]);
  const refused = refusedRows.map((r) => ({ caseId: r.caseId, ...decodeRefusals(r.reason) }));
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id,
    flow: row.flow,
    from: row.fromVersion,
    to: row.toVersion,
    mapping: row.mapping,
    dryRun: row.dryRun,
    status: row.status,
    planned: row.dryRun ? counts.planned : counts.planned + counts.migrated,
    migrated: counts.migrated,
    pending: row.dryRun ? 0 : counts.planned,
    refused,
    plan,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    finishedAt: iso(row.finishedAt),
  };
}

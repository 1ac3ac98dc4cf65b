import { z } from 'zod';
import { LIMITS, Ref, VersionNumber } from './limits';

/*
 * Migration of running cases from one version of a flow to another (DESIGN §13).
 */

/** At most this many cases named explicitly in one migration request. */
export const MIGRATION_CASE_LIMIT = 10_000;

/** `POST /flows/:key/migrations`: which cases move from `from` to `to`, and where each node goes. */
export const MigrationRequest = z
  .object({
    from: VersionNumber,
    to: VersionNumber,
    /** Old node id → new node id; nodes kept unchanged by id map themselves. */
    mapping: z
      .record(Ref, Ref)
      .refine((m) => Object.keys(m).length <= LIMITS.mapKeys, {
        message: `at most ${LIMITS.mapKeys} entries`,
      })
      .default({}),
    cases: z.union([z.literal('all'), z.array(Ref).min(1).max(MIGRATION_CASE_LIMIT)]),
    dryRun: z.boolean().default(false),
  })
  .refine((r) => r.from !== r.to, { message: 'must differ from `from`', path: ['to'] });
export type MigrationRequest = z.infer<typeof MigrationRequest>;
/** MigrationRequest as a client writes it (defaults optional). */
export type MigrationRequestInput = z.input<typeof MigrationRequest>;

/** How a node of the old version is planned: kept by id, mapped by the admin, or unmapped. */
export const PlannedNode = z.object({
  nodeId: z.string(),
  type: z.string(),
  /** The node's title or name as the canvas shows it. */
  label: z.string(),
  /** `same`: unchanged in the new version; `changed`: same id, different content; `removed`. */
  change: z.enum(['same', 'changed', 'removed']),
  /** The node of the new version cases here move to, or null when they cannot move. */
  target: z.string().nullable(),
  how: z.enum(['kept', 'mapped', 'unmapped']),
});
export type PlannedNode = z.infer<typeof PlannedNode>;

/** A mapping entry that cannot be used, named by its old node id. */
export const MappingProblem = z.object({ nodeId: z.string(), message: z.string() });
export type MappingProblem = z.infer<typeof MappingProblem>;

/** The plan built from the diff of two versions: every node a case can wait at, and its target. */
export const MigrationPlan = z.object({
  nodes: z.array(PlannedNode),
  problems: z.array(MappingProblem),
});
export type MigrationPlan = z.infer<typeof MigrationPlan>;

export const MigrationStatus = z.enum(['dry-run', 'running', 'done']);
export type MigrationStatus = z.infer<typeof MigrationStatus>;

/** A case that cannot move, and why. */
export const RefusedCase = z.object({
  caseId: z.string(),
  /** The reasons in English, joined by "; ". */
  reason: z.string(),
  /** The same reasons as codes (empty for refusals recorded before they had codes). */
  refusals: z.array(z.lazy(() => MigrationRefusal)).default([]),
});
export type RefusedCase = z.infer<typeof RefusedCase>;

/** The answer of `POST /flows/:key/migrations` and `GET /flows/:key/migrations/:id`. */
export const Migration = z.object({
  id: z.string(),
  flow: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  mapping: z.record(z.string(), z.string()),
  dryRun: z.boolean(),
  status: MigrationStatus,
  /** Cases that pass the plan and move (or would move, in a dry run). */
  planned: z.number().int(),
  /** Cases moved so far. */
  migrated: z.number().int(),
  /** Planned cases still waiting for their turn. */
  pending: z.number().int(),
  refused: z.array(RefusedCase),
  plan: MigrationPlan,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Migration = z.infer<typeof Migration>;

/**
 * Why a case cannot move, as a code and its values, so that each screen says it in its
 * language (the API's `reason` is the English text of the same refusals).
 */
export const MigrationRefusal = z.object({
  code: z.enum([
    'not-found',
    'other-version',
    'closed',
    'unknown-node',
    'node-removed',
    'node-changed',
    'other-branch',
    'task-elsewhere',
    'tier-missing',
    'votes-decide',
    'task-sla-missing',
    'case-sla-missing',
    'case-sla-pause',
    'cannot-hold',
  ]),
  values: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type MigrationRefusal = z.infer<typeof MigrationRefusal>;

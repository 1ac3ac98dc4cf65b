import { z } from 'zod';

export const PROBLEM_CODES = [
  'schema',
  'unknown-node-type',
  'duplicate-id',
  'missing-start',
  'multiple-starts',
  'dangling-edge',
  'unreachable-node',
  'no-path-to-end',
  'decision-without-default',
  'task-outcome-without-edge',
  'approval-without-edge',
  'edge-without-route',
  'feel-syntax',
  'unknown-tier',
  'unknown-group',
  'unknown-calendar',
  'join-without-fork',
  'fork-without-join',
  'missing-subflow',
  'end-with-outgoing-edge',
  'missing-edge',
  'unknown-node',
  'invalid-pattern',
  'credential-in-flow',
  'unknown-connection',
] as const;
export const ProblemCode = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** A flow mistake found by validateFlow: data, never an exception. */
export const Problem = z.object({
  severity: z.enum(['error', 'warning']),
  code: ProblemCode,
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  /** JSON path into the definition, e.g. ["nodes", 3, "outcomes", 1]. */
  path: z.array(z.union([z.string(), z.number()])),
  /** For FEEL errors: character offsets inside the expression. */
  position: z.object({ from: z.number(), to: z.number() }).optional(),
  hint: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

import type { FlowDefinition, Problem } from '@caseflow/schema';
import type { ForkJoinStructure } from './flow-graph';
import { exitProblems } from './validate/exit-problems';
import { feelProblems } from './validate/feel-problems';
import { readFlow } from './validate/flow-view';
import { forkJoinProblems } from './validate/fork-join-problems';
import { graphProblems } from './validate/graph-problems';
import { httpProblems } from './validate/http-problems';
import { patternProblems } from './validate/pattern-problems';
import { orderProblems } from './validate/problems';
import { referenceProblems, type ValidationContext } from './validate/reference-problems';
import { schemaProblems } from './validate/schema-problems';

export type { ValidationContext } from './validate/reference-problems';

/**
 * Finds every mistake in a flow definition the designer can fix: schema issues, unknown node
 * types, broken graph structure (ids, start, dangling edges, reachability, ways to an end,
 * parallel blocks without a join),
 * missing or meaningless exits, FEEL syntax errors with positions, patterns RE2 cannot run
 * (form fields, literals in FEEL `matches`/`replace`/`split`), names the flow borrows (tiers;
 * groups, flows, calendars and connections when `ctx` lists them), and credentials written
 * into http actions (they belong in a connection).
 *
 * Pure and total: any JSON value in, never throws; problems are data, ordered by path with
 * no repeats, so the same definition always gives the same list. A definition that fails
 * the schema still gets the structural checks its raw data allows, so the designer sees
 * everything at once. The runtime refuses to publish a flow with any `error` problem.
 */
export function validateFlow(def: unknown, ctx?: ValidationContext | null): Problem[] {
  return analyzeFlow(def, ctx).problems;
}

/** What validating a flow learns on the way: the compiler reuses it instead of redoing it. */
export interface FlowAnalysis {
  problems: Problem[];
  /** The parsed flow (defaults applied), or null when it fails the schema. */
  definition: FlowDefinition | null;
  structure: ForkJoinStructure;
}

/** validateFlow plus the parsed definition and its fork/join structure. Pure, never throws. */
export function analyzeFlow(def: unknown, ctx?: ValidationContext | null): FlowAnalysis {
  const view = readFlow(def);
  const schema = schemaProblems(def, view);
  const forkJoin = forkJoinProblems(view);
  const problems = orderProblems([
    ...schema.problems,
    ...graphProblems(view),
    ...exitProblems(view),
    ...forkJoin.problems,
    ...feelProblems(view),
    ...patternProblems(view),
    ...referenceProblems(view, ctx ?? {}),
    ...httpProblems(view, ctx ?? {}),
  ]);
  return { problems, definition: schema.parsed, structure: forkJoin.structure };
}

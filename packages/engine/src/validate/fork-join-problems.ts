import type { FlowDefinition, Problem } from '@caseflow/schema';
import { type ForkJoinStructure, matchForkJoin } from '../flow-graph';
import type { FlowView } from './flow-view';
import { error } from './problems';

const HINTS = {
  'fork-without-join':
    'Give the parallel node two or more branches and lead every branch, without crossing the others, to one join node.',
  'join-without-fork': 'Start the branches that meet here at a parallel node, or remove the join.',
} as const;

/**
 * `fork-without-join` and `join-without-fork`, from the engine's own fork/join matching so
 * the validator and the compiler agree on what a parallel block is. Works on raw data: only
 * node ids, node types and edge ends matter to the matching.
 */
export function forkJoinProblems(view: FlowView): { problems: Problem[]; structure: ForkJoinStructure } {
  const nodes = [...view.byId.values()].map((n) => ({ id: n.id!, type: n.type }));
  const edges = view.edges.flatMap((e) =>
    e.from !== undefined && e.to !== undefined ? [{ from: e.from, to: e.to }] : [],
  );
  // The projection holds every field matchForkJoin reads (ids, types, edge ends); the
  // definition may fail the schema elsewhere, which is why it is not the parsed flow.
  const shape = { nodes, edges } as unknown as Pick<FlowDefinition, 'nodes' | 'edges'>;
  const structure = matchForkJoin(shape);
  const problems = structure.problems.map((p) => {
    const node = view.byId.get(p.nodeId);
    return error(p.code, p.message, node ? ['nodes', node.index] : ['nodes'], {
      nodeId: p.nodeId,
      hint: HINTS[p.code],
    });
  });
  return { problems, structure };
}

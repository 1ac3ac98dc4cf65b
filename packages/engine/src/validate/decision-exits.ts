import type { Problem } from '@caseflow/schema';
import { type EdgeView, edgeName, type NodeView, nodeName } from './flow-view';
import { error, warning } from './problems';

/**
 * Exits of a decision: every edge needs a FEEL `when` or `default: true`, exactly one edge is
 * the default, and `on` means nothing here (decisions route by conditions).
 */
export function decisionExits(node: NodeView, edges: readonly EdgeView[]): Problem[] {
  const problems: Problem[] = [];
  let fallback: EdgeView | undefined;
  for (const edge of edges) {
    const at = { nodeId: node.id, edgeId: edge.id };
    if (edge.on !== undefined) {
      problems.push(
        error(
          'edge-without-route',
          `${edgeName(edge)} leaves ${nodeName(node)} on "${edge.on}"; decisions route by conditions`,
          ['edges', edge.index, 'on'],
          {
            ...at,
            hint: 'Remove "on" and give the edge a FEEL "when" condition, or mark it "default": true.',
          },
        ),
      );
    }
    if (edge.isDefault) {
      if (fallback) {
        problems.push(
          error(
            'edge-without-route',
            `${edgeName(edge)} is a second default of ${nodeName(node)}; ${edgeName(fallback)} already is`,
            ['edges', edge.index, 'default'],
            { ...at, hint: 'Keep one default edge; give the other a "when" condition.' },
          ),
        );
      } else {
        fallback = edge;
      }
      if (edge.when !== undefined) {
        problems.push(
          warning(
            'edge-without-route',
            `${edgeName(edge)} is the default of ${nodeName(node)}, so its condition is never evaluated`,
            ['edges', edge.index, 'when'],
            { ...at, hint: 'Remove "when" from the default edge, or unmark it as default.' },
          ),
        );
      }
    } else if (edge.when === undefined && edge.on === undefined) {
      problems.push(
        error(
          'edge-without-route',
          `${edgeName(edge)} leaves ${nodeName(node)} without a condition`,
          ['edges', edge.index],
          {
            ...at,
            hint: 'Give the edge a FEEL "when" condition, or mark it "default": true.',
          },
        ),
      );
    }
  }
  if (!fallback) {
    problems.push(
      error('decision-without-default', `${nodeName(node)} has no default edge`, ['nodes', node.index], {
        nodeId: node.id,
        hint: 'Mark one outgoing edge "default": true; it is taken when no condition holds.',
      }),
    );
  }
  return problems;
}

/**
 * Warnings for `when` and `default` on an edge that does not leave a decision: the runtime
 * ignores them there, so the flow would not do what the edge says.
 */
export function ignoredDecisionFields(node: NodeView, edge: EdgeView): Problem[] {
  const problems: Problem[] = [];
  const at = { nodeId: node.id, edgeId: edge.id };
  if (edge.when !== undefined) {
    problems.push(
      warning(
        'edge-without-route',
        `${edgeName(edge)} has a "when" condition, but ${nodeName(node)} is not a decision`,
        ['edges', edge.index, 'when'],
        { ...at, hint: 'Remove "when", or insert a decision node to branch on the condition.' },
      ),
    );
  }
  if (edge.isDefault) {
    problems.push(
      warning(
        'edge-without-route',
        `${edgeName(edge)} is marked default, but ${nodeName(node)} is not a decision`,
        ['edges', edge.index, 'default'],
        { ...at, hint: 'Remove "default".' },
      ),
    );
  }
  return problems;
}

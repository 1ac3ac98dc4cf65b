import type { FlowDefinition, FlowNode, MappingProblem, MigrationPlan, PlannedNode } from '@caseflow/schema';
import { diffFlows } from '../flow-diff';
import { matchForkJoin } from '../flow-graph';

/** Node types a running case can wait at (automated nodes are passed through within a step). */
const RESTING = new Set(['task', 'approval', 'wait', 'timer', 'subflow', 'parallel']);

/** True when a case can be found waiting at `node` (an http action waits for its result). */
export function canHoldCase(node: FlowNode): boolean {
  return RESTING.has(node.type) || (node.type === 'action' && node.action.kind === 'http');
}

/** What a node is called on the canvas. */
export function nodeLabel(node: FlowNode): string {
  const title = 'title' in node && typeof node.title === 'string' ? node.title : undefined;
  return title ?? node.name ?? node.id;
}

/** The kind a mapping must preserve: the node type, and for actions whether it is http. */
function kindOf(node: FlowNode): string {
  return node.type === 'action' ? `action:${node.action.kind}` : node.type;
}

/**
 * Builds the plan of a migration from version `from` to `to` of one flow, from their diff:
 * every node a case can wait at gets a target. A node unchanged in `to` maps to itself; a
 * removed or changed node needs an entry in `mapping` (old id → new id), else it is
 * `unmapped` and cases waiting there are refused. An entry may also redirect an unchanged
 * node. Entries naming unknown nodes, nodes no case waits at, or a node of another type (or a
 * parallel block with another number of branches) are problems and map nothing. Pure.
 */
export function planMigration(
  from: FlowDefinition,
  to: FlowDefinition,
  mapping: Readonly<Record<string, string>>,
): MigrationPlan {
  const diff = diffFlows(from, to);
  const removed = new Set(diff.nodes.removed);
  const changed = new Set(diff.nodes.changed.map((c) => c.id));
  const oldById = new Map(from.nodes.map((n) => [n.id, n]));
  const newById = new Map(to.nodes.map((n) => [n.id, n]));
  const branchesOld = matchForkJoin(from).regions;
  const branchesNew = matchForkJoin(to).regions;
  const problems: MappingProblem[] = [];

  const accepted = new Map<string, string>();
  for (const [oldId, newId] of Object.entries(mapping)) {
    const oldNode = oldById.get(oldId);
    const newNode = newById.get(newId);
    const problem = (message: string) => problems.push({ nodeId: oldId, message });
    if (!oldNode) problem(`the old version has no node "${oldId}"`);
    else if (!canHoldCase(oldNode)) problem(`no case waits at "${nodeLabel(oldNode)}" (${oldNode.type})`);
    else if (!newNode) problem(`the new version has no node "${newId}"`);
    else if (kindOf(oldNode) !== kindOf(newNode)) {
      problem(
        `"${nodeLabel(oldNode)}" is a ${kindOf(oldNode)}, "${nodeLabel(newNode)}" a ${kindOf(newNode)}: a case can only move to a node of the same kind`,
      );
    } else if (
      oldNode.type === 'parallel' &&
      (branchesOld.get(oldId)?.branches.length ?? 0) !== (branchesNew.get(newId)?.branches.length ?? 0)
    ) {
      problem(`"${nodeLabel(oldNode)}" and "${nodeLabel(newNode)}" have different numbers of branches`);
    } else accepted.set(oldId, newId);
  }

  const nodes: PlannedNode[] = [];
  for (const node of from.nodes) {
    if (!canHoldCase(node)) continue;
    const change = removed.has(node.id) ? 'removed' : changed.has(node.id) ? 'changed' : 'same';
    const explicit = accepted.get(node.id);
    const target = explicit ?? (change === 'same' ? node.id : null);
    nodes.push({
      nodeId: node.id,
      type: node.type,
      label: nodeLabel(node),
      change,
      target,
      how: explicit ? 'mapped' : target ? 'kept' : 'unmapped',
    });
  }
  return { nodes, problems };
}

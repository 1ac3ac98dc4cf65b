import type { FlowDefinitionInput } from '@caseflow/schema';

type Node = FlowDefinitionInput['nodes'][number];

/** What a node is called on the canvas (its title or name, else its id). */
export function stepLabel(node: Node): string {
  const title = 'title' in node && typeof node.title === 'string' ? node.title : undefined;
  return title ?? node.name ?? node.id;
}

/** The kind a mapping must keep (the engine's rule): the type, and for actions their kind. */
function kindOf(node: Node): string {
  return node.type === 'action' ? `action:${node.action.kind}` : node.type;
}

/** Nodes of `to` a case waiting at `node` may move to, by label. Pure. */
export function targetsFor(
  node: Node | undefined,
  to: FlowDefinitionInput,
): Array<{ id: string; label: string }> {
  if (!node) return [];
  return to.nodes
    .filter((n) => kindOf(n) === kindOf(node))
    .map((n) => ({ id: n.id, label: stepLabel(n) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

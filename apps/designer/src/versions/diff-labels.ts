import { edgeId } from '@caseflow/schema';
import type { DocEdge, DocNode, FlowDoc } from '../editor/flow-document';
import { nodeLabel } from '../editor/node-catalog';

/** A message id of diff-labels.messages.ts with its values. */
export interface DiffLabel {
  id: string;
  values: Record<string, string>;
}

function nodeIn(docs: readonly FlowDoc[], id: string): DocNode | undefined {
  for (const doc of docs) {
    const node = doc.nodes.find((n) => n.id === id);
    if (node) return node;
  }
  return undefined;
}

/**
 * How a node of a diff reads: its name or title, looked up in the newer version first (a
 * removed node in the older); its id when neither has it. Pure.
 */
export function diffNodeLabel(docs: readonly FlowDoc[], id: string): string {
  const node = nodeIn(docs, id);
  return node ? nodeLabel(node) : id;
}

function edgeIn(docs: readonly FlowDoc[], id: string): DocEdge | undefined {
  for (const doc of docs) {
    const edges = doc.edges ?? [];
    const found = edges.find((e, i) => edgeId(e, i, edges) === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * How an edge of a diff reads: "Confirm address → Approve replacement", with the way it leaves
 * in brackets (its label, outcome, "default" or its condition). The id when neither version
 * has the edge. Pure.
 */
export function diffEdgeLabel(docs: readonly FlowDoc[], id: string): DiffLabel {
  const edge = edgeIn(docs, id);
  if (!edge) return { id: 'diffLabels.unknown', values: { id } };
  const ends = { from: diffNodeLabel(docs, edge.from), to: diffNodeLabel(docs, edge.to) };
  if (edge.label) return { id: 'diffLabels.edgeVia', values: { ...ends, via: edge.label } };
  if (edge.on) return { id: 'diffLabels.edgeVia', values: { ...ends, via: edge.on } };
  if (edge.default) return { id: 'diffLabels.edgeDefault', values: ends };
  if (edge.when) return { id: 'diffLabels.edgeWhen', values: { ...ends, when: edge.when } };
  return { id: 'diffLabels.edge', values: ends };
}

/** Where a changed field belongs: a node, an edge or the flow's own settings. */
export type DiffFieldScope = 'node' | 'edge' | 'flow';

/**
 * The message id of a changed field as an owner says it ("approval rule" for a node's
 * `policy`, "case SLAs" for the flow's `slas`), or null for a field without one, which is
 * shown as written. `known` holds the ids the catalog has. Pure.
 */
export function diffFieldMessage(
  scope: DiffFieldScope,
  field: string,
  known: (id: string) => boolean,
): string | null {
  const id = `diffLabels.${scope}.${field}`;
  return known(id) ? id : null;
}

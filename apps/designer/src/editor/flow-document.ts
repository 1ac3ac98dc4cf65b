import type { Edge, FlowDefinitionInput, NodeType } from '@caseflow/schema';

/** The flow document the editor holds: a flow as authored (defaults optional). */
export type FlowDoc = FlowDefinitionInput;
/** One authored node. */
export type DocNode = FlowDoc['nodes'][number];
/** One authored node of a given type. */
export type DocNodeOf<T extends NodeType> = Extract<DocNode, { type: T }>;
/** One authored edge. */
export type DocEdge = Edge;
/** A canvas position. */
export interface XY {
  x: number;
  y: number;
}

/** A new flow with a start and an end, ready to be drawn on. Pure. */
export function emptyFlow(key: string, name = key): FlowDoc {
  return {
    key,
    name,
    kind: 'case',
    variables: { type: 'object', properties: {} },
    tiers: [],
    calendar: '24x7',
    slas: [],
    nodes: [
      { id: 'start', type: 'start', trigger: { kind: 'case' } },
      { id: 'done', type: 'end', outcome: 'resolved' },
    ],
    edges: [],
    layout: { start: { x: 0, y: 0 }, done: { x: 0, y: 300 } },
  };
}

/** The edges of a document (an absent list reads as empty). */
export function edgesOf(doc: FlowDoc): DocEdge[] {
  return doc.edges ?? [];
}

/** The canvas position of a node, or the origin when it has none. */
export function positionOf(doc: FlowDoc, id: string): XY {
  return doc.layout?.[id] ?? { x: 0, y: 0 };
}

/** A fresh node id from a base ("task" -> "task-3") not used by any node in `taken`. Pure. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/-+$/, '') || 'node';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

import type { Problem } from '@caseflow/schema';
import type { Edge as RfEdge, Node as RfNode } from '@xyflow/react';
import { edgeIds } from './commands';
import { type DocNode, edgesOf, type FlowDoc } from './flow-document';
import { type EdgeRoute, routeHolds } from './layout/elk-layout';

/** Per-node decorations laid over the flow: simulator state, diff colouring, heat. */
export interface NodeOverlay {
  active?: boolean;
  visited?: boolean;
  diff?: 'added' | 'removed' | 'changed';
  /** Share of the busiest node's traffic, 0–1 (heat-map overlay). */
  heat?: number;
  note?: string;
}

/** Data carried by a canvas node: the flow node, its problems and overlay. */
export interface CanvasNodeData extends Record<string, unknown> {
  node: DocNode;
  problems: Problem[];
  overlay: NodeOverlay | undefined;
  /** Handles that already have an edge, joined by "|" (their labels are shown on the edges). */
  usedPorts: string;
}

export type CanvasNode = RfNode<CanvasNodeData, 'flow'>;
/** Data of a canvas edge: its problems, its label and the layout's route while it holds. */
export type CanvasEdgeData = { problems: Problem[]; label: string; route: EdgeRoute | null };
export type CanvasEdge = RfEdge<CanvasEdgeData, 'routed'>;

/** The label of an unlabelled default edge; the edge shows it in the reader's language. */
export const DEFAULT_EDGE_LABEL = 'default';

/**
 * The label of an edge on the canvas: its label, outcome (as `onText` words it, else the id),
 * condition or "default". Pure.
 */
export function edgeLabel(
  edge: { on?: string; when?: string; default?: boolean; label?: string },
  onText?: (on: string) => string,
): string {
  if (edge.label) return edge.label;
  if (edge.on) return onText ? onText(edge.on) : edge.on;
  if (edge.when) return edge.when;
  if (edge.default) return DEFAULT_EDGE_LABEL;
  return '';
}

/** Problems grouped by node id and by edge id. Pure. */
export function problemsByTarget(problems: readonly Problem[]): {
  nodes: Map<string, Problem[]>;
  edges: Map<string, Problem[]>;
} {
  const nodes = new Map<string, Problem[]>();
  const edges = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.edgeId) edges.set(p.edgeId, [...(edges.get(p.edgeId) ?? []), p]);
    else if (p.nodeId) nodes.set(p.nodeId, [...(nodes.get(p.nodeId) ?? []), p]);
  }
  return { nodes, edges };
}

interface GraphInput {
  doc: FlowDoc;
  selectedNodes: readonly string[];
  selectedEdges: readonly string[];
  problems: readonly Problem[];
  overlays?: Record<string, NodeOverlay>;
  /** Sizes the canvas measured, kept on the nodes so xyflow does not measure them again. */
  measured?: ReadonlyMap<string, { width: number; height: number }>;
  /** Routes of the last auto-layout, by edge id (used while their ends have not moved). */
  routes?: Readonly<Record<string, EdgeRoute>>;
}

/**
 * Converts the document into @xyflow/react nodes and edges. The returned function keeps the
 * previous objects and reuses every node whose inputs did not change, so a drag of one node in
 * a 300-node flow re-renders one node, not 300.
 */
export function createGraphBuilder(
  /** The accessible name of an edge, in the reader's language. */
  edgeName: (from: string, to: string, label: string) => string = (from, to, label) =>
    `Edge from ${from} to ${to}${label ? ` (${label})` : ''}`,
  /** The words of an outcome leaving `node` (port-text.ts); the outcome id when left out. */
  portText?: (node: DocNode | undefined, on: string) => string,
  /** The accessible name of a node, in the reader's language. */
  nodeName: (node: DocNode) => string = (node) => `${node.type} ${node.id}`,
) {
  let prevNodes = new Map<string, CanvasNode>();
  return function build({
    doc,
    selectedNodes,
    selectedEdges,
    problems,
    overlays,
    measured,
    routes,
  }: GraphInput) {
    const sel = new Set(selectedNodes);
    const selE = new Set(selectedEdges);
    const byTarget = problemsByTarget(problems);
    const used = new Map<string, string[]>();
    for (const e of edgesOf(doc)) used.set(e.from, [...(used.get(e.from) ?? []), e.on ?? 'out']);
    const nextNodes = new Map<string, CanvasNode>();
    const nodes: CanvasNode[] = doc.nodes.map((node) => {
      const position = doc.layout?.[node.id] ?? { x: 0, y: 0 };
      const nodeProblems = byTarget.nodes.get(node.id) ?? [];
      const overlay = overlays?.[node.id];
      const prev = prevNodes.get(node.id);
      const selected = sel.has(node.id);
      const usedPorts = (used.get(node.id) ?? []).sort().join('|');
      const size = measured?.get(node.id);
      if (
        prev &&
        prev.data.node === node &&
        prev.position.x === position.x &&
        prev.position.y === position.y &&
        prev.selected === selected &&
        sameProblems(prev.data.problems, nodeProblems) &&
        prev.data.overlay === overlay &&
        prev.data.usedPorts === usedPorts &&
        prev.measured?.width === size?.width &&
        prev.measured?.height === size?.height
      ) {
        nextNodes.set(node.id, prev);
        return prev;
      }
      const built: CanvasNode = {
        id: node.id,
        type: 'flow',
        position: { x: position.x, y: position.y },
        selected,
        data: { node, problems: nodeProblems, overlay, usedPorts },
        ariaLabel: nodeName(node),
      };
      if (size) built.measured = { width: size.width, height: size.height };
      nextNodes.set(node.id, built);
      return built;
    });
    prevNodes = nextNodes;
    const ids = edgeIds(doc);
    const byId = portText ? new Map(doc.nodes.map((n) => [n.id, n])) : null;
    const edges: CanvasEdge[] = edgesOf(doc).map((e, i) => {
      const id = ids[i]!;
      const edgeProblems = byTarget.edges.get(id) ?? [];
      const label = edgeLabel(e, portText && ((on) => portText(byId!.get(e.from), on)));
      const route = routes?.[id];
      return {
        id,
        type: 'routed',
        source: e.from,
        target: e.to,
        sourceHandle: e.on ?? 'out',
        targetHandle: 'in',
        selected: selE.has(id),
        className: edgeProblems.length ? 'edge-problem' : e.default ? 'edge-default' : undefined,
        data: {
          problems: edgeProblems,
          label,
          route:
            route && route.from === e.from && route.to === e.to && routeHolds(route, doc.layout)
              ? route
              : null,
        },
        ariaLabel: edgeName(e.from, e.to, label),
      };
    });
    return { nodes, edges };
  };
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => p.message === b[i]?.message && p.severity === b[i]?.severity);
}

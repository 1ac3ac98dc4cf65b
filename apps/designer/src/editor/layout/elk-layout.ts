import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import { edgeLabel } from '../canvas-graph';
import { edgeIds } from '../commands';
import { edgesOf, type FlowDoc, type XY } from '../flow-document';
import { footprint, LABEL_HEIGHT, portOffsets, shapeSize, type TextWidth } from './node-geometry';

/** The part of an ELK instance the layout uses (elkjs in a worker, or bundled in tests). */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** How one edge was routed: its bend points and its label box, valid while its ends stay put. */
export interface EdgeRoute {
  from: string;
  to: string;
  /** Top-left of both end nodes when the route was made; moving either voids the route. */
  fromAt: XY;
  toAt: XY;
  /** Start, bend points and end, in flow coordinates. */
  points: XY[];
  label: { x: number; y: number; width: number; height: number } | null;
}

/** A layout: every node's top-left corner and the routes of the edges by canonical id. */
export interface FlowLayout {
  positions: Record<string, XY>;
  routes: Record<string, EdgeRoute>;
}

/** Layered, top to bottom, orthogonal edges; labels are placed by the layout between layers. */
const OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.edgeNode': '24',
  'elk.spacing.edgeEdge': '14',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
  'elk.spacing.edgeLabel': '6',
  'elk.spacing.labelLabel': '8',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // Back edges are the ones returning to an earlier step (a retry), not the flow's main line.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
};

/** Padding ELK keeps around a label box, so neighbouring labels never touch. */
const LABEL_PAD = 10;

const inPort = (id: string) => `${id}::in`;
const outPort = (id: string, port: string) => `${id}::out::${port}`;

/**
 * The ELK graph of a flow: nodes sized as drawn (compact shapes with their caption beside
 * them), fixed ports where the node component draws its handles, edges from their outcome's
 * port with their label sized by `textWidth`. Pure.
 */
export function elkGraph(doc: FlowDoc, textWidth: TextWidth): ElkNode {
  const ids = edgeIds(doc);
  const known = new Set(doc.nodes.map((n) => n.id));
  const portsOf = new Map<string, ElkPort[]>();
  const children: ElkNode[] = doc.nodes.map((node) => {
    const size = footprint(node, textWidth);
    const offsets = portOffsets(node);
    const shape = shapeSize(node.type);
    const ports: ElkPort[] = [
      {
        id: inPort(node.id),
        x: offsets.in.x,
        y: 0,
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': 'NORTH' },
      },
      ...[...offsets.out].map(([port, at]) => ({
        id: outPort(node.id, port),
        x: at.x,
        y: shape.height,
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': 'SOUTH' },
      })),
    ];
    portsOf.set(node.id, ports);
    // Ports stay where the node component draws its handles (a node property, not the graph's).
    return {
      id: node.id,
      width: size.width,
      height: size.height,
      ports,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    };
  });
  const edges: ElkExtendedEdge[] = [];
  edgesOf(doc).forEach((e, i) => {
    if (!known.has(e.from) || !known.has(e.to)) return;
    const ports = portsOf.get(e.from)!;
    const source = outPort(e.from, e.on ?? 'out');
    // An edge on an outcome the node no longer offers still gets a port to leave from.
    if (!ports.some((p) => p.id === source)) {
      const node = doc.nodes.find((n) => n.id === e.from)!;
      const shape = shapeSize(node.type);
      ports.push({
        id: source,
        x: shape.width / 2,
        y: shape.height,
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': 'SOUTH' },
      });
    }
    const text = edgeLabel(e);
    edges.push({
      id: ids[i]!,
      sources: [source],
      targets: [inPort(e.to)],
      labels: text
        ? [{ id: `${ids[i]}::label`, text, width: textWidth(text) + LABEL_PAD, height: LABEL_HEIGHT + 4 }]
        : [],
    });
  });
  return { id: 'root', layoutOptions: OPTIONS, children, edges };
}

/** Reads node positions and edge routes out of a laid-out ELK graph. Pure. */
export function readLayout(doc: FlowDoc, laid: ElkNode): FlowLayout {
  const positions: Record<string, XY> = {};
  for (const child of laid.children ?? [])
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  const routes: Record<string, EdgeRoute> = {};
  const byId = new Map(edgesOf(doc).map((e, i) => [edgeIds(doc)[i]!, e]));
  for (const edge of laid.edges ?? []) {
    const e = byId.get(edge.id);
    const section = edge.sections?.[0];
    if (!e || !section || !positions[e.from] || !positions[e.to]) continue;
    const label = edge.labels?.[0];
    routes[edge.id] = {
      from: e.from,
      to: e.to,
      fromAt: positions[e.from]!,
      toAt: positions[e.to]!,
      points: snapOrthogonal([section.startPoint, ...(section.bendPoints ?? []), section.endPoint]),
      label:
        label && label.x !== undefined && label.y !== undefined
          ? {
              x: Math.round(label.x + LABEL_PAD / 2),
              y: Math.round(label.y + 2),
              width: Math.round((label.width ?? 0) - LABEL_PAD),
              height: LABEL_HEIGHT,
            }
          : null,
    };
  }
  return { positions, routes };
}

/** Rounds points to pixels, keeping segments that were (almost) straight exactly straight. Pure. */
function snapOrthogonal(points: readonly XY[]): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const at = { x: Math.round(p.x), y: Math.round(p.y) };
    const prev = out[out.length - 1];
    if (prev && Math.abs(prev.x - at.x) <= 1) at.x = prev.x;
    else if (prev && Math.abs(prev.y - at.y) <= 1) at.y = prev.y;
    out.push(at);
  }
  return out;
}

/** Lays a flow out with ELK (layered, orthogonal routing, ports, labels placed without overlap). */
export async function elkLayout(doc: FlowDoc, elk: ElkLike, textWidth: TextWidth): Promise<FlowLayout> {
  return readLayout(doc, await elk.layout(elkGraph(doc, textWidth)));
}

/** True while both ends of a route are where they were when it was laid out. Pure. */
export function routeHolds(route: EdgeRoute, layout: FlowDoc['layout']): boolean {
  const a = layout?.[route.from];
  const b = layout?.[route.to];
  return (
    a !== undefined &&
    b !== undefined &&
    a.x === route.fromAt.x &&
    a.y === route.fromAt.y &&
    b.x === route.toAt.x &&
    b.y === route.toAt.y
  );
}

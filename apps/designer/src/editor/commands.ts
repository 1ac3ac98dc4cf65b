import { edgeId, type NodeType } from '@caseflow/schema';
import { type DocEdge, type DocNode, edgesOf, type FlowDoc, uniqueId, type XY } from './flow-document';
import { newNode } from './node-catalog';

/**
 * One edit of the flow document as data: a name for the history, a pure `perform`, and an
 * optional `merge` key — consecutive commands with the same key (a drag) become one undo step.
 */
export interface Command {
  name: CommandName;
  merge?: string;
  perform(doc: FlowDoc): FlowDoc;
}

/**
 * How a command is named in the history: a message id of commands.messages.ts and its values.
 * `node`, `from` and `to` hold node ids and `edge` an edge id, read as their canvas labels when
 * the name is shown (command-name.ts); `type` a node type, `field` a flow field.
 */
export interface CommandName {
  id: string;
  values?: Record<string, string | number>;
}

/** The canonical ids of a document's edges, in order (see schema `edgeId`). Pure. */
export function edgeIds(doc: FlowDoc): string[] {
  const all = edgesOf(doc);
  return all.map((e, i) => edgeId(e, i, all));
}

/** Adds a new node of `type` at `at`; its id derives from the type and is unique. */
export function addNode(type: NodeType, at: XY, id?: string): Command {
  return {
    name: { id: 'command.add', values: { type } },
    perform(doc) {
      const nodeId =
        id ??
        uniqueId(
          type,
          doc.nodes.map((n) => n.id),
        );
      return {
        ...doc,
        nodes: [...doc.nodes, newNode(type, nodeId)],
        layout: { ...doc.layout, [nodeId]: { x: Math.round(at.x), y: Math.round(at.y) } },
      };
    },
  };
}

/** Moves nodes to new positions; repeated moves of the same nodes merge into one undo step. */
export function moveNodes(positions: Record<string, XY>): Command {
  const ids = Object.keys(positions).sort();
  return {
    name:
      ids.length === 1
        ? { id: 'command.moveNode', values: { node: ids[0]! } }
        : { id: 'command.moveNodes', values: { count: ids.length } },
    merge: `move:${ids.join(',')}`,
    perform(doc) {
      const layout = { ...doc.layout };
      for (const [id, p] of Object.entries(positions))
        layout[id] = { x: Math.round(p.x), y: Math.round(p.y) };
      return { ...doc, layout };
    },
  };
}

/** Sets every given position at once (auto-layout); one undo step. */
export function applyLayout(positions: Record<string, XY>): Command {
  return {
    name: { id: 'command.layout' },
    perform: (doc) => ({ ...doc, layout: { ...doc.layout, ...positions } }),
  };
}

/**
 * Connects `from` to `to`, leaving by `on` (null for a plain edge). The first edge out of a
 * decision becomes its default. Self-loops and exact duplicates are ignored.
 */
export function connect(from: string, to: string, on: string | null): Command {
  return {
    name: { id: 'command.connect', values: { from, to } },
    perform(doc) {
      const edges = edgesOf(doc);
      if (from === to) return doc;
      if (edges.some((e) => e.from === from && e.to === to && (e.on ?? null) === on)) return doc;
      const source = doc.nodes.find((n) => n.id === from);
      const edge: DocEdge = { from, to };
      if (on) edge.on = on;
      if (source?.type === 'decision' && !edges.some((e) => e.from === from && e.default))
        edge.default = true;
      return { ...doc, edges: [...edges, edge] };
    },
  };
}

/** Deletes nodes (with their edges and positions) and edges given by canonical id. */
export function removeElements(nodeIds: readonly string[], edgeIdList: readonly string[] = []): Command {
  const nodes = new Set(nodeIds);
  const edgesGone = new Set(edgeIdList);
  const count = nodes.size + edgesGone.size;
  return {
    name:
      count !== 1
        ? { id: 'command.deleteMany', values: { count } }
        : nodes.size === 1
          ? { id: 'command.deleteNode', values: { node: [...nodes][0]! } }
          : { id: 'command.deleteEdge', values: { edge: [...edgesGone][0]! } },
    perform(doc) {
      const ids = edgeIds(doc);
      const edges = edgesOf(doc).filter(
        (e, i) => !edgesGone.has(ids[i]!) && !nodes.has(e.from) && !nodes.has(e.to),
      );
      const layout = Object.fromEntries(Object.entries(doc.layout ?? {}).filter(([id]) => !nodes.has(id)));
      return { ...doc, nodes: doc.nodes.filter((n) => !nodes.has(n.id)), edges, layout };
    },
  };
}

/**
 * Replaces node `id` with `node`. When the id changes, edges, the layout and SLA node
 * references follow the new id so the graph stays connected.
 */
export function updateNode(id: string, node: DocNode): Command {
  return {
    name:
      node.id === id
        ? { id: 'command.editNode', values: { node: id } }
        : { id: 'command.renameNode', values: { node: id, id: node.id } },
    merge: node.id === id ? `edit:${id}` : undefined,
    perform(doc) {
      if (node.id !== id && doc.nodes.some((n) => n.id === node.id)) return doc;
      const nodes = doc.nodes.map((n) => (n.id === id ? node : n));
      if (node.id === id) return { ...doc, nodes };
      const swap = (x: string) => (x === id ? node.id : x);
      const edges = edgesOf(doc).map((e) =>
        e.from === id || e.to === id ? { ...e, from: swap(e.from), to: swap(e.to) } : e,
      );
      const layout = Object.fromEntries(Object.entries(doc.layout ?? {}).map(([k, v]) => [swap(k), v]));
      const slas = (doc.slas ?? []).map((s) => ({
        ...s,
        start: s.start.atNodes ? { ...s.start, atNodes: s.start.atNodes.map(swap) } : s.start,
        stop: s.stop.atNodes ? { ...s.stop, atNodes: s.stop.atNodes.map(swap) } : s.stop,
        pause: s.pause?.atNodes ? { ...s.pause, atNodes: s.pause.atNodes.map(swap) } : s.pause,
      }));
      return { ...doc, nodes, edges, layout, slas };
    },
  };
}

/** Changes one edge (by canonical id). Making it the default unsets the source's other defaults. */
export function updateEdge(id: string, edge: DocEdge): Command {
  return {
    name: { id: 'command.editEdge', values: { edge: id } },
    merge: `edge:${id}`,
    perform(doc) {
      const ids = edgeIds(doc);
      const index = ids.indexOf(id);
      if (index < 0) return doc;
      const edges = edgesOf(doc).map((e, i) => {
        if (i === index) return edge;
        if (edge.default && e.from === edge.from && e.default) {
          const { default: _dropped, ...rest } = e;
          return rest;
        }
        return e;
      });
      return { ...doc, edges };
    },
  };
}

type FlowFields = Omit<FlowDoc, 'nodes' | 'edges' | 'layout'>;

/** Changes flow-level fields (name, kind, variables, tiers, calendar, SLAs). */
export function updateFlow(patch: Partial<FlowFields>, what: FlowField = 'settings'): Command {
  return {
    name: { id: 'command.editFlow', values: { field: what } },
    merge: `flow:${what}`,
    perform: (doc) => ({ ...doc, ...patch }),
  };
}

/** The flow-level parts an edit is named after (commands.messages.ts `command.field.*`). */
export type FlowField =
  | 'settings'
  | 'name'
  | 'description'
  | 'kind'
  | 'calendar'
  | 'tiers'
  | 'slas'
  | 'variables';

/** Replaces the whole document (import). */
export function replaceDocument(next: FlowDoc): Command {
  return { name: { id: 'command.import' }, perform: () => next };
}

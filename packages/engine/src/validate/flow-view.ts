import { NODE_TYPES, type NodeType } from '@caseflow/schema';

const KNOWN_TYPES: ReadonlySet<string> = new Set(NODE_TYPES);

/**
 * A forgiving read of a flow definition that may not pass the schema. validateFlow runs its
 * structural checks on this view so that a designer sees graph mistakes and schema mistakes
 * at once, instead of fixing the schema first and only then learning the graph is broken.
 */

/** A plain JSON object, as far as a raw definition lets us tell. */
export type JsonObject = Record<string, unknown>;

/** One entry of `nodes`, with the fields every check needs read defensively. */
export interface NodeView {
  index: number;
  /** The id when it is a string (it may still break the id pattern: the schema says so). */
  id: string | undefined;
  type: string | undefined;
  raw: JsonObject;
}

/** One entry of `edges`, addressed by its canonical id (see `edgeId` in @caseflow/schema). */
export interface EdgeView {
  index: number;
  id: string;
  /** The id written in the definition, when there is one. */
  explicitId: string | undefined;
  from: string | undefined;
  to: string | undefined;
  on: string | undefined;
  when: unknown;
  isDefault: boolean;
  raw: JsonObject;
}

/** A definition read for checking: its nodes and edges, and the adjacency between them. */
export interface FlowView {
  /** The definition when it is an object, else an empty object. */
  raw: JsonObject;
  nodes: NodeView[];
  edges: EdgeView[];
  /** First node with each id; later duplicates are reported, not indexed. */
  byId: Map<string, NodeView>;
  /** Edges leaving each node id, in definition order (ids need not exist). */
  outgoing: Map<string, EdgeView[]>;
  /** Edges entering each node id, in definition order. */
  incoming: Map<string, EdgeView[]>;
}

/** True for a non-null, non-array object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a string, else undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The entries of a JSON object, or none when the value is not one. */
export function entriesOf(value: unknown): Array<[string, unknown]> {
  return isObject(value) ? Object.entries(value) : [];
}

/**
 * Builds the view in one pass over nodes and edges. Entries that are not objects are
 * skipped (the schema reports them). Edge ids follow `edgeId` exactly — explicit id, else
 * `from->to`, with `#n` for the n-th id-less twin — but are counted in linear time.
 */
export function readFlow(def: unknown): FlowView {
  const raw = isObject(def) ? def : {};
  const nodes: NodeView[] = [];
  const byId = new Map<string, NodeView>();
  if (Array.isArray(raw.nodes)) {
    raw.nodes.forEach((node: unknown, index) => {
      if (!isObject(node)) return;
      const view: NodeView = { index, id: asString(node.id), type: asString(node.type), raw: node };
      nodes.push(view);
      if (view.id !== undefined && !byId.has(view.id)) byId.set(view.id, view);
    });
  }

  const edges: EdgeView[] = [];
  const outgoing = new Map<string, EdgeView[]>();
  const incoming = new Map<string, EdgeView[]>();
  const twins = new Map<string, number>();
  if (Array.isArray(raw.edges)) {
    raw.edges.forEach((edge: unknown, index) => {
      if (!isObject(edge)) return;
      const from = asString(edge.from);
      const to = asString(edge.to);
      const explicitId = asString(edge.id);
      let id: string;
      if (explicitId) {
        id = explicitId;
      } else {
        // A missing end reads as `?` so the id still names the edge; the schema reports the gap.
        const base = `${from ?? '?'}->${to ?? '?'}`;
        const seen = twins.get(base) ?? 0;
        twins.set(base, seen + 1);
        id = seen === 0 ? base : `${base}#${seen + 1}`;
      }
      const view: EdgeView = {
        index,
        id,
        explicitId,
        from,
        to,
        on: asString(edge.on),
        when: edge.when,
        isDefault: edge.default === true,
        raw: edge,
      };
      edges.push(view);
      if (from !== undefined) push(outgoing, from, view);
      if (to !== undefined) push(incoming, to, view);
    });
  }
  return { raw, nodes, edges, byId, outgoing, incoming };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** True when `type` is one of NODE_TYPES. */
export function isKnownType(type: string | undefined): type is NodeType {
  return type !== undefined && KNOWN_TYPES.has(type);
}

/** How messages name a node: `task "triage"`, or `nodes[3]` when it has no usable id. */
export function nodeName(node: NodeView): string {
  const kind = isKnownType(node.type) ? node.type : 'node';
  return node.id !== undefined ? `${kind} "${node.id}"` : `nodes[${node.index}]`;
}

/** How messages name an edge: `edge "triage->closed"`. */
export function edgeName(edge: EdgeView): string {
  return `edge "${edge.id}"`;
}

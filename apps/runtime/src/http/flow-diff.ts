import { type Edge, edgeId } from '@caseflow/schema';

/** One changed node or edge: its id and the names of the fields that differ. */
export interface ChangedItem {
  id: string;
  fields: string[];
}

/** What changed between two flow definitions (nodes by id, edges by canonical edge id). */
export interface FlowDiff {
  nodes: { added: string[]; removed: string[]; changed: ChangedItem[] };
  edges: { added: string[]; removed: string[]; changed: ChangedItem[] };
  /** Top-level fields other than nodes, edges and layout (name, tiers, slas, calendar…). */
  flow: { changed: string[] };
}

type Json = Record<string, unknown>;

/** Canonical JSON: object keys sorted, so key order never counts as a change. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Json;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function changedFields(a: Json, b: Json, ignore: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !ignore.includes(k) && canonical(a[k]) !== canonical(b[k])).sort();
}

function byId<T>(items: T[], id: (item: T, index: number) => string): Map<string, T> {
  return new Map(items.map((item, i) => [id(item, i), item]));
}

function compare(from: Map<string, Json>, to: Map<string, Json>) {
  const added = [...to.keys()].filter((k) => !from.has(k));
  const removed = [...from.keys()].filter((k) => !to.has(k));
  const changed: ChangedItem[] = [];
  for (const [id, before] of from) {
    const after = to.get(id);
    if (!after) continue;
    const fields = changedFields(before, after);
    if (fields.length > 0) changed.push({ id, fields });
  }
  return { added, removed, changed };
}

function arrayOf(def: Json, key: string): Json[] {
  const v = def[key];
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : [];
}

/**
 * Structural diff of two flow definitions, as the designer's version view draws it. Pure.
 * Layout (canvas positions) is ignored: moving a node is not a change of behaviour.
 */
export function diffFlows(fromDef: unknown, toDef: unknown): FlowDiff {
  const a = (fromDef ?? {}) as Json;
  const b = (toDef ?? {}) as Json;
  const nodeId = (n: Json) => String(n.id);
  const edgeKey = (all: Json[]) => (e: Json, i: number) =>
    edgeId(e as unknown as Edge, i, all as unknown as Edge[]);
  const edgesA = arrayOf(a, 'edges');
  const edgesB = arrayOf(b, 'edges');
  return {
    nodes: compare(byId(arrayOf(a, 'nodes'), nodeId), byId(arrayOf(b, 'nodes'), nodeId)),
    edges: compare(byId(edgesA, edgeKey(edgesA)), byId(edgesB, edgeKey(edgesB))),
    flow: { changed: changedFields(a, b, ['nodes', 'edges', 'layout']) },
  };
}

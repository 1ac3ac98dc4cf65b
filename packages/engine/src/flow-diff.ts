import { type Edge, edgeId, type FlowDefinition } from '@caseflow/schema';

/** An item present on both sides whose content differs, with the top-level fields that differ. */
export interface ChangedItem {
  id: string;
  fields: string[];
}

/** Items by id: added (only in `to`), removed (only in `from`), changed (in both, different). */
export interface ItemDiff {
  added: string[];
  removed: string[];
  changed: ChangedItem[];
}

/** What changed between two versions of a flow. */
export interface FlowDiff {
  nodes: ItemDiff;
  edges: ItemDiff;
  /** Changed top-level fields other than nodes, edges and layout: name, tiers, slas, calendar… */
  settings: string[];
}

/** Fields compared elsewhere (nodes, edges) or not part of behaviour (layout). */
const NOT_SETTINGS = new Set(['nodes', 'edges', 'layout']);

/**
 * JSON equality: key order does not matter, array order does, and a property holding
 * `undefined` equals a missing one (as after a JSON round trip).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!jsonEqual(x[key], y[key])) return false;
  return true;
}

/** Top-level fields whose values differ, in the order they first appear (`to`, then `from`). */
function changedFields(from: object, to: object, skip: ReadonlySet<string>): string[] {
  const x = from as Record<string, unknown>;
  const y = to as Record<string, unknown>;
  const keys = new Set([...Object.keys(y), ...Object.keys(x)]);
  return [...keys].filter((key) => !skip.has(key) && !jsonEqual(x[key], y[key]));
}

/** Items keyed by id; on duplicate ids (an invalid draft) the first one wins. */
function byId<T extends object>(
  items: readonly T[],
  idOf: (item: T, index: number) => string,
): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, index) => {
    const id = idOf(item, index);
    if (!map.has(id)) map.set(id, item);
  });
  return map;
}

function diffItems<T extends object>(
  from: readonly T[],
  to: readonly T[],
  idOf: (item: T, index: number, all: readonly T[]) => string,
  skip: ReadonlySet<string>,
): ItemDiff {
  const before = byId(from, (item, i) => idOf(item, i, from));
  const after = byId(to, (item, i) => idOf(item, i, to));
  const diff: ItemDiff = { added: [], removed: [], changed: [] };
  for (const [id, item] of after) {
    const old = before.get(id);
    if (!old) diff.added.push(id);
    else {
      const fields = changedFields(old, item, skip);
      if (fields.length > 0) diff.changed.push({ id, fields });
    }
  }
  for (const id of before.keys()) if (!after.has(id)) diff.removed.push(id);
  return diff;
}

const NODE_SKIP = new Set(['id']);
const EDGE_SKIP = new Set(['id']);

/**
 * Compares two versions of a flow, both parsed (defaults applied, so a default written out
 * and a default left implicit compare equal). Nodes are matched by id, edges by `edgeId`
 * (their `id`, else `from->to`), so re-pointing an edge shows as one removed and one added.
 * Lists follow document order: added and changed as in `to`, removed as in `from`.
 * `layout` is ignored. Pure.
 */
export function diffFlows(from: FlowDefinition, to: FlowDefinition): FlowDiff {
  return {
    nodes: diffItems(from.nodes, to.nodes, (node) => node.id, NODE_SKIP),
    edges: diffItems<Edge>(from.edges, to.edges, edgeId, EDGE_SKIP),
    settings: changedFields(from, to, NOT_SETTINGS),
  };
}

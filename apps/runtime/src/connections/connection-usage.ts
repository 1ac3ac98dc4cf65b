import type { Store } from '../store/store';

/** A flow version that calls a connection. */
export interface ConnectionUse {
  flow: string;
  version: number;
}

/**
 * The flow versions in use for new cases — each flow's active version and the candidate of
 * every active pilot — whose http actions name `connection`. Deleting the connection would
 * make their next call fail, so DELETE answers 409 with this list.
 */
export async function activeUsesOf(store: Store, connection: string): Promise<ConnectionUse[]> {
  const [flows, pilots] = await Promise.all([store.flows.list(), store.pilots.list()]);
  const wanted = new Map<string, ConnectionUse>();
  for (const f of flows) {
    if (f.activeVersion !== null)
      wanted.set(`${f.key}@${f.activeVersion}`, { flow: f.key, version: f.activeVersion });
  }
  for (const p of pilots) {
    if (p.status === 'active') wanted.set(`${p.flow}@${p.version}`, { flow: p.flow, version: p.version });
  }
  const uses: ConnectionUse[] = [];
  for (const use of wanted.values()) {
    const row = await store.flowVersions.get(use.flow, use.version);
    if (row && connectionsOf(row.definition).has(connection)) uses.push(use);
  }
  return uses.sort((a, b) => a.flow.localeCompare(b.flow) || a.version - b.version);
}

/** The connection names a flow definition's http actions call. */
export function connectionsOf(definition: unknown): Set<string> {
  const names = new Set<string>();
  const nodes = (definition as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return names;
  for (const node of nodes) {
    const action = (node as { action?: { kind?: unknown; connection?: unknown } } | null)?.action;
    if (action?.kind === 'http' && typeof action.connection === 'string') names.add(action.connection);
  }
  return names;
}

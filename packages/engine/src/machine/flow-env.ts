import type { BusinessCalendar, FlowDefinition, FlowNode, NodeOf, NodeType } from '@caseflow/schema';

/** What the machine's actions and guards know of their flow: read-only, built once per compile. */
export interface FlowEnv {
  def: FlowDefinition;
  byId: Map<string, FlowNode>;
  calendars: Record<string, BusinessCalendar>;
  /** Node ids each text (expression, template) of the flow mentions; filled on first use. */
  idsIn: Map<string, ReadonlySet<string>>;
}

export function createFlowEnv(
  def: FlowDefinition,
  calendars: Record<string, BusinessCalendar> = {},
): FlowEnv {
  return { def, byId: new Map(def.nodes.map((n) => [n.id, n])), calendars, idsIn: new Map() };
}

/**
 * The ids of this flow's nodes that `text` mentions. Ids are `[a-z][a-z0-9-]*`, so every run of
 * those characters and each of its dash-separated parts is a candidate: linear in the text; it
 * may over-include (harmless) but never misses a node result an expression can name.
 */
export function nodeIdsIn(env: FlowEnv, text: string): ReadonlySet<string> {
  let found = env.idsIn.get(text);
  if (found) return found;
  const ids = new Set<string>();
  for (const run of text.match(/[a-z0-9-]+/g) ?? []) {
    const parts = run.split('-');
    for (let i = 0; i < parts.length; i++) {
      let name = parts[i]!;
      if (env.byId.has(name)) ids.add(name);
      for (let j = i + 1; j < parts.length; j++) {
        name = `${name}-${parts[j]}`;
        if (env.byId.has(name)) ids.add(name);
      }
    }
  }
  found = ids;
  env.idsIn.set(text, found);
  return found;
}

/** The node `id`, which must be of `type` (the compiler only wires actions to matching nodes). */
export function nodeOf<T extends NodeType>(env: FlowEnv, id: string, type: T): NodeOf<T> {
  const node = env.byId.get(id);
  if (!node || node.type !== type) throw new Error(`engine: node "${id}" is not a ${type}`);
  return node as NodeOf<T>;
}

/** The calendar for a key; "24x7" and unknown keys mean round-the-clock time. */
export function calendarFor(env: FlowEnv, key: string): BusinessCalendar | undefined {
  return key === '24x7' ? undefined : env.calendars[key];
}

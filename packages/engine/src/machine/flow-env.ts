import type { BusinessCalendar, FlowDefinition, FlowNode, NodeOf, NodeType } from '@caseflow/schema';

/** What the machine's actions and guards know of their flow: read-only, built once per compile. */
export interface FlowEnv {
  def: FlowDefinition;
  byId: Map<string, FlowNode>;
  calendars: Record<string, BusinessCalendar>;
}

export function createFlowEnv(
  def: FlowDefinition,
  calendars: Record<string, BusinessCalendar> = {},
): FlowEnv {
  return { def, byId: new Map(def.nodes.map((n) => [n.id, n])), calendars };
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

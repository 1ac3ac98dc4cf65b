import type { FlowDoc } from '../editor/flow-document';
import { nodeLabel } from '../editor/node-catalog';
import { CASE_SLA_EVENTS, type CaseSlaEvent } from '../editor/pickers/sla-events';

/** A signal the flow's wait nodes listen for, the labels of those nodes, and whether the case waits for it now. */
export interface SimSignal {
  name: string;
  waitedAt: string[];
  waitingNow: boolean;
}

/**
 * The signals an owner may send the simulated case: every one a wait node of the flow names
 * (by name, with the nodes' labels), those the case waits for now first. A signal the case
 * waits for that the flow does not name (a node of an older draft) is listed too. Pure.
 */
export function simSignals(doc: FlowDoc, waiting: readonly string[]): SimSignal[] {
  const byName = new Map<string, string[]>();
  for (const node of doc.nodes) {
    if (node.type !== 'wait' || !node.signal) continue;
    byName.set(node.signal, [...(byName.get(node.signal) ?? []), nodeLabel(node)]);
  }
  for (const name of waiting) if (!byName.has(name)) byName.set(name, []);
  return [...byName.entries()]
    .map(([name, waitedAt]) => ({ name, waitedAt, waitingNow: waiting.includes(name) }))
    .sort((a, b) => Number(b.waitingNow) - Number(a.waitingNow) || a.name.localeCompare(b.name));
}

/**
 * The case events the flow's case SLAs start or stop on that happen after the case opened
 * (an agent's first answer), which the owner plays in the simulator. Pure.
 */
export function simCaseEvents(doc: FlowDoc): CaseSlaEvent[] {
  const used = new Set((doc.slas ?? []).flatMap((s) => [s.start?.event, s.stop?.event]));
  return CASE_SLA_EVENTS.filter((e) => e !== 'case.opened' && used.has(e));
}

import type { FlowDoc } from '../flow-document';
import { nodeLabel } from '../node-catalog';

/** A signal name a flow already uses, and the nodes (by their canvas labels) that use it. */
export interface FlowSignal {
  name: string;
  usedBy: string[];
}

/**
 * The signal names of a flow, by name: those its wait nodes wait for and the one its start
 * node is triggered by, each with the labels of the nodes using it. `except` leaves out a node
 * (the one being edited, whose own signal is its value already). Pure.
 */
export function flowSignals(doc: FlowDoc, except?: string): FlowSignal[] {
  const byName = new Map<string, string[]>();
  for (const node of doc.nodes) {
    if (node.id === except) continue;
    const name =
      node.type === 'wait'
        ? node.signal
        : node.type === 'start' && node.trigger?.kind === 'signal'
          ? node.trigger.signal
          : undefined;
    if (!name) continue;
    byName.set(name, [...(byName.get(name) ?? []), nodeLabel(node)]);
  }
  return [...byName.entries()]
    .map(([name, usedBy]) => ({ name, usedBy }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

import { type Locale, type LocalizedLabel, outcomeLabel } from '@caseflow/schema';
import type { FlowDoc } from '../editor/flow-document';
import { nodeLabel } from '../editor/node-catalog';

/** A node of the flow as the canvas labels it; an id the flow does not hold stays as it is. Pure. */
export function nodeTitle(doc: FlowDoc, id: string): string {
  const node = doc.nodes.find((n) => n.id === id);
  return node ? nodeLabel(node) : id;
}

/** An outcome of the task node `nodeId` as agents will read it in `locale` (its label, else the id). Pure. */
export function outcomeTitle(doc: FlowDoc, nodeId: string, outcome: string, locale: Locale): string {
  const node = doc.nodes.find((n) => n.id === nodeId) as
    | { outcomeLabels?: Record<string, LocalizedLabel> }
    | undefined;
  return outcomeLabel(node?.outcomeLabels, outcome, locale);
}

/** A tier by its name ("Card operations" for L2); an id the flow does not hold stays. Pure. */
export function tierTitle(doc: FlowDoc, id: string): string {
  return doc.tiers?.find((tier) => tier.id === id)?.name ?? id;
}

/**
 * What an SLA clock counts, as the owner named it: a case SLA by its name (or the id the owner
 * gave it), a task or approval SLA by its step's label. Pure.
 */
export function slaSubject(
  doc: FlowDoc,
  clock: { scope: 'case' | 'task'; defId: string },
): { kind: 'case' | 'step'; name: string } {
  if (clock.scope === 'task') return { kind: 'step', name: nodeTitle(doc, clock.defId) };
  const sla = doc.slas?.find((s) => s.id === clock.defId);
  return { kind: 'case', name: sla?.name || clock.defId };
}

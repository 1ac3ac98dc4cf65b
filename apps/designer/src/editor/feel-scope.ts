import { edgesOf, type FlowDoc } from './flow-document';

/** One completion offered in a FEEL editor. */
export interface ScopeName {
  label: string;
  detail: string;
}

const CASE_FIELDS = ['id', 'customerId', 'channel', 'subject', 'priority', 'variables'];
/** The customer profile's fixed fields (attributes come on top, by name). */
const CUSTOMER_FIELDS: ScopeName[] = [
  ...['id', 'name', 'email', 'phone', 'segment', 'tags'].map((f) => ({
    label: `customer.${f}`,
    detail: 'customer field',
  })),
  { label: 'customer.viewedArticles', detail: 'help articles read in the 30 days before the case' },
];

function schemaProperties(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const props = (schema as { properties?: unknown }).properties;
  return typeof props === 'object' && props !== null ? Object.keys(props) : [];
}

/** Ids of nodes that run before `nodeId` (its ancestors along the edges). Pure. */
export function ancestorsOf(doc: FlowDoc, nodeId: string): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const e of edgesOf(doc)) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
  const seen = new Set<string>();
  const queue = [...(incoming.get(nodeId) ?? [])];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(incoming.get(id) ?? []));
  }
  return seen;
}

/**
 * The names a FEEL expression at `nodeId` may read: `case` and its fields, case variables,
 * `customer`, `env`, and each node that ran before it with its result fields (task form fields,
 * `result` of http actions and subflows). Without a node, every node counts. Pure.
 */
export function feelScope(doc: FlowDoc, nodeId?: string): ScopeName[] {
  const out: ScopeName[] = [
    { label: 'case', detail: 'the case' },
    ...CASE_FIELDS.map((f) => ({ label: `case.${f}`, detail: 'case field' })),
    ...schemaProperties(doc.variables).map((v) => ({
      label: `case.variables.${v}`,
      detail: 'case variable',
    })),
    ...schemaProperties(doc.variables).map((v) => ({ label: v, detail: 'case variable' })),
    { label: 'customer', detail: 'customer profile' },
    ...CUSTOMER_FIELDS,
    { label: 'env', detail: 'allow-listed settings' },
  ];
  const before = nodeId ? ancestorsOf(doc, nodeId) : new Set(doc.nodes.map((n) => n.id));
  for (const node of doc.nodes) {
    if (!before.has(node.id)) continue;
    if (node.type === 'task') {
      out.push({ label: node.id, detail: `task result (${node.title})` });
      for (const f of schemaProperties(node.form))
        out.push({ label: `${node.id}.${f}`, detail: 'form field' });
    } else if (node.type === 'approval') {
      out.push(
        { label: node.id, detail: 'approval result' },
        { label: `${node.id}.decision`, detail: 'approved | rejected' },
      );
    } else if (node.type === 'action' || node.type === 'subflow' || node.type === 'wait') {
      out.push(
        { label: node.id, detail: `${node.type} result` },
        { label: `${node.id}.result`, detail: `${node.type} result` },
      );
    }
  }
  return out;
}

/** The top-level names of a scope (what FEEL must know to read dashed node ids as one name). Pure. */
export function scopeRoots(names: readonly ScopeName[]): string[] {
  return [...new Set(names.map((n) => n.label.split('.')[0]!))];
}

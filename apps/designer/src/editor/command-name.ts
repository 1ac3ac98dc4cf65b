import type { MessageValues } from '../i18n/use-t';
import type { CommandName } from './commands';
import { edgeIds } from './commands';
import { edgesOf, type FlowDoc } from './flow-document';
import { nodeLabel } from './node-catalog';

/**
 * A command's history name as the owner reads it ("Move “Triage the report”"): its message in
 * their language, node ids read as the nodes' labels and edges as "from → to", looked up in
 * `docs` in order (the current document, then the one the history entry kept: a deleted
 * node is found in the latter). An id found nowhere stays as written. Pure.
 */
export function describeCommand(
  name: CommandName,
  docs: readonly FlowDoc[],
  t: (id: string, values?: MessageValues) => string,
): string {
  const node = (id: string) => {
    for (const doc of docs) {
      const found = doc.nodes.find((n) => n.id === id);
      if (found) return nodeLabel(found);
    }
    return id;
  };
  const edge = (id: string) => {
    for (const doc of docs) {
      const index = edgeIds(doc).indexOf(id);
      const found = edgesOf(doc)[index];
      if (found) return t('command.edge', { from: node(found.from), to: node(found.to) });
    }
    return id;
  };
  const values: MessageValues = {};
  for (const [key, value] of Object.entries(name.values ?? {})) {
    const text = String(value);
    if (key === 'node' || key === 'from' || key === 'to') values[key] = node(text);
    else if (key === 'edge') values[key] = edge(text);
    else if (key === 'type') values.kind = t(`node.kind.${text}`);
    else if (key === 'field') values[key] = t(`command.field.${text}`);
    else values[key] = value;
  }
  return t(name.id, values);
}

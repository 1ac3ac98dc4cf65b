import { describe, expect, it } from 'vitest';
import { describeCommand } from './command-name';
import { connect, moveNodes, removeElements, updateFlow } from './commands';
import { en } from './commands.messages';
import type { FlowDoc } from './flow-document';

/** start ──▶ triage ("Triage the report") */
const doc: FlowDoc = {
  key: 'f',
  name: 'F',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'triage', type: 'task', title: 'Triage the report', outcomes: ['done'] },
  ],
  edges: [{ from: 'start', to: 'triage' }],
};

/** A `t` over the English catalog with simple `{name}` and `#` plural arguments. */
const t = (id: string, values: Record<string, unknown> = {}) => {
  const text = (en as Record<string, string>)[id] ?? (id.startsWith('node.kind.') ? 'Task' : id);
  return text
    .replace(/\{count, plural, one \{# (\w+)\} other \{# (\w+)\}\}/, (_, one, other) =>
      values.count === 1 ? `1 ${one}` : `${values.count} ${other}`,
    )
    .replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
};

describe('describeCommand', () => {
  it('names nodes by their labels and edges by their ends, never by ids', () => {
    expect(describeCommand(moveNodes({ triage: { x: 1, y: 2 } }).name, [doc], t)).toBe(
      'move “Triage the report”',
    );
    expect(describeCommand(connect('start', 'triage', null).name, [doc], t)).toBe(
      'connect “start” to “Triage the report”',
    );
    expect(describeCommand(removeElements([], ['start->triage']).name, [doc], t)).toBe(
      'delete the connection “start” → “Triage the report”',
    );
    expect(describeCommand(updateFlow({ name: 'G' }, 'name').name, [doc], t)).toBe('edit the flow name');
  });

  it('finds a deleted node in the document the history step kept', () => {
    const gone: FlowDoc = { ...doc, nodes: [doc.nodes[0]!], edges: [] };
    expect(describeCommand(removeElements(['triage']).name, [gone, doc], t)).toBe(
      'delete “Triage the report”',
    );
    expect(describeCommand(removeElements(['a', 'b']).name, [doc], t)).toBe('delete 2 elements');
  });
});

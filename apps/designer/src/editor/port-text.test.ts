import { describe, expect, it } from 'vitest';
import type { DocNode } from './flow-document';
import { portText } from './port-text';

const words: Record<string, string> = { 'port.approved': 'aprovado', 'port.timeout': 'prazo esgotado' };
const t = (id: string) => words[id] ?? `?${id}`;

describe('portText', () => {
  const task: DocNode = {
    id: 'check',
    type: 'task',
    title: 'Check',
    outcomes: ['done', 'approved'],
    outcomeLabels: { done: { en: 'Done', 'pt-BR': 'Concluído' } },
  };

  it("writes a task's outcome as its label in the reader's language, else as its id", () => {
    expect(portText(task, 'done', 'pt-BR', t)).toBe('Concluído');
    expect(portText(task, 'done', 'en', t)).toBe('Done');
    // The author's own outcome named like a built-in one stays the author's word.
    expect(portText(task, 'approved', 'pt-BR', t)).toBe('approved');
  });

  it('translates the outcomes node types offer themselves, and leaves a signal as written', () => {
    const approval = { id: 'a', type: 'approval', title: 'A', approvers: ['x'] } as unknown as DocNode;
    expect(portText(approval, 'approved', 'pt-BR', t)).toBe('aprovado');
    const wait = { id: 'w', type: 'wait', signal: 'timeout' } as unknown as DocNode;
    expect(portText(wait, 'timeout', 'pt-BR', t)).toBe('timeout');
    const waitWithTimeout = { id: 'w', type: 'wait', signal: 'paid' } as unknown as DocNode;
    expect(portText(waitWithTimeout, 'timeout', 'pt-BR', t)).toBe('prazo esgotado');
    expect(portText(undefined, 'custom', 'pt-BR', t)).toBe('custom');
    expect(portText(undefined, '__proto__', 'pt-BR', t)).toBe('__proto__');
  });
});

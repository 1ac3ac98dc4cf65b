import { validateFlow } from '@caseflow/engine';
import { PROBLEM_CODES, type Problem } from '@caseflow/schema';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { MessageValues } from '../i18n/use-t';
import { problemPath, problemText } from './problem-text';
import { en, ptBR } from './problems.messages';

function translator(catalog: Record<string, string>, locale: string) {
  const t = (id: string, values?: MessageValues) =>
    String(new IntlMessageFormat(catalog[id] ?? id, locale).format(values as Record<string, string>));
  const has = (id: string) => id in catalog;
  return (p: Problem) => problemText(p, t, has);
}

describe('problem messages', () => {
  it.each(PROBLEM_CODES)('%s has a message and a hint in English and Portuguese', (code) => {
    for (const catalog of [en, ptBR] as Array<Record<string, string>>) {
      expect(catalog[`problem.${code}`], code).toBeTruthy();
      expect(catalog[`problem.${code}.hint`], code).toBeTruthy();
    }
  });

  it('translates what validateFlow finds, naming the node', () => {
    const problems = validateFlow({
      key: 'demo',
      name: 'Demo',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'lost', type: 'end' },
        { id: 'done', type: 'end' },
      ],
      edges: [{ id: 'e1', from: 'start', to: 'done' }],
    });
    const unreachable = problems.find((p) => p.code === 'unreachable-node');
    expect(unreachable).toBeDefined();
    expect(translator(ptBR, 'pt-BR')(unreachable!)).toEqual({
      message: 'A etapa "lost" não pode ser alcançada a partir do início.',
      hint: 'Ligue uma etapa anterior a ela ou exclua-a.',
    });
    expect(translator(en, 'en')(unreachable!).message).toBe('Step "lost" cannot be reached from the start.');
  });

  it('names nodes and edges by their titles when it has the flow definition, not by ids', () => {
    const definition = {
      key: 'demo',
      name: 'Demo',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'confirm-address', type: 'task', title: 'Confirm the address', outcomes: ['ok'] },
        { id: 'lost', type: 'end', name: 'Never reached' },
      ],
      edges: [
        { from: 'start', to: 'confirm-address' },
        { from: 'confirm-address', to: 'nowhere', on: 'ok' },
      ],
    };
    const t = (id: string, values?: MessageValues) =>
      String(new IntlMessageFormat((en as Record<string, string>)[id] ?? id, 'en').format(values as never));
    const say = (p: Problem) => problemText(p, t, (id) => id in en, definition).message;
    const problems = validateFlow(definition);
    expect(say(problems.find((p) => p.code === 'unreachable-node')!)).toBe(
      'Step "Never reached" cannot be reached from the start.',
    );
    expect(say(problems.find((p) => p.code === 'dangling-edge')!)).toBe(
      'Edge "Confirm the address → nowhere" connects to a step that does not exist.',
    );
  });

  it('names the outcome left without an edge when it has the flow definition', () => {
    const definition = {
      key: 'demo',
      name: 'Demo',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'reset', type: 'task', title: 'Reset', outcomes: ['done', 'cannot-reset'] },
        { id: 'done', type: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'reset' },
        { id: 'e2', from: 'reset', to: 'done', on: 'done' },
      ],
    };
    const problem = validateFlow(definition).find((p) => p.code === 'task-outcome-without-edge')!;
    expect(problem).toBeDefined();
    const t = (catalog: Record<string, string>, locale: string) => (id: string, values?: MessageValues) =>
      String(new IntlMessageFormat(catalog[id] ?? id, locale).format(values as Record<string, string>));
    const text = (catalog: Record<string, string>, locale: string, def?: unknown) =>
      problemText(problem, t(catalog, locale), (id) => id in catalog, def).message;
    expect(text(en, 'en', definition)).toBe('Task "Reset": outcome "cannot-reset" has no edge.');
    expect(text(ptBR, 'pt-BR', definition)).toBe(
      'Tarefa "Reset": o resultado "cannot-reset" não tem aresta.',
    );
    expect(text(en, 'en')).toBe('Task "reset" has an outcome without an edge.');
  });

  it('tells a flow-wide problem from a node problem with the same code', () => {
    const pt = translator(ptBR, 'pt-BR');
    const base = { severity: 'error', code: 'no-path-to-end', message: 'x' } as const;
    expect(pt({ ...base, path: ['nodes'] }).message).toBe(
      'O fluxo não tem nó de fim, então nenhum caso pode terminar.',
    );
    expect(pt({ ...base, path: ['nodes', 2], nodeId: 'review' }).message).toBe(
      'A etapa "review" não tem caminho até um nó de fim.',
    );
  });

  it('uses the path where a problem has no node', () => {
    const p: Problem = { severity: 'error', code: 'unknown-tier', message: 'x', path: ['sla', 'tiers', 0] };
    expect(translator(en, 'en')(p).message).toBe(
      'The tier named at sla.tiers[0] is not defined in this flow.',
    );
    expect(problemPath(['nodes', 3, 'outcomes', 1])).toBe('nodes[3].outcomes[1]');
  });

  it("keeps the engine's English for a code it has no message for", () => {
    const p = {
      severity: 'warning',
      code: 'from-a-newer-runtime',
      message: 'Something new',
      hint: 'Do the new thing',
      path: [],
    } as unknown as Problem;
    expect(translator(ptBR, 'pt-BR')(p)).toEqual({ message: 'Something new', hint: 'Do the new thing' });
  });
});

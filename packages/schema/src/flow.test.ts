import { describe, expect, it } from 'vitest';
import { Edge, edgeId, FlowDefinition, flowDefinitionJsonSchema } from './flow';

const minimal = {
  key: 'hello',
  name: 'Hello',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'triage', type: 'task', title: 'Triage', outcomes: ['done'] },
    { id: 'closed', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'triage' },
    { from: 'triage', to: 'closed', on: 'done' },
  ],
};

describe('FlowDefinition', () => {
  it('applies defaults to a minimal flow', () => {
    const flow = FlowDefinition.parse(minimal);
    expect(flow.kind).toBe('case');
    expect(flow.calendar).toBe('24x7');
    expect(flow.nodes[0]).toMatchObject({ type: 'start', trigger: { kind: 'case' } });
    expect(flow.nodes[2]).toMatchObject({ type: 'end', outcome: 'resolved' });
  });

  it('keeps outcome labels per language and refuses a label of an outcome the task lacks', () => {
    const labelled = (outcomeLabels: unknown) => ({
      ...minimal,
      nodes: minimal.nodes.map((n) => (n.id === 'triage' ? { ...n, outcomeLabels } : n)),
    });
    const ok = FlowDefinition.parse(labelled({ done: { en: ' Done ', 'pt-BR': 'Concluído' } }));
    expect(ok.nodes[1]).toMatchObject({ outcomeLabels: { done: { en: 'Done', 'pt-BR': 'Concluído' } } });

    const stray = FlowDefinition.safeParse(labelled({ done: { en: 'Done' }, gone: { en: 'Gone' } }));
    expect(stray.error?.issues.map((i) => i.path)).toEqual([['nodes', 1, 'outcomeLabels', 'gone']]);
    // Only the supported languages, and no empty label.
    const badLocale = FlowDefinition.safeParse(labelled({ done: { fr: 'Fini' } }));
    expect(badLocale.success).toBe(false);
    const empty = FlowDefinition.safeParse(labelled({ done: { en: '  ' } }));
    expect(empty.error?.issues[0]?.path).toEqual(['nodes', 1, 'outcomeLabels', 'done', 'en']);
    const none = FlowDefinition.safeParse(labelled({ done: {} }));
    expect(none.error?.issues[0]?.path).toEqual(['nodes', 1, 'outcomeLabels', 'done']);
  });

  it('takes what the customer sees at a step as one text or a text per language', () => {
    const at = (customerLabel: unknown) =>
      FlowDefinition.safeParse({
        ...minimal,
        nodes: minimal.nodes.map((n) => (n.id === 'triage' ? { ...n, customerLabel } : n)),
      });
    expect(at('We are checking').success).toBe(true);
    expect(at({ en: 'We are checking', 'pt-BR': 'Estamos verificando' }).success).toBe(true);
    expect(at({}).success).toBe(false);
    expect(at({ es: 'Revisando' }).success).toBe(false);
    expect(at('').success).toBe(false);
  });

  it('rejects a node id that is not kebab-case, naming the path', () => {
    const result = FlowDefinition.safeParse({ ...minimal, nodes: [{ id: 'Start', type: 'start' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['nodes', 0, 'id']);
  });

  it('rejects a timer with both duration and until', () => {
    const result = FlowDefinition.safeParse({
      ...minimal,
      nodes: [...minimal.nodes, { id: 'wait-a-bit', type: 'timer', duration: 'PT1H', until: 'now()' }],
    });
    expect(result.success).toBe(false);
  });

  it('rejects a malformed ISO duration', () => {
    const result = FlowDefinition.safeParse({
      ...minimal,
      nodes: [...minimal.nodes, { id: 'cool', type: 'timer', duration: '1 hour' }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['nodes', 3, 'duration']);
  });

  it('exports a JSON Schema that names every node type', () => {
    const text = JSON.stringify(flowDefinitionJsonSchema());
    for (const t of ['start', 'task', 'approval', 'subflow', 'survey']) expect(text).toContain(`"${t}"`);
  });
});

describe('edgeId', () => {
  it('numbers parallel edges between the same nodes', () => {
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'b', on: 'x' },
      { id: 'named', from: 'a', to: 'b' },
    ].map((e) => Edge.parse(e));
    expect(edges.map((e, i) => edgeId(e, i, edges))).toEqual(['a->b', 'a->b#2', 'named']);
  });
});

import { describe, expect, it } from 'vitest';
import { flowWords } from './CaseTimeline';

const definition = {
  key: 'f',
  name: 'F',
  nodes: [
    {
      id: 'triage',
      type: 'task',
      title: 'Triage the report',
      outcomes: ['visit', 'done'],
      outcomeLabels: { visit: { en: 'Needs a field visit', 'pt-BR': 'Precisa de visita técnica' } },
    },
  ],
  edges: [],
  slas: [{ id: 'resolution', name: 'Resolution' }],
} as never;

describe('flowWords', () => {
  it("names a task's own clock after the task, other clocks and nodes after the flow", () => {
    const words = flowWords(definition, 'en', {
      titles: new Map([['c1.t3', 'Handle the request']]),
      taskSla: (task) => `The time limit of “${task}”`,
    });
    expect(words.slaName('c1.t3.sla')).toBe('The time limit of “Handle the request”');
    expect(words.slaName('resolution')).toBe('Resolution');
    expect(words.nodeTitle('triage')).toBe('Triage the report');
    // A clock of a task the case no longer lists keeps its id rather than a wrong name.
    expect(words.slaName('c1.t9.sla')).toBe('c1.t9.sla');
  });

  it("shows a title's placeholders as an ellipsis", () => {
    const templated = {
      key: 'f',
      name: 'F',
      edges: [],
      nodes: [{ id: 'reset', type: 'task', title: 'Reset the password of {{request.username}}' }],
    } as never;
    expect(flowWords(templated, 'en').nodeTitle('reset')).toBe('Reset the password of …');
  });

  it('calls an unnamed start or end by what it is, in the reader’s language', () => {
    const plain = {
      key: 'f',
      name: 'F',
      edges: [],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'closed', type: 'end' },
        { id: 'await-reply', type: 'wait' },
      ],
    } as never;
    expect(flowWords(plain, 'pt-BR').nodeTitle('start')).toBe('Início');
    expect(flowWords(plain, 'en').nodeTitle('closed')).toBe('End');
    expect(flowWords(plain, 'en').nodeTitle('await-reply')).toBe('await-reply');
  });

  it("gives a task outcome's label in the reader's language, else its id", () => {
    expect(flowWords(definition, 'pt-BR').outcomeLabel('triage', 'visit')).toBe('Precisa de visita técnica');
    expect(flowWords(definition, 'en').outcomeLabel('triage', 'visit')).toBe('Needs a field visit');
    expect(flowWords(definition, 'en').outcomeLabel('triage', 'done')).toBe('done');
    expect(flowWords(definition, 'en').outcomeLabel('elsewhere', 'visit')).toBe('visit');
  });
});

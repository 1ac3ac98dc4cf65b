import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../editor/flow-document';
import type { TraceStep } from './sim-session';
import { sayPhrase, type TraceSpeech, traceIndex } from './trace-words';

const doc: FlowDoc = {
  key: 'f',
  name: 'F',
  tiers: [{ id: 'L1', name: 'Service desk', group: 'desk' }],
  slas: [{ id: 'resolution', name: 'Resolution', target: 'PT8H', start: { event: 'case.opened' }, stop: {} }],
  nodes: [
    {
      id: 'triage',
      type: 'task',
      title: 'Triage',
      name: 'Triage the report',
      assign: {},
      outcomes: ['done'],
    },
  ],
  edges: [],
};

const trace: TraceStep[] = [
  {
    seq: 1,
    at: 0,
    label: { id: 'sim.step.opened' },
    effects: [
      {
        type: 'task.create',
        task: { taskId: 'case-1.t1', nodeId: 'triage', title: 'Triage', tier: 'L1', outcomes: ['done'] },
      } as never,
      { type: 'timer.schedule', timerId: 'case-1.tm1', at: 1000, purpose: 'sla-breach:case-1.t1.sla' },
      { type: 'timer.schedule', timerId: 'case-1.tm2', at: 2000, purpose: 'node' },
    ],
    children: [],
  },
];

/** Messages as their id and values, so the test reads what was put in. */
const speech: TraceSpeech = {
  t: (id, values) => `${id}${values ? ` ${JSON.stringify(values)}` : ''}`,
  dateTime: (ms) => `at ${ms}ms`,
  isoDuration: (iso) => `(${iso} in words)`,
};

describe('trace words', () => {
  const index = traceIndex(trace);
  const say = (p: Parameters<typeof sayPhrase>[0]) => sayPhrase(p, doc, index, speech);

  it('names timers by what they are for, with the SLA of a task by its title', () => {
    expect(
      say({ id: 'x', values: { timer: 'case-1.tm1', at: 1000 }, refs: { timer: 'timer', at: 'time' } }),
    ).toBe(
      'x {"timer":"sim.fx.timerOf.breach {\\"sla\\":\\"sim.fx.slaOf {\\\\\\"title\\\\\\":\\\\\\"Triage\\\\\\"}\\"}","at":"at 1000ms"}',
    );
    expect(say({ id: 'x', values: { timer: 'case-1.tm2' }, refs: { timer: 'timer' } })).toBe(
      'x {"timer":"sim.fx.timerOf.step"}',
    );
  });

  it('names case SLAs, nodes, tiers and durations, and leaves what nothing names', () => {
    expect(
      say({
        id: 'x',
        values: { sla: 'resolution', node: 'triage', tier: 'L1', by: 'PT2H', other: 'gone' },
        refs: { sla: 'sla', node: 'node', tier: 'tier', by: 'duration', other: 'node' },
      }),
    ).toBe(
      'x {"sla":"“Resolution”","node":"Triage the report","tier":"Service desk","by":"(PT2H in words)","other":"gone"}',
    );
  });

  it('says the engine’s escalation reasons in words, others as written', () => {
    const reason = (r: string) => say({ id: 'x', values: { r }, refs: { r: 'reason' } });
    expect(reason('SLA breached')).toBe('x {"r":"sim.reason.slaBreached"}');
    expect(reason('case SLA "resolution" breached')).toBe(
      'x {"r":"sim.reason.caseSlaBreached {\\"sla\\":\\"“Resolution”\\"}"}',
    );
    expect(reason('escalated in simulator')).toBe('x {"r":"escalated in simulator"}');
  });

  it('names recipients and templates as the screen words them, else as written', () => {
    const phrase = {
      id: 'x',
      values: { to: 'group:cards', template: 'card-replaced' },
      refs: { to: 'recipient', template: 'template' },
    } as const;
    const worded: TraceSpeech = {
      ...speech,
      recipient: (to) => (to === 'group:cards' ? 'the Cards group' : to),
      template: (key) => (key === 'card-replaced' ? '“Your card was replaced”' : key),
    };
    expect(sayPhrase(phrase, doc, index, worded)).toBe(
      'x {"to":"the Cards group","template":"“Your card was replaced”"}',
    );
    expect(say(phrase)).toBe('x {"to":"group:cards","template":"card-replaced"}');
  });

  it('says a phrase without names as it is', () => {
    expect(say({ id: 'sim.fx.customer' })).toBe('sim.fx.customer');
  });
});

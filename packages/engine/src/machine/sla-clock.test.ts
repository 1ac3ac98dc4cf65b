import type { Effect, FlowDefinitionInput } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile-flow';
import { Simulator } from '../simulator';

const T0 = Date.parse('2026-03-02T08:00:00Z');

/*
 * start → triage (task) → await (wait, pauses "resolution") → done (task) → end
 * "resolution": 1 h round the clock, warns at half time, paused while the case waits.
 */
const def: FlowDefinitionInput = {
  key: 'f',
  name: 'Pausing SLA',
  slas: [
    {
      id: 'resolution',
      target: 'PT1H',
      start: { event: 'case.opened' },
      stop: { atNodes: ['end'] },
      pause: { atNodes: ['await'] },
      warnAt: [0.5],
    },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'triage', type: 'task', title: 'Triage', outcomes: ['ask'] },
    { id: 'await', type: 'wait', signal: 'customer-replied' },
    { id: 'done', type: 'task', title: 'Finish', outcomes: ['ok'] },
    { id: 'end', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'triage' },
    { from: 'triage', to: 'await', on: 'ask' },
    { from: 'await', to: 'done', on: 'customer-replied' },
    { from: 'done', to: 'end', on: 'ok' },
  ],
};

function run() {
  const s = new Simulator({ flows: { f: compileFlow(def) }, now: T0 });
  const id = s.open('f');
  const slaEffects = (effects: Effect[]) =>
    effects.filter((e) => e.type.startsWith('sla.') && e.type !== 'sla.start') as Array<
      Effect & { status?: string }
    >;
  const status = () => s.view(id).slas.find((x) => x.slaId === 'resolution')?.status;
  return { s, id, slaEffects, status };
}

describe('SLA clock state through pause and resume', () => {
  it('keeps a breach when the breached clock pauses and resumes', () => {
    const { s, id, slaEffects, status } = run();
    s.advance('PT2H');
    expect(status()).toBe('breached');
    const paused = slaEffects(s.complete(s.task('triage').taskId, 'ask'));
    expect(paused).toMatchObject([{ type: 'sla.pause', status: 'breached' }]);
    expect(status()).toBe('breached');
    const resumed = slaEffects(s.signal(id, 'customer-replied'));
    expect(resumed).toMatchObject([{ type: 'sla.resume', status: 'breached' }]);
    expect(status()).toBe('breached');
    const stopped = slaEffects(s.complete(s.task('done').taskId, 'ok'));
    expect(stopped).toMatchObject([{ type: 'sla.stop', status: 'breached' }]);
  });

  it('resumes a warned clock as a warning, not as running', () => {
    const { s, id, slaEffects, status } = run();
    s.advance('PT40M');
    expect(status()).toBe('warning');
    expect(slaEffects(s.complete(s.task('triage').taskId, 'ask'))).toMatchObject([
      { type: 'sla.pause', status: 'paused' },
    ]);
    expect(slaEffects(s.signal(id, 'customer-replied'))).toMatchObject([
      { type: 'sla.resume', status: 'warning' },
    ]);
    expect(status()).toBe('warning');
  });

  it('resumes a clock that had not warned as running and warns with its status', () => {
    const { s, id, slaEffects, status } = run();
    s.complete(s.task('triage').taskId, 'ask');
    s.advance('PT5H');
    expect(slaEffects(s.signal(id, 'customer-replied'))).toMatchObject([
      { type: 'sla.resume', status: 'running' },
    ]);
    expect(status()).toBe('running');
    s.advance('PT31M');
    expect(status()).toBe('warning');
  });
});

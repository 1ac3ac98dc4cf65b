import type { Effect, FlowDefinitionInput } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';
import { EngineError } from './engine-error';
import { allowedEvents, inspect, start, step } from './run-case';
import { Simulator } from './simulator';

const T0 = Date.parse('2026-03-02T08:00:00Z');
type Node = FlowDefinitionInput['nodes'][number];
type Edge = NonNullable<FlowDefinitionInput['edges']>[number];

/** A flow from nodes and `from>to[:on]` edges. */
function flow(
  nodes: Node[],
  edges: Array<string | Edge>,
  extra: Partial<FlowDefinitionInput> = {},
): FlowDefinitionInput {
  return {
    key: 'f',
    name: 'Test flow',
    nodes,
    edges: edges.map((e) => {
      if (typeof e !== 'string') return e;
      const [path, on] = e.split(':');
      const [from, to] = path!.split('>');
      return on ? { from: from!, to: to!, on } : { from: from!, to: to! };
    }),
    ...extra,
  };
}

const startNode: Node = { id: 'start', type: 'start' };
const end = (id = 'end', outcome: 'resolved' | 'cancelled' | 'rejected' | 'failed' = 'resolved'): Node => ({
  id,
  type: 'end',
  outcome,
});
const task = (id: string, outcomes: string[], extra: Partial<Node> = {}): Node =>
  ({ id, type: 'task', title: `Do ${id}`, outcomes, ...extra }) as Node;

function sim(def: FlowDefinitionInput, options: Partial<ConstructorParameters<typeof Simulator>[0]> = {}) {
  return new Simulator({ flows: { [def.key]: compileFlow(def) }, now: T0, ...options });
}
const of = <T extends Effect['type']>(effects: Effect[], type: T) =>
  effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

function engineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

describe('compileFlow', () => {
  const def = flow([startNode, task('work', ['done']), end()], ['start>work', 'work>end:done']);

  it('gives the same JSON config for the same definition', () => {
    expect(JSON.stringify(compileFlow(def).config)).toBe(
      JSON.stringify(compileFlow(JSON.parse(JSON.stringify(def))).config),
    );
  });

  it('refuses a flow that cannot become a machine, with its problems', () => {
    const error = engineError(() => compileFlow({ ...def, edges: [{ from: 'start', to: 'nowhere' }] }));
    expect(error.code).toBe('invalid-flow');
    expect(error.problems.map((p) => p.code)).toContain('dangling-edge');
  });

  it('reports non-fatal problems but still compiles', () => {
    const compiled = compileFlow(
      flow([startNode, task('work', ['done', 'stuck']), end()], ['start>work', 'work>end:done']),
    );
    expect(compiled.problems.map((p) => p.code)).toEqual(['task-outcome-without-edge']);
  });
});

describe('task', () => {
  const def = flow(
    [
      startNode,
      task('work', ['done', 'again'], { assign: { group: 'desk' } }),
      { id: 'check', type: 'decision' },
      end(),
    ],
    ['start>work', 'work>check:done', 'work>work:again', { from: 'check', to: 'end', default: true }],
  );

  it('waits for a human, then leaves by the chosen outcome with its values as the node result', () => {
    const compiled = compileFlow(def);
    const opened = start(compiled, { caseId: 'c1' }, T0);
    const [created] = of(opened.effects, 'task.create');
    expect(created?.task).toMatchObject({
      taskId: 'c1.t1',
      nodeId: 'work',
      group: 'desk',
      outcomes: ['done', 'again'],
    });
    const done = step(
      compiled,
      opened.snapshot,
      { type: 'task.complete', taskId: 'c1.t1', outcome: 'done', values: { n: 1 } },
      T0,
    );
    expect(inspect(compiled, done.snapshot)).toMatchObject({
      status: 'resolved',
      results: { work: { n: 1, outcome: 'done' } },
    });
  });

  it('refuses an outcome the task does not offer and a task that is not open', () => {
    const compiled = compileFlow(def);
    const { snapshot } = start(compiled, { caseId: 'c1' }, T0);
    const wrong = engineError(() =>
      step(compiled, snapshot, { type: 'task.complete', taskId: 'c1.t1', outcome: 'nope', values: {} }, T0),
    );
    expect(wrong).toMatchObject({ code: 'invalid-outcome', allowed: ['done', 'again'] });
    const unknown = engineError(() =>
      step(compiled, snapshot, { type: 'task.complete', taskId: 'c1.t9', outcome: 'done', values: {} }, T0),
    );
    expect(unknown.code).toBe('unknown-task');
    expect(unknown.allowed).toEqual([
      'task.complete:c1.t1',
      'task.escalate:c1.t1',
      'case.event',
      'case.cancel',
    ]);
  });

  it('opens a fresh task when an outcome loops back to the same node', () => {
    const s = sim(def);
    const id = s.open('f');
    s.complete(s.task('work').taskId, 'again');
    expect(s.task('work').taskId).toBe(`${id}.t2`);
  });
});

describe('decision', () => {
  const def = flow(
    [startNode, { id: 'route', type: 'decision' }, end('high'), end('mid'), end('low', 'rejected')],
    [
      'start>route',
      { from: 'route', to: 'high', when: 'amount > 100' },
      { from: 'route', to: 'mid', when: 'amount > 10' },
      { from: 'route', to: 'low', default: true },
    ],
  );
  it.each([
    [500, 'high', 'resolved'],
    [50, 'mid', 'resolved'],
    [5, 'low', 'rejected'],
    [null, 'low', 'rejected'],
  ])('routes amount %s to %s (first true `when`, else default)', (amount, node, status) => {
    const compiled = compileFlow(def);
    const { effects, snapshot } = start(compiled, { caseId: 'c', variables: { amount } }, T0);
    expect(of(effects, 'case.close')[0]?.nodeId).toBe(node);
    expect(inspect(compiled, snapshot).status).toBe(status);
  });
});

describe('wait', () => {
  const def = flow(
    [
      startNode,
      { id: 'hold', type: 'wait', signal: 'customer-replied', timeout: 'PT2H' },
      end('ok'),
      end('gone', 'cancelled'),
    ],
    ['start>hold', 'hold>ok:customer-replied', 'hold>gone:timeout'],
  );

  it('leaves on its signal with the signal data as result', () => {
    const s = sim(def);
    const id = s.open('f');
    s.signal(id, 'customer-replied', { text: 'hi' });
    expect(s.view(id)).toMatchObject({
      status: 'resolved',
      results: { hold: { signal: 'customer-replied', data: { text: 'hi' } } },
    });
  });

  it('refuses a signal nobody waits for, listing what the case accepts', () => {
    const s = sim(def);
    const id = s.open('f');
    const error = engineError(() => s.signal(id, 'card-found'));
    expect(error).toMatchObject({
      code: 'event-not-allowed',
      allowed: ['signal:customer-replied', 'case.event', 'case.cancel'],
    });
  });

  it('times out', () => {
    const s = sim(def);
    const id = s.open('f');
    s.advance('PT1H59M');
    expect(s.view(id).status).toBe('open');
    s.advance('PT1M');
    expect(s.view(id).status).toBe('cancelled');
  });
});

describe('timer', () => {
  it('waits for a duration, or until a FEEL date-time', () => {
    const def = flow(
      [
        startNode,
        { id: 'a', type: 'timer', duration: 'PT30M' },
        { id: 'b', type: 'timer', until: 'wakeAt' },
        end(),
      ],
      ['start>a', 'a>b', 'b>end'],
    );
    const s = sim(def);
    const id = s.open('f', { variables: { wakeAt: '2026-03-02T12:00:00Z' } });
    s.advance('PT30M');
    expect(s.view(id).activeNodes).toEqual(['b']);
    expect(s.pendingTimers()[0]?.at).toBe(Date.parse('2026-03-02T12:00:00Z'));
    s.advance('PT4H');
    expect(s.view(id).status).toBe('resolved');
  });

  it('ignores a stale or repeated timer', () => {
    const def = flow([startNode, { id: 'a', type: 'timer', duration: 'PT1M' }, end()], ['start>a', 'a>end']);
    const compiled = compileFlow(def);
    const opened = start(compiled, { caseId: 'c' }, T0);
    const timerId = of(opened.effects, 'timer.schedule')[0]!.timerId;
    const fired = step(compiled, opened.snapshot, { type: 'timer.fire', timerId }, T0 + 60_000);
    expect(inspect(compiled, fired.snapshot).status).toBe('resolved');
    const again = step(compiled, fired.snapshot, { type: 'timer.fire', timerId }, T0 + 60_000);
    expect(again).toEqual({ snapshot: fired.snapshot, effects: [] });
    const stale = step(compiled, opened.snapshot, { type: 'timer.fire', timerId: 'c.tm99' }, T0);
    expect(stale).toEqual({ snapshot: opened.snapshot, effects: [] });
  });
});

describe('action', () => {
  it('sets variables from FEEL, never from JavaScript', () => {
    const def = flow(
      [
        startNode,
        {
          id: 'calc',
          type: 'action',
          action: { kind: 'set', values: { total: 'price * qty', evil: '"x") || process.exit(1) || ("' } },
        },
        end(),
      ],
      ['start>calc', 'calc>end'],
    );
    const compiled = compileFlow(def);
    const { snapshot, effects } = start(compiled, { caseId: 'c', variables: { price: 2.5, qty: 4 } }, T0);
    expect(inspect(compiled, snapshot).variables).toMatchObject({ total: 10, evil: null });
    expect(of(effects, 'variables.set')[0]?.values).toEqual({ total: 10, evil: null });
  });

  it('fails the case when an http action fails and has no error edge', () => {
    const def = flow(
      [
        startNode,
        { id: 'call', type: 'action', action: { kind: 'http', url: 'http://x/{{case.id}}' } },
        end(),
      ],
      ['start>call', 'call>end'],
    );
    const s = sim(def, { http: () => ({ ok: false, status: 500 }) });
    const id = s.open('f');
    expect(s.view(id).status).toBe('failed');
    expect(of(s.case(id).effects, 'http.call')[0]).toMatchObject({
      url: `http://x/${id}`,
      method: 'POST',
      retries: 3,
    });
  });

  it('keeps an http response as <node>.result for later decisions', () => {
    const def = flow(
      [
        startNode,
        { id: 'call', type: 'action', action: { kind: 'http', method: 'GET', url: 'http://x' } },
        { id: 'd', type: 'decision' },
        end('yes'),
        end('no', 'rejected'),
      ],
      [
        'start>call',
        'call>d',
        { from: 'd', to: 'yes', when: 'call.result.score >= 7' },
        { from: 'd', to: 'no', default: true },
      ],
    );
    const s = sim(def, { http: () => ({ ok: true, status: 200, result: { score: 8 } }) });
    expect(s.view(s.open('f')).status).toBe('resolved');
  });
});

describe('parallel and join', () => {
  //  start → fork ─┬→ a ──────────────┬→ join → end
  //                └→ inner ─┬→ b ─┬→ innerJoin ┘
  //                          └→ c ─┘
  const def = flow(
    [
      startNode,
      { id: 'fork', type: 'parallel' },
      task('a', ['done', 'abort']),
      { id: 'inner', type: 'parallel' },
      task('b', ['done']),
      task('c', ['done']),
      { id: 'inner-join', type: 'join' },
      { id: 'join', type: 'join' },
      end(),
      end('aborted', 'cancelled'),
    ],
    [
      'start>fork',
      'fork>a',
      'fork>inner',
      'inner>b',
      'inner>c',
      'b>inner-join:done',
      'c>inner-join:done',
      'inner-join>join',
      'a>join:done',
      'a>aborted:abort',
      'join>end',
    ],
  );

  it('runs branches side by side and continues when all have joined', () => {
    const s = sim(def);
    const id = s.open('f');
    expect(s.view(id).activeNodes.sort()).toEqual(['a', 'b', 'c']);
    s.complete(s.task('b').taskId, 'done');
    s.complete(s.task('a').taskId, 'done');
    expect(s.view(id).activeNodes).toEqual(['c']);
    s.complete(s.task('c').taskId, 'done');
    expect(s.view(id).status).toBe('resolved');
  });

  it('ends the whole case when one branch reaches an end, cancelling the other work', () => {
    const s = sim(def);
    const id = s.open('f');
    const others = [s.task('b').taskId, s.task('c').taskId];
    s.complete(s.task('a').taskId, 'abort');
    expect(s.view(id).status).toBe('cancelled');
    expect(
      of(s.case(id).effects, 'task.cancel')
        .map((t) => t.taskId)
        .sort(),
    ).toEqual(others.sort());
  });
});

describe('approval policies', () => {
  const def = (policy: object, approvers: object = { group: 'board' }) =>
    flow(
      [
        startNode,
        { id: 'ok', type: 'approval', approvers, policy } as Node,
        end('yes'),
        end('no', 'rejected'),
      ],
      ['start>ok', 'ok>yes:approved', 'ok>no:rejected'],
    );
  const run = (policy: object, votes: Array<'approve' | 'reject'>, voters = 3) => {
    const s = sim(def(policy), { approvers: () => Array.from({ length: voters }, (_, i) => `u${i}`) });
    const id = s.open('f');
    const tasks = s.tasks(id);
    for (const [i, vote] of votes.entries()) {
      if (s.view(id).status !== 'open') break;
      s.complete(tasks[i]!.taskId, vote, {}, `u${i}`);
    }
    return s.view(id).status === 'open' ? 'open' : s.view(id).status === 'resolved' ? 'approved' : 'rejected';
  };

  it.each([
    [{ kind: 'any' }, ['reject', 'approve'], 'approved'],
    [{ kind: 'any' }, ['reject', 'reject'], 'open'],
    [{ kind: 'any' }, ['reject', 'reject', 'reject'], 'rejected'],
    [{ kind: 'all' }, ['approve', 'approve'], 'open'],
    [{ kind: 'all' }, ['approve', 'approve', 'approve'], 'approved'],
    [{ kind: 'all' }, ['approve', 'reject'], 'rejected'],
    [{ kind: 'first' }, ['reject'], 'rejected'],
    [{ kind: 'first' }, ['approve'], 'approved'],
    [{ kind: 'quorum', count: 2 }, ['approve', 'reject', 'approve'], 'approved'],
    [{ kind: 'quorum', count: 2 }, ['reject', 'reject'], 'rejected'],
  ] as const)('%j with votes %j is %s', (policy, votes, expected) => {
    expect(run(policy, [...votes])).toBe(expected);
  });

  it('rejects at once when nobody can approve or the quorum exceeds the approvers', () => {
    expect(run({ kind: 'any' }, [], 0)).toBe('rejected');
    expect(run({ kind: 'quorum', count: 4 }, [], 3)).toBe('rejected');
  });

  it('records who voted and cancels the votes no longer needed', () => {
    const s = sim(def({ kind: 'any' }), { approvers: () => ['ann', 'bob'] });
    const id = s.open('f');
    const [ann, bob] = s.tasks(id);
    s.complete(ann!.taskId, 'approve', {}, 'ann');
    expect(s.view(id).results.ok).toEqual({
      result: 'approved',
      approved: true,
      votes: [{ voter: 'ann', vote: 'approve' }],
    });
    expect(of(s.case(id).effects, 'task.cancel')).toEqual([
      { type: 'task.cancel', taskId: bob!.taskId, reason: 'approval approved' },
    ]);
  });

  it("titles each vote after the node, with no words of the engine's own (screens mark approvals)", () => {
    const named = def({ kind: 'any' });
    (named.nodes[1] as { name?: string }).name = 'Aprovar reembolso';
    const s = sim(named, { approvers: () => ['ann'] });
    expect(s.tasks(s.open('f')).map((t) => t.title)).toEqual(['Aprovar reembolso']);
    const bare = sim(def({ kind: 'any' }), { approvers: () => ['ann'] });
    expect(bare.tasks(bare.open('f')).map((t) => t.title)).toEqual(['ok']);
  });

  it('refuses a vote on a task that is not an approval', () => {
    const compiled = compileFlow(flow([startNode, task('w', ['done']), end()], ['start>w', 'w>end:done']));
    const { snapshot } = start(compiled, { caseId: 'c' }, T0);
    const error = engineError(() =>
      step(compiled, snapshot, { type: 'approval.vote', taskId: 'c.t1', vote: 'approve', voter: 'x' }, T0),
    );
    expect(error.code).toBe('unknown-task');
  });
});

describe('task SLA', () => {
  const tiers = [
    { id: 'L1', name: 'Desk', group: 'desk' },
    { id: 'L2', name: 'Field', group: 'field' },
  ];
  it('leaves by the sla-breached edge when onBreach is "edge"', () => {
    const def = flow(
      [
        startNode,
        task('w', ['done'], { sla: { target: 'PT10M', onBreach: 'edge' } }),
        end(),
        end('late', 'failed'),
      ],
      ['start>w', 'w>end:done', 'w>late:sla-breached'],
    );
    const s = sim(def);
    const id = s.open('f');
    const w = s.task('w').taskId;
    s.advance('PT10M');
    expect(s.view(id).status).toBe('failed');
    expect(of(s.case(id).effects, 'task.cancel')[0]?.taskId).toBe(w);
    expect(of(s.case(id).effects, 'sla.stop')).toMatchObject([{ slaId: `${w}.sla`, status: 'breached' }]);
    expect(s.view(id).slas).toEqual([]);
  });

  it('notifies on breach when onBreach is "notify"', () => {
    const def = flow(
      [
        startNode,
        task('w', ['done'], { sla: { target: 'PT10M', onBreach: 'notify', notify: ['user:boss'] } }),
        end(),
      ],
      ['start>w', 'w>end:done'],
      { tiers },
    );
    const s = sim(def);
    const id = s.open('f');
    s.advance('PT10M');
    expect(of(s.case(id).effects, 'notify')).toMatchObject([{ to: 'user:boss', template: 'sla-breached' }]);
    expect(s.task('w').taskId).toBe(`${id}.t1`);
  });

  it('ignores a warning that reaches it after the breach (a clock catching up out of order)', () => {
    const def = flow(
      [
        startNode,
        task('w', ['done'], { sla: { target: 'PT10M', warnAt: [0.5], onBreach: 'notify' } }),
        end(),
      ],
      ['start>w', 'w>end:done'],
    );
    const compiled = compileFlow(def);
    const opened = start(compiled, { caseId: 'c' }, T0);
    const [warning, breach] = of(opened.effects, 'timer.schedule');
    expect([warning?.purpose, breach?.purpose]).toEqual(['sla-warning:c.t1.sla', 'sla-breach:c.t1.sla']);
    const breached = step(
      compiled,
      opened.snapshot,
      { type: 'timer.fire', timerId: breach!.timerId },
      T0 + 3_600_000,
    );
    expect(of(breached.effects, 'timer.cancel').map((e) => e.timerId)).toEqual([warning!.timerId]);
    const late = step(
      compiled,
      breached.snapshot,
      { type: 'timer.fire', timerId: warning!.timerId },
      T0 + 3_600_000,
    );
    expect(late.effects).toEqual([]);
    expect(inspect(compiled, late.snapshot).slas[0]?.status).toBe('breached');
  });

  it('meets the SLA when the task completes in time', () => {
    const def = flow(
      [startNode, task('w', ['done'], { sla: { target: 'PT10M' } }), end()],
      ['start>w', 'w>end:done'],
    );
    const s = sim(def);
    const id = s.open('f');
    s.advance('PT4M');
    s.complete(s.task('w').taskId, 'done');
    expect(of(s.case(id).effects, 'sla.stop')).toMatchObject([{ status: 'met', elapsedMs: 240_000 }]);
  });

  it('refuses to escalate an approval task', () => {
    const def = flow(
      [
        startNode,
        { id: 'ok', type: 'approval', approvers: { users: ['ann'] } },
        end('yes'),
        end('no', 'rejected'),
      ],
      ['start>ok', 'ok>yes:approved', 'ok>no:rejected'],
    );
    const s = sim(def);
    s.open('f');
    expect(engineError(() => s.escalate(s.task('ok').taskId)).code).toBe('event-not-allowed');
  });
});

describe('case life cycle', () => {
  const def = flow(
    [startNode, task('w', ['done'], { sla: { target: 'PT1H' } }), end()],
    ['start>w', 'w>end:done'],
    {
      slas: [
        {
          id: 'response',
          target: 'PT1H',
          start: { event: 'case.opened' },
          stop: { event: 'case.firstResponse' },
        },
      ],
    },
  );

  it('stops a case SLA on its named event', () => {
    const s = sim(def);
    const id = s.open('f');
    s.advance('PT20M');
    s.send(id, { type: 'case.event', name: 'case.firstResponse' });
    expect(s.view(id).slas.find((x) => x.slaId === 'response')).toMatchObject({
      status: 'met',
      elapsedMs: 1_200_000,
    });
  });

  it('cancels a case: open work stops and later events are refused', () => {
    const s = sim(def);
    const id = s.open('f');
    const w = s.task('w').taskId;
    s.send(id, { type: 'case.cancel', reason: 'duplicate' });
    const effects = s.case(id).effects;
    expect(s.view(id)).toMatchObject({ status: 'cancelled', activeNodes: [], openTasks: [] });
    expect(of(effects, 'task.cancel')).toEqual([
      { type: 'task.cancel', taskId: w, reason: 'case cancelled' },
    ]);
    expect(s.pendingTimers()).toEqual([]);
    // Its running clock is cancelled, not met: nobody kept that promise (compliance skips it).
    expect(s.view(id).slas.find((x) => x.slaId === 'response')?.status).toBe('cancelled');
    expect(of(effects, 'sla.stop').find((e) => e.slaId === 'response')).toMatchObject({
      status: 'cancelled',
    });
    const compiled = compileFlow(def);
    expect(
      engineError(() => step(compiled, s.case(id).snapshot, { type: 'case.cancel', reason: '' }, T0)).code,
    ).toBe('case-closed');
    expect(allowedEvents(compiled, s.case(id).snapshot)).toEqual([]);
  });

  it('restores a snapshot from JSON to the same behaviour', () => {
    const compiled = compileFlow(def);
    const opened = start(compiled, { caseId: 'c' }, T0);
    const copy = JSON.parse(JSON.stringify(opened.snapshot));
    const taskId = of(opened.effects, 'task.create')[0]!.task.taskId;
    const event = { type: 'task.complete', taskId, outcome: 'done', values: {} } as const;
    expect(step(compiled, copy, event, T0 + 1000)).toEqual(step(compiled, opened.snapshot, event, T0 + 1000));
  });
});

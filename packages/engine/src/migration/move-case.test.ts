import { FlowDefinition, type FlowDefinitionInput } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile-flow';
import { type CaseSnapshot, inspect, start, step } from '../run-case';
import { planMigration } from './migration-plan';
import { type CaseMoved, type CaseRefused, moveCase } from './move-case';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;
type Node = FlowDefinitionInput['nodes'][number];

const tiers = [
  { id: 'L1', name: 'Desk', group: 'desk' },
  { id: 'L2', name: 'Ops', group: 'ops' },
];

/*
 * v1:  start → triage (task, L1, SLA 4h) → approve (quorum 2) → done
 *                                 └ wait-info → await (signal "replied", pauses "resolution")
 */
function v1(nodes: Partial<Record<string, Partial<Node>>> = {}): FlowDefinitionInput {
  const base: Node[] = [
    { id: 'start', type: 'start' },
    {
      id: 'triage',
      type: 'task',
      title: 'Triage the report',
      assign: { tier: 'L1' },
      outcomes: ['ok', 'wait-info'],
      sla: { target: 'PT4H' },
    },
    {
      id: 'approve',
      type: 'approval',
      title: 'Approve',
      approvers: { users: ['ann', 'bob', 'cid'] },
      policy: { kind: 'quorum', count: 2 },
    },
    { id: 'await', type: 'wait', name: 'Await the customer', signal: 'replied' },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ];
  return {
    key: 'f',
    name: 'Flow',
    tiers,
    slas: [
      {
        id: 'resolution',
        target: 'PT8H',
        start: { event: 'case.opened' },
        stop: { atNodes: ['done'] },
        pause: { atNodes: ['await'] },
      },
    ],
    nodes: base.map((n) => ({ ...n, ...nodes[n.id] }) as Node),
    edges: [
      { from: 'start', to: 'triage' },
      { from: 'triage', to: 'approve', on: 'ok' },
      { from: 'triage', to: 'await', on: 'wait-info' },
      { from: 'await', to: 'triage', on: 'replied' },
      { from: 'approve', to: 'done', on: 'approved' },
      { from: 'approve', to: 'done', on: 'rejected' },
    ],
  };
}

/** v1 with "triage" replaced by "review" (new id, title and outcomes), wired the same way. */
function v2(): FlowDefinitionInput {
  const def = v1();
  return {
    ...def,
    nodes: def.nodes.map((n) =>
      n.id === 'triage'
        ? ({ ...n, id: 'review', title: 'Review the report', outcomes: ['ok', 'need-info'] } as Node)
        : n,
    ),
    edges: def.edges!.map((e) => ({
      ...e,
      from: e.from === 'triage' ? 'review' : e.from,
      to: e.to === 'triage' ? 'review' : e.to,
      ...(e.on === 'wait-info' ? { on: 'need-info' } : {}),
    })),
  };
}

const parse = (def: FlowDefinitionInput) => FlowDefinition.parse(def);

function opened(def: FlowDefinitionInput) {
  const compiled = compileFlow(def);
  const started = start(compiled, { caseId: 'c1' }, T0);
  return { compiled, snapshot: started.snapshot };
}

function stepAll(
  def: FlowDefinitionInput,
  snapshot: CaseSnapshot,
  events: Parameters<typeof step>[2][],
  now = T0,
) {
  const compiled = compileFlow(def);
  let s = snapshot;
  for (const e of events) s = step(compiled, s, e, now).snapshot;
  return s;
}

const taskOf = (s: CaseSnapshot) => Object.values(s.context.tasks)[0]!;

function moved(result: CaseMoved | CaseRefused): CaseMoved {
  if (!result.ok) throw new Error(`refused: ${result.reasons.join('; ')}`);
  return result;
}
function refused(result: CaseMoved | CaseRefused): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.reasons.join('; ');
}

describe('planMigration', () => {
  it('maps unchanged waiting nodes to themselves and asks for removed and changed ones', () => {
    const from = v1();
    const to = v2();
    (to.nodes.find((n) => n.id === 'approve') as { policy: unknown }).policy = { kind: 'any' };
    const plan = planMigration(parse(from), parse(to), {});
    expect(plan.problems).toEqual([]);
    expect(plan.nodes).toEqual([
      {
        nodeId: 'triage',
        type: 'task',
        label: 'Triage the report',
        change: 'removed',
        target: null,
        how: 'unmapped',
      },
      {
        nodeId: 'approve',
        type: 'approval',
        label: 'Approve',
        change: 'changed',
        target: null,
        how: 'unmapped',
      },
      {
        nodeId: 'await',
        type: 'wait',
        label: 'Await the customer',
        change: 'same',
        target: 'await',
        how: 'kept',
      },
    ]);
  });

  it('takes explicit mappings, to a new node or confirming a changed one', () => {
    const plan = planMigration(parse(v1()), parse(v2()), { triage: 'review', await: 'await' });
    expect(plan.nodes.map((n) => [n.nodeId, n.target, n.how])).toEqual([
      ['triage', 'review', 'mapped'],
      ['approve', 'approve', 'kept'],
      ['await', 'await', 'mapped'],
    ]);
  });

  it('refuses entries naming unknown nodes, nodes nobody waits at, or another kind of node', () => {
    const plan = planMigration(parse(v1()), parse(v2()), {
      nope: 'review',
      start: 'review',
      triage: 'approve',
      await: 'missing',
    });
    expect(plan.problems.map((p) => p.nodeId)).toEqual(['nope', 'start', 'triage', 'await']);
    expect(plan.problems[2]!.message).toMatch(/same kind/);
    expect(plan.nodes.find((n) => n.nodeId === 'triage')!.how).toBe('unmapped');
    // The refused entry maps nothing: "await" stays kept by id.
    expect(plan.nodes.find((n) => n.nodeId === 'await')!.how).toBe('kept');
  });
});

describe('moveCase', () => {
  it('moves a case at a mapped task with its task, assignee, SLA clock and timers, and it runs on', () => {
    const { snapshot: s0 } = opened(v1());
    const before = taskOf(s0);
    const target = compileFlow(v2());
    const plan = planMigration(parse(v1()), target.definition, { triage: 'review' });
    const result = moved(moveCase(plan, target, s0));

    expect(result.snapshot.value).toBe('review');
    expect(result.activeNodes).toEqual(['review']);
    expect(result.moved).toEqual([{ from: 'triage', to: 'review' }]);
    expect(result.tasks).toEqual([
      { taskId: before.taskId, nodeId: 'review', outcomes: ['ok', 'need-info'] },
    ]);
    const ctx = result.snapshot.context;
    expect(ctx.visits.review?.taskId).toBe(before.taskId);
    expect(ctx.visits.triage).toBeUndefined();
    // The clocks are carried, not restarted.
    expect(ctx.slas).toEqual({
      ...s0.context.slas,
      [`${before.taskId}.sla`]: { ...s0.context.slas[`${before.taskId}.sla`], defId: 'review' },
    });
    expect(ctx.timers).toEqual(s0.context.timers);
    expect(s0.context.visits.triage).toBeDefined(); // the input is untouched

    // On v2: the task completes with v2's outcome and the case goes on to the approval.
    const next = step(
      target,
      result.snapshot,
      { type: 'task.complete', taskId: before.taskId, outcome: 'ok', values: {} },
      T0 + HOUR,
    );
    expect(inspect(target, next.snapshot).activeNodes).toEqual(['approve']);
    expect(next.effects).toContainEqual(
      expect.objectContaining({ type: 'sla.stop', slaId: `${before.taskId}.sla`, status: 'met' }),
    );
  });

  it('refuses a case at a removed node that has no mapping, naming the node', () => {
    const { snapshot } = opened(v1());
    const target = compileFlow(v2());
    const reason = refused(moveCase(planMigration(parse(v1()), target.definition, {}), target, snapshot));
    expect(reason).toMatch(/waits at "Triage the report", which the new version removed/);
  });

  it('refuses a closed case', () => {
    const { snapshot } = opened(v1());
    const closed = stepAll(v1(), snapshot, [{ type: 'case.cancel', reason: 'x' }]);
    const target = compileFlow(v2());
    expect(refused(moveCase(planMigration(parse(v1()), target.definition, {}), target, closed))).toBe(
      'the case is cancelled',
    );
  });

  describe('approvals with votes', () => {
    /** A case at "approve" with ann's approval cast (quorum 2 of 3 still open). */
    function oneVote(): CaseSnapshot {
      const { snapshot } = opened(v1());
      const afterTriage = stepAll(v1(), snapshot, [
        { type: 'task.complete', taskId: taskOf(snapshot).taskId, outcome: 'ok', values: {} },
      ]);
      const approvalId = Object.keys(afterTriage.context.approvals)[0]!;
      const assigned = stepAll(v1(), afterTriage, [
        { type: 'approval.assigned', approvalId, approvers: ['ann', 'bob', 'cid'] },
      ]);
      const annTask = Object.values(assigned.context.tasks).find((t) => t.assignee === 'ann')!;
      return stepAll(v1(), assigned, [
        { type: 'task.complete', taskId: annTask.taskId, outcome: 'approve', values: {}, actor: 'ann' },
      ]);
    }
    const withPolicy = (policy: unknown) => {
      const def = v1();
      (def.nodes.find((n) => n.id === 'approve') as { policy: unknown }).policy = policy;
      return def;
    };

    it('carries the votes when the new policy still waits for more', () => {
      const s = oneVote();
      const target = compileFlow(withPolicy({ kind: 'quorum', count: 3 }));
      const result = moved(
        moveCase(planMigration(parse(v1()), target.definition, { approve: 'approve' }), target, s),
      );
      const approval = Object.values(result.snapshot.context.approvals)[0]!;
      expect(approval.votes.map((v) => v.voter)).toEqual(['ann']);
      const bob = Object.values(result.snapshot.context.tasks).find((t) => t.assignee === 'bob')!;
      const cid = Object.values(result.snapshot.context.tasks).find((t) => t.assignee === 'cid')!;
      const afterBob = step(
        target,
        result.snapshot,
        { type: 'task.complete', taskId: bob.taskId, outcome: 'approve', values: {} },
        T0,
      );
      // Quorum 3 under v2: two votes are not enough any more.
      expect(inspect(target, afterBob.snapshot).activeNodes).toEqual(['approve']);
      const afterCid = step(
        target,
        afterBob.snapshot,
        { type: 'task.complete', taskId: cid.taskId, outcome: 'approve', values: {} },
        T0,
      );
      expect(inspect(target, afterCid.snapshot).status).toBe('resolved');
    });

    it('refuses when the votes already cast decide the approval under the new policy', () => {
      const target = compileFlow(withPolicy({ kind: 'any' }));
      const reason = refused(
        moveCase(planMigration(parse(v1()), target.definition, { approve: 'approve' }), target, oneVote()),
      );
      expect(reason).toMatch(/1 vote\(s\) already cast on "Approve" decide it under the new policy \(any\)/);
    });

    it('refuses a changed approval nobody confirmed', () => {
      const target = compileFlow(withPolicy({ kind: 'all' }));
      expect(refused(moveCase(planMigration(parse(v1()), target.definition, {}), target, oneVote()))).toMatch(
        /"Approve", which the new version changed: confirm or choose its node/,
      );
    });
  });

  it('refuses a task on a tier the new version does not have', () => {
    const { snapshot } = opened(v1());
    const escalated = stepAll(v1(), snapshot, [
      { type: 'task.escalate', taskId: taskOf(snapshot).taskId, reason: 'hard' },
    ]);
    expect(taskOf(escalated).tier).toBe('L2');
    const def = v1();
    def.tiers = [tiers[0]!];
    const target = compileFlow(def);
    const reason = refused(
      moveCase(planMigration(parse(v1()), target.definition, { triage: 'triage' }), target, escalated),
    );
    expect(reason).toMatch(/task "Triage the report" is at tier L2, which the new version does not have/);
  });

  it('refuses a running task SLA clock whose new node has no SLA', () => {
    const { snapshot } = opened(v1());
    const target = compileFlow(v1({ triage: { sla: undefined } }));
    const reason = refused(
      moveCase(planMigration(parse(v1()), target.definition, { triage: 'triage' }), target, snapshot),
    );
    expect(reason).toMatch(
      /SLA clock of "Triage the report" is running, and its node in the new version has no SLA/,
    );
  });

  it('refuses a paused case clock the new version would never resume', () => {
    const { snapshot } = opened(v1());
    const waiting = stepAll(
      v1(),
      snapshot,
      [{ type: 'task.complete', taskId: taskOf(snapshot).taskId, outcome: 'wait-info', values: {} }],
      T0 + HOUR,
    );
    expect(waiting.context.slas.resolution?.status).toBe('paused');
    const def = v1();
    def.slas = def.slas!.map((s) => ({ ...s, pause: undefined }));
    const target = compileFlow(def);
    expect(refused(moveCase(planMigration(parse(v1()), target.definition, {}), target, waiting))).toMatch(
      /case SLA clock "resolution" is paused, and the new version does not pause it/,
    );
  });

  it('keeps the elapsed time of a paused case clock and a signal renamed in the new version', () => {
    const { snapshot } = opened(v1());
    const waiting = stepAll(
      v1(),
      snapshot,
      [{ type: 'task.complete', taskId: taskOf(snapshot).taskId, outcome: 'wait-info', values: {} }],
      T0 + HOUR,
    );
    const def = v1({ await: { signal: 'customer-replied' } });
    def.edges = def.edges!.map((e) => (e.on === 'replied' ? { ...e, on: 'customer-replied' } : e));
    const target = compileFlow(def);
    const plan = planMigration(parse(v1()), target.definition, { await: 'await' });
    const result = moved(moveCase(plan, target, waiting));
    expect(result.snapshot.context.slas.resolution).toEqual(waiting.context.slas.resolution);
    const resumed = step(
      target,
      result.snapshot,
      { type: 'signal', name: 'customer-replied' },
      T0 + 2 * HOUR,
    );
    expect(inspect(target, resumed.snapshot).activeNodes).toEqual(['triage']);
    expect(resumed.snapshot.context.slas.resolution).toMatchObject({ status: 'running', elapsedMs: HOUR });
  });

  describe('parallel blocks', () => {
    /*
     *  start → fork ─┬→ a ─┬→ join → done
     *                └→ b ─┘
     */
    const par = (aId = 'a', bId = 'b'): FlowDefinitionInput => ({
      key: 'f',
      name: 'Parallel',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'fork', type: 'parallel' },
        { id: aId, type: 'task', title: `Task ${aId}`, outcomes: ['done'] },
        { id: bId, type: 'wait', signal: 'go' },
        { id: 'join', type: 'join' },
        { id: 'done', type: 'end', outcome: 'resolved' },
      ],
      edges: [
        { from: 'start', to: 'fork' },
        { from: 'fork', to: aId },
        { from: 'fork', to: bId },
        { from: aId, to: 'join', on: 'done' },
        { from: bId, to: 'join', on: 'go' },
        { from: 'join', to: 'done' },
      ],
    });

    it('moves both branches, keeping a branch that already reached the join', () => {
      const { snapshot } = opened(par());
      const half = stepAll(par(), snapshot, [{ type: 'signal', name: 'go' }]);
      const target = compileFlow(par('a2'));
      const result = moved(
        moveCase(planMigration(parse(par()), target.definition, { a: 'a2' }), target, half),
      );
      expect(result.snapshot.value).toEqual({ fork: { '~0': 'a2', '~1': '~join' } });
      const done = step(
        target,
        result.snapshot,
        { type: 'task.complete', taskId: taskOf(half).taskId, outcome: 'done', values: {} },
        T0,
      );
      expect(inspect(target, done.snapshot).status).toBe('resolved');
    });

    it('refuses a node moved into another branch', () => {
      const { snapshot } = opened(par());
      const def = par();
      def.nodes.push({ id: 'other', type: 'task', title: 'Other', outcomes: ['done'] });
      def.edges = def.edges!.map((e) => (e.from === 'fork' && e.to === 'b' ? { ...e, to: 'other' } : e));
      def.edges.push({ from: 'other', to: 'b', on: 'done' });
      // "other" now heads branch 2, ahead of "b"; mapping a (branch 1) there is refused.
      const target = compileFlow(def);
      const reason = refused(
        moveCase(planMigration(parse(par()), target.definition, { a: 'other' }), target, snapshot),
      );
      expect(reason).toMatch(/"Task a" would move to "Other", which is in branch 2 of "fork"/);
    });
  });
});

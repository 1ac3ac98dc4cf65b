import type { FlowNode, MigrationPlan, MigrationRefusal } from '@caseflow/schema';
import type { CompiledFlow } from '../compile-flow';
import { matchForkJoin } from '../flow-graph';
import { tally } from '../machine/approval-work';
import type { CaseContext, SlaState } from '../machine/case-context';
import { pendingSla } from '../machine/sla-clock';
import { type CaseSnapshot, inspect } from '../run-case';
import { nodeLabel } from './migration-plan';
import { refusal, refusalText } from './refusal-text';

/** A case that can move: its snapshot on the new version and what changed for the runtime. */
export interface CaseMoved {
  ok: true;
  snapshot: CaseSnapshot;
  /** Old node → new node, for every node the case waits at. */
  moved: Array<{ from: string; to: string }>;
  /** Open tasks whose node or outcomes changed (the runtime updates their rows). */
  tasks: Array<{ taskId: string; nodeId: string; outcomes: string[] }>;
  activeNodes: string[];
}

/** A case that cannot move, with every reason found: as codes and in English. */
export interface CaseRefused {
  ok: false;
  refusals: MigrationRefusal[];
  reasons: string[];
}

/** A refusal with its reasons (the English of each, for the API's text and logs). Pure. */
export function refused(refusals: MigrationRefusal[]): CaseRefused {
  return { ok: false, refusals, reasons: refusals.map(refusalText) };
}

type Scope = { fork: string; branch: number } | null;

const sameScope = (a: Scope, b: Scope) =>
  a === null || b === null ? a === b : a.fork === b.fork && a.branch === b.branch;

/**
 * Moves one running case to the new version along `plan` (planMigration of the same two
 * versions), or says why it cannot move. Checks, for the nodes the case waits at: each has a
 * target, in the same parallel branch; open tasks sit on tiers the new version has; votes
 * already cast do not decide the approval under the new policy (it would wait forever);
 * running SLA clocks of tasks keep an SLA on their new node, case clocks keep their
 * definition, and a case clock paused at the node still pauses there. What is carried over
 * unchanged: the clocks (elapsed time, due instants, their timers), timers, tasks with their
 * assignees, votes, visits and results. Pure: `snapshot` is not changed.
 */
export function moveCase(
  plan: MigrationPlan,
  target: CompiledFlow,
  snapshot: CaseSnapshot,
): CaseMoved | CaseRefused {
  const old = snapshot.context;
  if (old.status !== 'open') return refused([refusal('closed', { status: old.status })]);
  const planned = new Map(plan.nodes.map((n) => [n.nodeId, n]));
  const env = target.env;
  const def = env.def;
  const scopeOf = matchForkJoin(def).scopeOf;
  const reasons: MigrationRefusal[] = [];
  const moved = new Map<string, string>();
  const labelOf = (id: string) => planned.get(id)?.label ?? id;
  const newNode = (id: string): FlowNode | undefined => env.byId.get(id);

  /** The new node for `id`, with the reason when there is none. */
  const targetOf = (id: string): string | null => {
    const entry = planned.get(id);
    if (entry?.target) return entry.target;
    if (!entry) reasons.push(refusal('unknown-node', { node: id }));
    else
      reasons.push(
        refusal(entry.change === 'removed' ? 'node-removed' : 'node-changed', { node: entry.label }),
      );
    return null;
  };

  const mapNode = (id: string, expected: Scope): string => {
    const to = targetOf(id);
    if (to === null) return id;
    const scope = scopeOf.get(to) ?? null;
    if (!sameScope(scope, expected)) {
      reasons.push(
        refusal('other-branch', {
          node: labelOf(id),
          target: nodeLabel(newNode(to)!),
          ...(scope ? { branch: scope.branch + 1, fork: scope.fork } : {}),
        }),
      );
    }
    moved.set(id, to);
    return to;
  };

  const mapValue = (value: unknown, expected: Scope): unknown => {
    if (typeof value === 'string') return value.startsWith('~') ? value : mapNode(value, expected);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [fork, regions] of Object.entries(value as Record<string, unknown>)) {
      const newFork = mapNode(fork, expected);
      const inner: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries((regions ?? {}) as Record<string, unknown>)) {
        inner[key] = mapValue(sub, { fork: newFork, branch: Number(key.slice(1)) });
      }
      out[newFork] = inner;
    }
    return out;
  };

  const value = mapValue(snapshot.value, null);
  if (reasons.length > 0) return refused(reasons);

  const ctx: CaseContext = JSON.parse(JSON.stringify(old));
  const to = (id: string) => moved.get(id) ?? id;

  const visits: CaseContext['visits'] = {};
  for (const [nodeId, visit] of Object.entries(ctx.visits)) {
    const node = newNode(to(nodeId));
    visits[to(nodeId)] = node?.type === 'wait' ? { ...visit, signal: node.signal } : visit;
  }
  ctx.visits = visits;

  const taskChanges: CaseMoved['tasks'] = [];
  const tierIds = new Set(def.tiers.map((t) => t.id));
  for (const task of Object.values(ctx.tasks)) {
    const node = newNode(to(task.nodeId));
    if (!node) {
      reasons.push(refusal('task-elsewhere', { task: task.title, node: labelOf(task.nodeId) }));
      continue;
    }
    if (task.kind === 'task' && task.tier !== null && !tierIds.has(task.tier)) {
      reasons.push(refusal('tier-missing', { task: task.title, tier: task.tier }));
    }
    const outcomes = node.type === 'task' ? node.outcomes : task.outcomes;
    if (node.id !== task.nodeId || outcomes.join('\n') !== task.outcomes.join('\n')) {
      taskChanges.push({ taskId: task.taskId, nodeId: node.id, outcomes });
    }
    task.nodeId = node.id;
    task.outcomes = outcomes;
  }

  for (const approval of Object.values(ctx.approvals)) {
    approval.nodeId = to(approval.nodeId);
    const node = newNode(approval.nodeId);
    if (node?.type !== 'approval' || approval.approvers === null || approval.votes.length === 0) continue;
    if (tally(node.policy, approval.approvers.length, approval.votes) !== null) {
      reasons.push(
        refusal('votes-decide', {
          count: approval.votes.length,
          node: labelOf(approval.nodeId),
          policy: node.policy.kind,
        }),
      );
    }
  }

  for (const timer of Object.values(ctx.timers)) if (timer.nodeId) timer.nodeId = to(timer.nodeId);

  const slas: CaseContext['slas'] = {};
  for (const [slaId, sla] of Object.entries(ctx.slas)) {
    const live = sla.status !== 'pending' && sla.status !== 'met' && sla.status !== 'cancelled';
    if (sla.scope === 'task') {
      const node = newNode(to(sla.defId));
      if (live && !((node?.type === 'task' || node?.type === 'approval') && node.sla)) {
        reasons.push(refusal('task-sla-missing', { node: labelOf(sla.defId), status: sla.status }));
      }
      slas[slaId] = { ...sla, defId: node?.id ?? sla.defId };
      continue;
    }
    const caseSla = def.slas.find((s) => s.id === sla.defId);
    if (!caseSla) {
      if (live) reasons.push(refusal('case-sla-missing', { sla: sla.defId, status: sla.status }));
      continue;
    }
    if (sla.status === 'paused' && !sla.breached) {
      const pausedHere = [...moved.values()].some((id) => caseSla.pause?.atNodes.includes(id));
      if (!pausedHere) {
        reasons.push(refusal('case-sla-pause', { sla: sla.defId }));
      }
    }
    slas[slaId] = sla;
  }
  // Case SLAs new in this version exist, not yet started: their start events may still come.
  for (const sla of def.slas) {
    if (slas[sla.id]) continue;
    slas[sla.id] = pendingSla({
      scope: 'case',
      defId: sla.id,
      taskId: null,
      target: sla.target,
      calendar: sla.calendar ?? def.calendar,
      warnAt: sla.warnAt,
    }) satisfies SlaState;
  }
  ctx.slas = slas;
  if (reasons.length > 0) return refused(reasons);

  const next: CaseSnapshot = { status: snapshot.status, value, context: ctx };
  try {
    // The machine of the new version must accept the state as its own.
    target.machine.resolveState({ value: value as never, context: ctx });
  } catch (error) {
    return refused([refusal('cannot-hold', { message: (error as Error).message })]);
  }
  return {
    ok: true,
    snapshot: next,
    moved: [...moved].map(([from, to]) => ({ from, to })),
    tasks: taskChanges,
    activeNodes: inspect(target, next).activeNodes,
  };
}

import type { ApprovalPolicy, NodeOf } from '@caseflow/schema';
import { durationMs } from '../duration';
import { type ApprovalState, type CaseContext, type Draft, renderText } from './case-context';
import { type FlowEnv, nodeOf } from './flow-env';
import { startSla, stopSla } from './sla-clock';

export type ApprovalDecision = 'approved' | 'rejected';
type Vote = 'approve' | 'reject';

/**
 * Decides an approval from its votes. `any`: one approval suffices; `all`: everyone must
 * approve; `quorum(n)`: n approvals; `first`: the first vote decides either way. A rejection
 * short-circuits as soon as the policy can no longer be met. Null while undecided. Pure.
 */
export function tally(
  policy: ApprovalPolicy,
  voters: number,
  votes: readonly { vote: Vote }[],
): ApprovalDecision | null {
  if (policy.kind === 'first') {
    const first = votes[0];
    return first ? (first.vote === 'approve' ? 'approved' : 'rejected') : voters === 0 ? 'rejected' : null;
  }
  const need = policy.kind === 'any' ? 1 : policy.kind === 'all' ? Math.max(1, voters) : policy.count;
  const approvals = votes.filter((v) => v.vote === 'approve').length;
  const pending = voters - votes.length;
  if (approvals >= need) return 'approved';
  if (approvals + pending < need) return 'rejected';
  return null;
}

export const approvalSlaId = (approvalId: string) => `${approvalId}.sla`;

/** Enters an approval node: asks the runtime for approvers, starts its timeout and SLA. */
export function requestApproval(d: Draft, env: FlowEnv, node: NodeOf<'approval'>): void {
  const approvalId = d.nextId('a');
  d.ctx.approvals[approvalId] = { nodeId: node.id, approvers: null, taskOf: {}, votes: [] };
  d.emit({
    type: 'approval.request',
    approvalId,
    nodeId: node.id,
    title: renderText(d, node.title ?? node.name ?? node.id),
    group: node.approvers.group ?? null,
    users: node.approvers.users ?? [],
    policy: node.policy,
  });
  const timerId = node.timeout
    ? d.scheduleTimer(d.now + durationMs(node.timeout), 'node', node.id, null)
    : undefined;
  let slaId: string | undefined;
  if (node.sla) {
    slaId = approvalSlaId(approvalId);
    startSla(d, env, slaId, {
      scope: 'task',
      defId: node.id,
      taskId: null,
      target: node.sla.target,
      calendar: node.sla.calendar ?? env.def.calendar,
      warnAt: node.sla.warnAt,
    });
  }
  d.ctx.visits[node.id] = {
    kind: 'approval',
    enteredAt: d.now,
    approvalId,
    ...(timerId ? { timerId } : {}),
    ...(slaId ? { slaId } : {}),
  };
}

/** The runtime resolved who votes: one approval task per distinct approver. */
export function assignApprovers(
  d: Draft,
  env: FlowEnv,
  approvalId: string,
  approvers: readonly string[],
): void {
  const approval = d.ctx.approvals[approvalId];
  if (!approval || approval.approvers !== null) return;
  const node = nodeOf(env, approval.nodeId, 'approval');
  const distinct = [...new Set(approvers)];
  const taskOf: Record<string, string> = {};
  const slaDue = approval.votes.length === 0 ? d.ctx.slas[approvalSlaId(approvalId)]?.dueAt : undefined;
  for (const voter of distinct) {
    const taskId = d.nextId('t');
    taskOf[taskId] = voter;
    const task = {
      taskId,
      nodeId: node.id,
      kind: 'approval' as const,
      // No words of ours in the title: screens mark an approval's task as one in the reader's language.
      title: renderText(d, node.title ?? node.name ?? node.id),
      tier: null,
      group: node.approvers.group ?? null,
      assignee: voter,
      outcomes: ['approve', 'reject'],
      dueAt: slaDue ?? null,
      approvalId,
    };
    d.ctx.tasks[taskId] = task;
    d.emit({ type: 'task.create', task });
  }
  d.ctx.approvals[approvalId] = { ...approval, approvers: distinct, taskOf };
}

/** The approval a vote belongs to, when `taskId` is an open approval task of node `nodeId`. */
export function approvalOfVote(ctx: CaseContext, nodeId: string, taskId: string): ApprovalState | undefined {
  const approvalId = ctx.visits[nodeId]?.approvalId;
  const approval = approvalId ? ctx.approvals[approvalId] : undefined;
  return approval && ctx.tasks[taskId]?.approvalId === approvalId ? approval : undefined;
}

/** What the approval at `nodeId` decides once `vote` (if given) is counted. */
export function decisionWith(
  ctx: CaseContext,
  env: FlowEnv,
  nodeId: string,
  extra?: { taskId: string; vote: Vote },
): ApprovalDecision | null {
  const approvalId = ctx.visits[nodeId]?.approvalId;
  const approval = approvalId ? ctx.approvals[approvalId] : undefined;
  if (!approval || approval.approvers === null) return null;
  if (extra && !approvalOfVote(ctx, nodeId, extra.taskId)) return null;
  const votes = extra ? [...approval.votes, { vote: extra.vote }] : approval.votes;
  return tally(nodeOf(env, nodeId, 'approval').policy, approval.approvers.length, votes);
}

/** Records one vote: its task completes and the vote joins the tally. */
export function recordVote(d: Draft, nodeId: string, taskId: string, vote: Vote, voter: string): void {
  const approval = approvalOfVote(d.ctx, nodeId, taskId);
  const approvalId = d.ctx.visits[nodeId]?.approvalId;
  if (!approval || !approvalId) return;
  delete d.ctx.tasks[taskId];
  d.ctx.approvals[approvalId] = {
    ...approval,
    votes: [...approval.votes, { voter, vote, taskId, at: d.now }],
  };
  d.audit('approval.vote', { approvalId, taskId, voter, vote }, nodeId);
  d.audit('task.completed', { taskId, outcome: vote, values: {}, actor: voter }, nodeId);
}

/**
 * Leaves an approval node: the outstanding approver tasks are cancelled, the timeout and SLA
 * stop, and the decision with its votes becomes the node's result (`<node>.result`).
 */
export function finishApproval(d: Draft, env: FlowEnv, nodeId: string, result: string): void {
  const visit = d.ctx.visits[nodeId];
  const approvalId = visit?.approvalId;
  const approval = approvalId ? d.ctx.approvals[approvalId] : undefined;
  if (!visit || !approvalId || !approval) return;
  for (const taskId of Object.keys(approval.taskOf)) {
    if (d.ctx.tasks[taskId]) {
      delete d.ctx.tasks[taskId];
      d.emit({ type: 'task.cancel', taskId, reason: `approval ${result}` });
    }
  }
  d.cancelTimer(visit.timerId);
  if (visit.slaId) stopSla(d, env, visit.slaId, result !== 'approved' && result !== 'rejected');
  d.ctx.results[nodeId] = {
    result,
    approved: result === 'approved',
    votes: approval.votes.map(({ voter, vote }) => ({ voter, vote })),
  };
  delete d.ctx.approvals[approvalId];
}

import type { CaseInput, Effect, EngineEvent } from '@caseflow/schema';
import { enqueueActions, setup } from 'xstate';
import { feelCondition } from '../feel';
import { atNode } from '../feel-budget';
import { approvalOfVote, assignApprovers, decisionWith, recordVote, tally } from '../machine/approval-work';
import { type CaseContext, Draft, feelScope, initialContext } from '../machine/case-context';
import { caseEventForSlas, openCaseSlas, slaTimerFired } from '../machine/case-slas';
import type { FlowEnv } from '../machine/flow-env';
import { nodeIdsIn, nodeOf } from '../machine/flow-env';
import { closeCase, enterNode, leaveNode } from '../machine/node-work';
import { escalateTask, taskSlaId } from '../machine/task-work';

/** Input of the machine's first transition. */
export interface MachineInput {
  input: CaseInput;
  now: number;
}

type NodeParams = { node: string };
type Args = { context: CaseContext; event: EngineEvent };

/**
 * A named action that works on a Draft of the context: its changes are assigned and its
 * effects are enqueued as one `effects` action — data the caller collects from XState's pure
 * `transition`, never executed here.
 */
type Enqueue = ((action: { type: 'effects'; params: Effect[] }) => void) & {
  assign: (ctx: CaseContext) => void;
};

function work<P>(env: FlowEnv, fn: (d: Draft, event: EngineEvent, params: P) => void) {
  const run = ({ context, event, enqueue }: Args & { enqueue: Enqueue }, params: P) => {
    const d = new Draft(context, (text) => nodeIdsIn(env, text));
    // An expression over its budget names the node whose work evaluated it.
    const node = (params as Partial<NodeParams> | undefined)?.node;
    if (node === undefined) fn(d, event, params);
    else atNode(node, () => fn(d, event, params));
    enqueue.assign(d.ctx);
    if (d.effects.length > 0) enqueue({ type: 'effects', params: d.effects });
  };
  return enqueueActions(run as never);
}

const visitOf = (context: CaseContext, node: string) => context.visits[node];

/** The SLA whose breach timer is relevant to a node's `sla-breached` edge. */
function breachSlaOf(context: CaseContext, node: string): string | undefined {
  const visit = visitOf(context, node);
  if (!visit) return undefined;
  return visit.kind === 'task' && visit.taskId ? taskSlaId(visit.taskId) : visit.slaId;
}

/**
 * The implementations behind the JSON config's named actions and guards, closed over one
 * flow. Guards only read; actions go through `work`.
 */
export function machineSetup(env: FlowEnv) {
  const actions = {
    effects: (_: unknown, _effects: Effect[]) => {},
    open: work(env, (d) => {
      d.audit('case.opened', { channel: d.ctx.channel, subject: d.ctx.subject });
      openCaseSlas(d, env);
    }),
    enter: work<NodeParams>(env, (d, _e, { node }) => enterNode(d, env, env.byId.get(node)!)),
    leave: work<NodeParams>(env, (d, event, { node }) => leaveNode(d, env, env.byId.get(node)!, event)),
    joined: work<NodeParams>(env, (d, _e, { node }) => {
      d.audit('node.entered', { type: 'join' }, node);
      d.audit('node.left', { type: 'join' }, node);
    }),
    escalate: work<NodeParams>(env, (d, event) => {
      if (event.type !== 'task.escalate') return;
      escalateTask(
        d,
        env,
        event.taskId,
        event.reason || (event.actor ? `escalated by ${event.actor}` : 'escalated'),
      );
    }),
    assign: work<NodeParams>(env, (d, event) => {
      if (event.type === 'approval.assigned') assignApprovers(d, env, event.approvalId, event.approvers);
    }),
    vote: work<NodeParams>(env, (d, event, { node }) => {
      if (event.type === 'approval.vote') recordVote(d, node, event.taskId, event.vote, event.voter);
    }),
    slaTimer: work(env, (d, event) => {
      if (event.type === 'timer.fire') slaTimerFired(d, env, event.timerId);
    }),
    caseEvent: work(env, (d, event) => {
      if (event.type === 'case.event') caseEventForSlas(d, env, event.name);
    }),
    close: work<{ outcome: 'cancelled' | 'failed' }>(env, (d, _e, { outcome }) =>
      closeCase(d, env, outcome, null),
    ),
  };
  const guards = {
    outcome: ({ context, event }: Args, { node, outcome }: NodeParams & { outcome: string }) =>
      event.type === 'task.complete' &&
      event.outcome === outcome &&
      visitOf(context, node)?.taskId === event.taskId,
    ownsTask: ({ context, event }: Args, { node }: NodeParams) =>
      event.type === 'task.escalate' && visitOf(context, node)?.taskId === event.taskId,
    breachTimer: ({ context, event }: Args, { node }: NodeParams) => {
      if (event.type !== 'timer.fire') return false;
      const slaId = breachSlaOf(context, node);
      return slaId !== undefined && context.slas[slaId]?.breachTimer === event.timerId;
    },
    visitTimer: ({ context, event }: Args, { node }: NodeParams) =>
      event.type === 'timer.fire' && visitOf(context, node)?.timerId === event.timerId,
    signal: ({ context, event }: Args, { node }: NodeParams) =>
      event.type === 'signal' && visitOf(context, node)?.signal === event.name,
    httpResult: ({ context, event }: Args, { node, ok }: NodeParams & { ok: boolean }) =>
      event.type === 'http.result' && visitOf(context, node)?.callId === event.callId && event.ok === ok,
    child: ({ context, event }: Args, { node }: NodeParams) =>
      event.type === 'subflow.done' && visitOf(context, node)?.childId === event.childId,
    when: ({ context }: Args, { expr, node }: { expr: string } & NodeParams) =>
      atNode(node, () => feelCondition(expr, feelScope(context, nodeIdsIn(env, expr), expr), context.now)),
    ownsApproval: ({ context, event }: Args, { node }: NodeParams) =>
      event.type === 'approval.assigned' && visitOf(context, node)?.approvalId === event.approvalId,
    assignRejects: ({ context, event }: Args, { node }: NodeParams) => {
      if (event.type !== 'approval.assigned' || visitOf(context, node)?.approvalId !== event.approvalId)
        return false;
      const voters = new Set(event.approvers).size;
      return tally(nodeOf(env, node, 'approval').policy, voters, []) === 'rejected';
    },
    decides: ({ context, event }: Args, { node, decision }: NodeParams & { decision: string }) =>
      event.type === 'approval.vote' &&
      decisionWith(context, env, node, { taskId: event.taskId, vote: event.vote }) === decision,
    votesHere: ({ context, event }: Args, { node }: NodeParams) =>
      event.type === 'approval.vote' && approvalOfVote(context, node, event.taskId) !== undefined,
  };
  // The config is JSON built at run time, so XState's static typing of named actions and
  // guards cannot help here; the implementations are typed above instead.
  return setup({
    types: {} as { context: CaseContext; events: EngineEvent | { type: 'case.start' }; input: MachineInput },
    actions: actions as never,
    guards: guards as never,
  });
}

/** The context function of the machine (kept out of the JSON config). */
export const contextFromInput = ({ input }: { input: MachineInput | undefined }) =>
  input ? initialContext(input.input, input.now) : BOOT_CONTEXT;

/** The context of the throwaway boot snapshot XState computes inside every `transition`. */
const BOOT_CONTEXT = initialContext(
  {
    caseId: '',
    customerId: null,
    channel: 'web',
    subject: '',
    priority: 'normal',
    variables: {},
    customer: {},
    env: {},
  },
  0,
);

import type { EngineEvent, FlowNode, NodeOf } from '@caseflow/schema';
import { dueAt } from '../business-calendar';
import { addDuration, durationMs } from '../duration';
import { evaluateFeel, renderDeep, renderTemplate } from '../feel';
import { chargeNodeEntry } from '../feel-budget';
import { renderPathTemplate } from '../path-template';
import { decisionWith, finishApproval, recordVote, requestApproval } from './approval-work';
import type { Draft } from './case-context';
import { closeCaseSlas, enterNodeForSlas, leaveNodeForSlas, notifyTaskBreach } from './case-slas';
import { calendarFor, type FlowEnv } from './flow-env';
import { onSlaTimer } from './sla-clock';
import { closeTask, openTask, taskSlaId } from './task-work';

/**
 * What happens when the case enters and leaves a node. Entering announces the node's work as
 * effects (a task, an HTTP call, a timer...); leaving settles it according to the event that
 * moved the case on: the completing event becomes the node's result, any other event (a
 * timeout, a breach edge, a cancellation) abandons the work.
 */
function evaluate(d: Draft, expression: string): unknown {
  const r = evaluateFeel(expression, d.scopeFor(expression), d.now);
  return r.ok ? r.value : null;
}

function evaluateAll(d: Draft, exprs: Record<string, string>): Record<string, unknown> {
  const scope = d.scopeFor(Object.values(exprs).join('\n'));
  const out: Record<string, unknown> = {};
  for (const [name, expr] of Object.entries(exprs)) {
    const r = evaluateFeel(expr, scope, d.now);
    out[name] = r.ok ? r.value : null;
  }
  return out;
}

/** Enters `node`: emits node.entered, the node's effects, and moves case SLAs. */
export function enterNode(d: Draft, env: FlowEnv, node: FlowNode): void {
  chargeNodeEntry(node.id);
  d.audit('node.entered', { type: node.type }, node.id);
  enterNodeForSlas(d, env, node.id);
  switch (node.type) {
    case 'task':
      d.ctx.visits[node.id] = { kind: 'task', enteredAt: d.now, taskId: openTask(d, env, node) };
      return;
    case 'approval':
      requestApproval(d, env, node);
      return;
    case 'action':
      enterAction(d, node);
      return;
    case 'wait': {
      const timerId = node.timeout
        ? d.scheduleTimer(d.now + durationMs(node.timeout), 'node', node.id, null)
        : undefined;
      d.ctx.visits[node.id] = {
        kind: 'wait',
        enteredAt: d.now,
        signal: node.signal,
        ...(timerId ? { timerId } : {}),
      };
      return;
    }
    case 'timer':
      d.ctx.visits[node.id] = {
        kind: 'timer',
        enteredAt: d.now,
        timerId: d.scheduleTimer(timerDueAt(d, env, node), 'node', node.id, null),
      };
      return;
    case 'subflow': {
      const childId = d.nextId('c');
      d.emit({
        type: 'subflow.start',
        childId,
        nodeId: node.id,
        flow: node.flow,
        input: evaluateAll(d, node.input),
      });
      d.ctx.visits[node.id] = { kind: 'subflow', enteredAt: d.now, childId };
      return;
    }
    case 'notify':
      d.emit({
        type: 'notify',
        notifyId: d.nextId('n'),
        nodeId: node.id,
        to: String(renderTemplate(node.to, d.scopeFor(node.to), d.now) ?? node.to),
        template: node.template,
        channel: node.channel ?? null,
        data: evaluateAll(d, node.data),
        ...(node.article ? { article: node.article } : {}),
      });
      return;
    case 'survey':
      d.emit({
        type: 'survey.send',
        surveyId: d.nextId('s'),
        nodeId: node.id,
        kind: node.survey,
        to: node.to,
      });
      return;
    case 'end':
      closeCase(d, env, node.outcome, node.id);
      return;
    default:
      return;
  }
}

function enterAction(d: Draft, node: NodeOf<'action'>): void {
  const action = node.action;
  if (action.kind === 'set') {
    const values = evaluateAll(d, action.values);
    // The Draft's own copy (see Draft): changed in place, not copied again per set.
    Object.assign(d.ctx.vars, values);
    d.ctx.results[node.id] = { result: values, ...values };
    d.emit({ type: 'variables.set', values });
    return;
  }
  if (action.kind === 'customer') {
    const attributes = evaluateAll(d, action.attributes);
    const tags = new Set(Array.isArray(d.ctx.customer.tags) ? (d.ctx.customer.tags as string[]) : []);
    for (const t of action.addTags) tags.add(t);
    for (const t of action.removeTags) tags.delete(t);
    d.ctx.customer = { ...d.ctx.customer, ...attributes, tags: [...tags] };
    d.ctx.results[node.id] = { result: { attributes, tags: [...tags] } };
    d.emit({
      type: 'customer.update',
      nodeId: node.id,
      attributes,
      addTags: action.addTags,
      removeTags: action.removeTags,
    });
    return;
  }
  // Every template of the action (url, headers, body) sees the results it names.
  const scope = d.scopeFor(JSON.stringify(action));
  const callId = d.nextId('h');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.headers))
    headers[k] = String(renderTemplate(v, scope, d.now) ?? '');
  // A connection call carries its name and path only: the runtime adds base URL and credentials
  // at delivery, so neither is ever in the flow, the snapshot or the outbox row.
  const target =
    action.connection !== undefined
      ? {
          url: '',
          connection: action.connection,
          path: renderPathTemplate(action.path ?? '', scope, d.now),
        }
      : { url: String(renderTemplate(action.url ?? '', scope, d.now) ?? '') };
  d.emit({
    type: 'http.call',
    callId,
    nodeId: node.id,
    method: action.method,
    ...target,
    headers,
    ...(action.body === undefined ? {} : { body: renderDeep(action.body, scope, d.now) }),
    retries: action.retries,
  });
  d.ctx.visits[node.id] = { kind: 'http', enteredAt: d.now, callId };
}

function timerDueAt(d: Draft, env: FlowEnv, node: NodeOf<'timer'>): number {
  if (node.duration) {
    const calendar = node.calendar ? calendarFor(env, node.calendar) : undefined;
    if (calendar) return dueAt(calendar, d.now, node.duration);
    return addDuration(d.now, node.duration);
  }
  const until = evaluate(d, node.until ?? '');
  const at = typeof until === 'string' ? Date.parse(until) : Number.NaN;
  // An unreadable `until` fires at once rather than never: the case must not hang silently.
  if (Number.isNaN(at)) d.audit('timer.invalid-until', { value: until ?? null }, node.id);
  return Number.isNaN(at) ? d.now : Math.max(d.now, at);
}

/** Leaves `node` because of `event`: settles its work, records its result, emits node.left. */
export function leaveNode(d: Draft, env: FlowEnv, node: FlowNode, event: EngineEvent): void {
  const visit = d.ctx.visits[node.id];
  const reason = event.type === 'case.cancel' ? 'case cancelled' : `left by ${event.type}`;
  switch (node.type) {
    case 'task': {
      const taskId = visit?.taskId;
      if (!taskId) break;
      if (event.type === 'task.complete' && event.taskId === taskId) {
        const values = event.values ?? {};
        d.ctx.results[node.id] = { ...values, outcome: event.outcome, result: event.outcome };
        closeTask(d, env, taskId, {
          completed: { outcome: event.outcome, values, ...(event.actor ? { actor: event.actor } : {}) },
        });
      } else {
        if (event.type === 'timer.fire' && d.ctx.slas[taskSlaId(taskId)]?.breachTimer === event.timerId) {
          delete d.ctx.timers[event.timerId];
          onSlaTimer(d, env, taskSlaId(taskId), 'sla-breach', []);
          notifyTaskBreach(d, env, taskSlaId(taskId));
          d.ctx.results[node.id] = { outcome: 'sla-breached', result: 'sla-breached' };
        }
        closeTask(d, env, taskId, { cancelled: reason });
      }
      break;
    }
    case 'approval': {
      let result = 'cancelled';
      if (event.type === 'approval.vote') {
        result = decisionWith(d.ctx, env, node.id, { taskId: event.taskId, vote: event.vote }) ?? 'cancelled';
        recordVote(d, node.id, event.taskId, event.vote, event.voter);
      } else if (event.type === 'approval.assigned') {
        result = 'rejected';
      } else if (event.type === 'timer.fire') {
        const slaId = visit?.slaId;
        if (visit?.timerId === event.timerId) result = 'timeout';
        else if (slaId && d.ctx.slas[slaId]?.breachTimer === event.timerId) {
          delete d.ctx.timers[event.timerId];
          onSlaTimer(d, env, slaId, 'sla-breach', []);
          notifyTaskBreach(d, env, slaId);
          result = 'sla-breached';
        }
      }
      finishApproval(d, env, node.id, result);
      break;
    }
    case 'wait':
      if (event.type === 'signal' && event.name === visit?.signal) {
        // The runtime records the delivered signal itself; the result keeps its data.
        d.ctx.results[node.id] = { result: event.name, signal: event.name, data: event.data ?? null };
      } else if (event.type === 'timer.fire' && event.timerId === visit?.timerId) {
        d.ctx.results[node.id] = { result: 'timeout', signal: null, data: null };
      }
      break;
    case 'action':
      if (event.type === 'http.result' && event.callId === visit?.callId) {
        d.ctx.results[node.id] = {
          ok: event.ok,
          status: event.status ?? null,
          result: event.result ?? null,
          ...(event.error ? { error: event.error } : {}),
        };
      }
      break;
    case 'subflow':
      if (event.type === 'subflow.done' && event.childId === visit?.childId) {
        d.ctx.results[node.id] = { outcome: event.outcome, result: event.result ?? event.outcome };
      } else if (visit?.childId) {
        d.audit('subflow.abandoned', { childId: visit.childId, reason }, node.id);
      }
      break;
    default:
      break;
  }
  if (visit) {
    if (!(event.type === 'timer.fire' && event.timerId === visit.timerId)) d.cancelTimer(visit.timerId);
    else delete d.ctx.timers[event.timerId];
    delete d.ctx.visits[node.id];
  }
  leaveNodeForSlas(d, env, node.id);
  d.audit('node.left', { type: node.type }, node.id);
}

/** The case reached an end (or was cancelled): everything still open stops, then it closes. */
export function closeCase(
  d: Draft,
  env: FlowEnv,
  outcome: 'resolved' | 'cancelled' | 'rejected' | 'failed',
  nodeId: string | null,
): void {
  for (const taskId of Object.keys(d.ctx.tasks)) closeTask(d, env, taskId, { cancelled: `case ${outcome}` });
  for (const timerId of Object.keys(d.ctx.timers)) d.cancelTimer(timerId);
  closeCaseSlas(d, env, outcome === 'cancelled');
  d.ctx.approvals = {};
  d.ctx.visits = {};
  d.ctx.status = outcome;
  d.emit({ type: 'case.close', outcome, nodeId });
}

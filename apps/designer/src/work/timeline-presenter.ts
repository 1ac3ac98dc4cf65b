import type { TimelineEntry } from '@caseflow/schema';

/** A timeline entry as a sentence: the message id and its arguments (ICU, both languages). */
export interface Sentence {
  id: string;
  values: Record<string, string | number>;
}

/** What the presenter looks up: names of people, steps, tasks and SLA clocks; dates in words. */
export interface TimelineContext {
  /** The display name of an actor ("system" and unknown actors get a neutral word). */
  person(entry: TimelineEntry): string;
  /** The title of a node of the case's flow, else its id. */
  nodeTitle(nodeId: string): string;
  /** The title of a task of the case, else null. */
  taskTitle(taskId: string): string | null;
  /** What the reader sees for an outcome of the task node `nodeId` (its label, else the id). */
  outcomeLabel(nodeId: string, outcome: string): string;
  /** The name of an SLA clock ("First response"), else its id. */
  slaName(slaId: string): string;
  /** A date and time in the reader's language. */
  dateTime(at: unknown): string;
  /** An ISO duration or milliseconds in words. */
  duration(value: unknown): string;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * One staff timeline entry as a sentence with the actor's name, node titles instead of ids, SLA
 * names and times in words. Pure: the words come from `timeline.messages.ts` in each language.
 */
export function presentEntry(e: TimelineEntry, ctx: TimelineContext): Sentence {
  const d = e.data;
  const who = ctx.person(e);
  const node = typeof d.nodeId === 'string' ? ctx.nodeTitle(d.nodeId) : '';
  const task = () =>
    (typeof d.taskId === 'string' ? ctx.taskTitle(d.taskId) : null) ??
    (typeof d.title === 'string' ? d.title : node);
  const sla = () => ctx.slaName(str(d.slaId));
  switch (e.type) {
    case 'case.opened':
      return { id: 'timeline.case.opened', values: { who, channel: str(d.channel) } };
    case 'case.closed':
      return { id: 'timeline.case.closed', values: { outcome: str(d.outcome) || 'resolved' } };
    case 'case.cancelled':
      return str(d.reason)
        ? { id: 'timeline.case.cancelledBecause', values: { who, reason: str(d.reason) } }
        : { id: 'timeline.case.cancelled', values: { who } };
    case 'node.entered':
      return { id: 'timeline.node.entered', values: { node } };
    case 'node.left':
      return { id: 'timeline.node.left', values: { node } };
    case 'task.created':
      return {
        id: d.kind === 'approval' ? 'timeline.approval.created' : 'timeline.task.created',
        values: { task: task(), group: str(d.group) || '—', assignee: str(d.assignee) },
      };
    case 'task.claimed':
      return { id: 'timeline.task.claimed', values: { who, task: task() } };
    case 'task.completed':
      return {
        id: 'timeline.task.completed',
        values: { who, task: task(), outcome: ctx.outcomeLabel(str(d.nodeId), str(d.outcome)) },
      };
    case 'task.escalated': {
      const values = { task: task(), from: str(d.fromTier) || '—', to: str(d.toTier) || '—' };
      // The engine's own reasons are said in the reader's language; a person's stays as written.
      const reason = str(d.reason);
      if (reason === 'SLA breached') return { id: 'timeline.task.escalatedSla', values };
      const caseSla = /^case SLA "(.*)" breached$/.exec(reason);
      if (caseSla) {
        return { id: 'timeline.task.escalatedCaseSla', values: { ...values, sla: caseSla[1]! } };
      }
      return { id: 'timeline.task.escalated', values: { ...values, reason } };
    }
    case 'task.cancelled':
      return { id: 'timeline.task.cancelled', values: { task: task() } };
    case 'task.delegated':
      return { id: 'timeline.task.delegated', values: { who, task: task(), to: str(d.to) } };
    case 'task.assigned':
      return { id: 'timeline.task.assigned', values: { task: task(), to: str(d.to), group: str(d.group) } };
    case 'task.declined':
    case 'task.offer-expired':
      return {
        id: e.type === 'task.declined' ? 'timeline.task.declined' : 'timeline.task.offer-expired',
        values: { task: task(), from: str(d.from), reason: str(d.reason) },
      };
    case 'task.overflowed':
      return {
        id: 'timeline.task.overflowed',
        values: { task: task(), from: str(d.from), to: str(d.group), reason: str(d.reason) },
      };
    case 'task.routing-skipped':
      return { id: 'timeline.task.routing-skipped', values: { task: task() } };
    case 'approval.vote':
      return { id: 'timeline.approval.vote', values: { who, vote: str(d.vote) } };
    case 'sla.started':
      return {
        id: 'timeline.sla.started',
        values: { sla: sla(), due: ctx.dateTime(d.dueAt), within: ctx.duration(d.target) },
      };
    case 'sla.paused':
      return { id: 'timeline.sla.paused', values: { sla: sla() } };
    case 'sla.resumed':
      return { id: 'timeline.sla.resumed', values: { sla: sla(), due: ctx.dateTime(d.dueAt) } };
    case 'sla.warning':
      return {
        id: 'timeline.sla.warning',
        values: { sla: sla(), percent: Math.round(Number(d.fraction ?? 0) * 100) },
      };
    case 'sla.breached':
      return { id: 'timeline.sla.breached', values: { sla: sla() } };
    case 'sla.met':
      return { id: 'timeline.sla.met', values: { sla: sla(), took: ctx.duration(d.elapsedMs) } };
    case 'message':
      return {
        id: d.from === 'customer' ? 'timeline.message.customer' : 'timeline.message.agent',
        values: { who },
      };
    case 'signal':
      return { id: 'timeline.signal', values: { who, name: str(d.name) } };
    case 'notify.queued':
      return { id: 'timeline.notify', values: { template: str(d.template), to: str(d.to) || 'customer' } };
    case 'http.called':
    case 'http.result':
      return { id: 'timeline.http', values: { node } };
    case 'survey.sent':
      return { id: 'timeline.survey.sent', values: { kind: str(d.kind).toUpperCase() } };
    case 'survey.answered':
      return {
        id: 'timeline.survey.answered',
        values: { kind: str(d.kind).toUpperCase(), score: str(d.score) },
      };
    case 'subflow.started':
      return { id: 'timeline.subflow.started', values: { node } };
    case 'subflow.done':
      return { id: 'timeline.subflow.done', values: { node, result: str(d.result ?? d.outcome) } };
    case 'customer.updated':
      return { id: 'timeline.customer.updated', values: {} };
    case 'customer.merged':
      return { id: 'timeline.customer.merged', values: { who, from: str(d.from), into: str(d.into) } };
    case 'case.follow-up':
      return {
        id: 'timeline.case.followUp',
        values: { number: str(d.previousNumber ?? d.previousCaseId), reopened: String(d.reopened === true) },
      };
    case 'case.continued':
      return {
        id: 'timeline.case.continued',
        values: { number: str(d.number ?? d.caseId), reopened: String(d.reopened === true) },
      };
    default:
      return { id: 'timeline.other', values: { type: e.type, node } };
  }
}

/** A public entry as its customer reads it (no internal words at all). Pure. */
export function presentCustomerEntry(e: TimelineEntry): Sentence {
  switch (e.type) {
    case 'case.opened':
      return { id: 'portal.history.opened', values: {} };
    case 'case.closed':
      return { id: 'portal.history.closed', values: {} };
    // Public only when the customer withdrew the request themselves.
    case 'case.cancelled':
      return str(e.data.reason)
        ? { id: 'portal.history.withdrawnBecause', values: { reason: str(e.data.reason) } }
        : { id: 'portal.history.withdrawn', values: {} };
    case 'message':
      return {
        id: e.data.from === 'customer' ? 'portal.history.youWrote' : 'portal.history.weWrote',
        values: { name: e.actorName ?? '' },
      };
    case 'notify.queued':
      return { id: 'portal.history.update', values: {} };
    case 'survey.sent':
      return { id: 'portal.history.surveySent', values: {} };
    case 'survey.answered':
      return { id: 'portal.history.surveyAnswered', values: {} };
    default:
      return { id: 'portal.history.other', values: {} };
  }
}

import type { Effect } from '@caseflow/schema';
import type { FlowDoc } from '../editor/flow-document';
import { nodeTitle, tierTitle } from './sim-names';
import type { Phrase, RefKind, TraceStep } from './sim-session';

/** What wording a trace needs from the screen: its messages and its date and duration formats. */
export interface TraceSpeech {
  t(id: string, values?: Record<string, string | number>): string;
  dateTime(ms: number): string;
  isoDuration(iso: string): string;
  /** A recipient (`customer`, `group:<name>`…) in words; the code itself when absent. */
  recipient?(to: string): string;
  /** A notification template by its subject; the key itself when absent. */
  template?(key: string): string;
}

/**
 * Titles of the tasks and approvals, and purposes of the timers, that effects of a trace
 * created; names of the flows it ran.
 */
export interface TraceIndex {
  tasks: Map<string, string>;
  timers: Map<string, string>;
  flows: Map<string, string>;
}

/** Collects the titles of tasks (escalated ones under both ids) and the purposes of timers. Pure. */
export function traceIndex(trace: readonly TraceStep[], flows: readonly FlowDoc[] = []): TraceIndex {
  const index: TraceIndex = {
    tasks: new Map(),
    timers: new Map(),
    flows: new Map(flows.map((f) => [f.key, f.name])),
  };
  const read = (e: Effect) => {
    if (e.type === 'task.create') index.tasks.set(e.task.taskId, e.task.title);
    else if (e.type === 'task.escalate') {
      index.tasks.set(e.task.taskId, e.task.title);
      index.tasks.set(e.taskId, e.task.title);
    } else if (e.type === 'approval.request') index.tasks.set(e.approvalId, e.title);
    else if (e.type === 'timer.schedule') index.timers.set(e.timerId, e.purpose);
  };
  for (const step of trace) {
    step.effects.forEach(read);
    for (const child of step.children) child.effects.forEach(read);
  }
  return index;
}

const STATUSES = new Set(['resolved', 'cancelled', 'rejected', 'failed', 'met', 'breached']);

/**
 * Words a phrase of the trace of the case of `doc`: nodes and tiers by their names, tasks by
 * their titles, SLAs by their names (a task's by its title), timers by what they are for,
 * times and durations in the reader's language. A value nothing names stays as it is. Pure.
 */
export function sayPhrase(p: Phrase, doc: FlowDoc, index: TraceIndex, speech: TraceSpeech): string {
  if (!p.refs) return speech.t(p.id, p.values);
  const values: Record<string, string | number> = { ...p.values };
  for (const [key, kind] of Object.entries(p.refs)) {
    const value = p.values?.[key];
    if (value !== undefined) values[key] = word(kind, String(value), doc, index, speech);
  }
  return speech.t(p.id, values);
}

function word(kind: RefKind, value: string, doc: FlowDoc, index: TraceIndex, speech: TraceSpeech): string {
  switch (kind) {
    case 'node':
      return nodeTitle(doc, value);
    case 'tier':
      return tierTitle(doc, value);
    case 'task':
      return index.tasks.get(value) ?? value;
    case 'sla':
      return slaWord(value, doc, index, speech);
    case 'timer': {
      const purpose = index.timers.get(value) ?? '';
      const [what, sla] = purpose.split(/:(.*)/s);
      if (sla && (what === 'sla-warning' || what === 'sla-breach')) {
        const sort = what === 'sla-warning' ? 'warning' : 'breach';
        return speech.t(`sim.fx.timerOf.${sort}`, { sla: slaWord(sla, doc, index, speech) });
      }
      return speech.t('sim.fx.timerOf.step');
    }
    case 'time':
      return speech.dateTime(Number(value));
    case 'duration':
      return speech.isoDuration(value);
    case 'status':
      return STATUSES.has(value) ? speech.t(`work.status.${value}`) : value;
    case 'flow':
      return index.flows.get(value) ?? value;
    case 'recipient':
      return speech.recipient?.(value) ?? value;
    case 'template':
      return speech.template?.(value) ?? value;
    case 'reason': {
      // The engine's own reasons for an escalation, said in the reader's language.
      if (value === 'SLA breached') return speech.t('sim.reason.slaBreached');
      const caseSla = /^case SLA "(.+)" breached$/s.exec(value);
      return caseSla
        ? speech.t('sim.reason.caseSlaBreached', { sla: slaWord(caseSla[1]!, doc, index, speech) })
        : value;
    }
  }
}

/** A case SLA as “its name”; a task's or an approval's (`<task>.sla`) as of “its title”. */
function slaWord(slaId: string, doc: FlowDoc, index: TraceIndex, speech: TraceSpeech): string {
  const own = doc.slas?.find((s) => s.id === slaId);
  if (own) return `“${own.name || own.id}”`;
  const owner = slaId.endsWith('.sla') ? index.tasks.get(slaId.slice(0, -'.sla'.length)) : undefined;
  return owner ? speech.t('sim.fx.slaOf', { title: owner }) : `“${slaId}”`;
}

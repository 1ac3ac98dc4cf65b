import type { Effect } from '@caseflow/schema';
import { applyCaseEffect } from './case-effects';
import type { CaseSession, LiveCase } from './case-session';
import { applyOutboxEffect } from './outbox-effects';
import { applySlaEffect } from './sla-effects';
import { applyTaskEffect } from './task-effects';

/**
 * Timeline types the runtime writes itself while carrying out effects; an engine `audit`
 * entry of one of these types would be a duplicate and is dropped.
 */
export const RUNTIME_TIMELINE_TYPES: ReadonlySet<string> = new Set([
  'case.opened',
  'task.created',
  'task.completed',
  'task.cancelled',
  'task.escalated',
  'sla.started',
  'sla.paused',
  'sla.resumed',
  'sla.warning',
  'sla.breached',
  'sla.met',
  'notify.queued',
  'survey.sent',
  'http.called',
  'subflow.started',
  'case.closed',
]);

/**
 * Carries out a step's effects, in order, inside the session's transaction: rows for tasks,
 * timers, SLA clocks, outbox messages, surveys, child cases, customer updates, the case's
 * closing and timeline entries (timer writes are queued on the session and written in one
 * batch before it commits). Follow-up events (approval assignment, a parent hearing from a
 * child) are queued on the session, never stepped from here.
 */
export async function applyEffects(
  session: CaseSession,
  live: LiveCase,
  effects: readonly Effect[],
  actor: string,
): Promise<void> {
  for (const effect of effects) {
    switch (effect.type) {
      case 'task.create':
      case 'task.cancel':
      case 'task.escalate':
      case 'approval.request':
        await applyTaskEffect(session, live, effect, actor);
        break;
      case 'timer.schedule':
        session.changeTimer({
          op: 'schedule',
          timer: { caseId: live.row.id, timerId: effect.timerId, fireAt: effect.at, purpose: effect.purpose },
        });
        break;
      case 'timer.cancel':
        session.changeTimer({ op: 'cancel', caseId: live.row.id, timerId: effect.timerId });
        break;
      case 'sla.start':
      case 'sla.pause':
      case 'sla.resume':
      case 'sla.warning':
      case 'sla.breach':
      case 'sla.stop':
        await applySlaEffect(session, live, effect, actor);
        break;
      case 'http.call':
      case 'notify':
      case 'survey.send':
        await applyOutboxEffect(session, live, effect, actor);
        break;
      case 'subflow.start':
      case 'customer.update':
      case 'variables.set':
      case 'case.close':
      case 'audit':
        await applyCaseEffect(session, live, effect, actor);
        break;
    }
  }
}

import type { EffectOf } from '@caseflow/schema';
import type { CaseSession, LiveCase } from './case-session';

type SlaEffect = EffectOf<
  'sla.start' | 'sla.pause' | 'sla.resume' | 'sla.warning' | 'sla.breach' | 'sla.stop'
>;

/**
 * SLA effects upsert the case's SLA rows (the engine owns the clock math and its status; the
 * rows mirror both for queues, metrics and the case view, never a status of their own) and
 * record sla.* timeline entries.
 */
export async function applySlaEffect(
  session: CaseSession,
  live: LiveCase,
  effect: SlaEffect,
  actor: string,
): Promise<void> {
  const { tx, now } = session;
  const caseId = live.row.id;
  const entry = (type: string, data: Record<string, unknown>) =>
    session.record(live, { type, actor, data: { slaId: effect.slaId, ...data } });
  switch (effect.type) {
    case 'sla.start':
      await tx.slas.upsert({
        caseId,
        id: effect.slaId,
        scope: effect.scope,
        taskId: effect.taskId,
        status: 'running',
        target: effect.target,
        calendar: effect.calendar,
        startedAt: effect.startedAt,
        dueAt: effect.dueAt,
        elapsedMs: 0,
        updatedAt: now,
      });
      entry('sla.started', { target: effect.target, dueAt: effect.dueAt, taskId: effect.taskId });
      return;
    case 'sla.pause':
      // The engine's status: a breached clock stays breached while paused (metrics count it).
      await tx.slas.update(caseId, effect.slaId, {
        status: effect.status,
        elapsedMs: effect.elapsedMs,
        updatedAt: now,
      });
      entry('sla.paused', { elapsedMs: effect.elapsedMs });
      return;
    case 'sla.resume':
      await tx.slas.update(caseId, effect.slaId, {
        status: effect.status,
        dueAt: effect.dueAt,
        updatedAt: now,
      });
      entry('sla.resumed', { dueAt: effect.dueAt });
      return;
    case 'sla.warning':
      await tx.slas.update(caseId, effect.slaId, { status: effect.status, updatedAt: now });
      entry('sla.warning', { fraction: effect.fraction });
      return;
    case 'sla.breach':
      await tx.slas.update(caseId, effect.slaId, { status: 'breached', updatedAt: now });
      entry('sla.breached', {});
      return;
    case 'sla.stop':
      await tx.slas.update(caseId, effect.slaId, {
        status: effect.status,
        elapsedMs: effect.elapsedMs,
        updatedAt: now,
      });
      if (effect.status === 'met') entry('sla.met', { elapsedMs: effect.elapsedMs });
      return;
  }
}

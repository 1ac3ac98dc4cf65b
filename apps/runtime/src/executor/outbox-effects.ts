import { type EffectOf, formatCaseNumber } from '@caseflow/schema';
import type { NewOutbox } from '../store/store';
import type { CaseSession, LiveCase } from './case-session';
import { newRowId, newToken } from './ids';
import { resolveRecipients } from './notify-recipients';

type OutboxEffect = EffectOf<'notify' | 'survey.send' | 'http.call'>;

/**
 * Effects delivered after the commit by the outbox dispatcher: notify, survey.send (which
 * also creates the survey row and its random token) and http.call. Each row's idempotency key
 * is derived from the case and the engine's effect id, so a replayed step queues nothing twice.
 */
export async function applyOutboxEffect(
  session: CaseSession,
  live: LiveCase,
  effect: OutboxEffect,
  actor: string,
): Promise<void> {
  const { tx, now } = session;
  const caseId = live.row.id;
  // What a notification shows the customer to name their case (REQ-000123), not the row id.
  const caseNumber = live.row.number === null ? null : formatCaseNumber(live.row.number);
  const row = (kind: NewOutbox['kind'], effectId: string, payload: Record<string, unknown>): NewOutbox => ({
    id: newRowId('o', now),
    caseId,
    kind,
    idempotencyKey: `${caseId}/${effectId}`,
    payload,
    createdAt: now,
    nextAttemptAt: now,
  });
  switch (effect.type) {
    case 'notify': {
      const recipients = await resolveRecipients(tx, live, effect.to);
      await tx.outbox.insert(row('notify', effect.notifyId, { ...effect, caseId, caseNumber, recipients }));
      session.record(live, {
        type: 'notify.queued',
        actor,
        nodeId: effect.nodeId,
        public: effect.to === 'customer',
        data: {
          notifyId: effect.notifyId,
          to: effect.to,
          template: effect.template,
          channel: effect.channel,
        },
      });
      break;
    }
    case 'survey.send': {
      const token = newToken();
      await tx.surveys.insert({
        token,
        caseId,
        customerId: live.row.customerId,
        surveyId: effect.surveyId,
        nodeId: effect.nodeId,
        kind: effect.kind,
        to: effect.to,
        score: null,
        comment: null,
        sentAt: now,
        answeredAt: null,
      });
      await tx.outbox.insert(row('survey', effect.surveyId, { ...effect, caseId, caseNumber, token }));
      session.record(live, {
        type: 'survey.sent',
        actor,
        nodeId: effect.nodeId,
        public: true,
        data: { surveyId: effect.surveyId, kind: effect.kind, to: effect.to },
      });
      break;
    }
    case 'http.call':
      // The request (headers may hold credentials) stays in the outbox row, never in the timeline.
      await tx.outbox.insert(row('http', effect.callId, { ...effect }));
      break;
  }
  session.outboxQueued = true;
}

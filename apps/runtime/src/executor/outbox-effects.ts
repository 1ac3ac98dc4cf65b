import { DEFAULT_LOCALE, type EffectOf, formatCaseNumber } from '@caseflow/schema';
import { notifyMail, surveyMail } from '../channels/email/customer-mail';
import { renderNotification, renderSurvey } from '../messages/render';
import type { NewOutbox } from '../store/store';
import type { CaseSession, LiveCase } from './case-session';
import { newRowId, newToken } from './ids';
import { withArticle } from './notify-article';
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
  // What templates may name besides a notify node's data (DESIGN §9: written in the reader's language).
  const customerOf = () =>
    live.row.customerId ? tx.customers.get(live.row.customerId) : Promise.resolve(null);
  const common = (name: string | undefined) => ({
    caseNumber: caseNumber ?? '',
    customerName: name ?? '',
    subject: live.row.subject,
  });
  switch (effect.type) {
    case 'notify': {
      const recipients = await resolveRecipients(tx, live, effect.to);
      const values = { ...common((await customerOf())?.name), ...effect.data };
      // One rendering per language among the recipients; each recipient reads theirs.
      const locales = [...new Set(recipients.map((r) => r.locale ?? DEFAULT_LOCALE))];
      const rendered = (locales.length ? locales : [DEFAULT_LOCALE]).map((locale) =>
        renderNotification(effect.template, locale, values),
      );
      const { messages, articles } = effect.article
        ? await withArticle(tx, effect.article, recipients, rendered, session.ctx.publicUrl)
        : { messages: rendered, articles: [] };
      // A customer whose conversation is by e-mail gets the notification as a mail of the thread.
      const mail = await notifyMail(session, live, effect, recipients, messages);
      await tx.outbox.insert(
        row('notify', effect.notifyId, {
          ...effect,
          caseId,
          caseNumber,
          recipients,
          messages,
          ...(mail ? { mail } : {}),
        }),
      );
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
          // The article's title as sent, or sent: false when no readable article has that slug.
          ...(effect.article
            ? {
                article: {
                  slug: effect.article,
                  sent: articles.length > 0,
                  title: articles[0]?.title ?? null,
                },
              }
            : {}),
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
      const customer = await customerOf();
      const message = renderSurvey(effect.kind, customer?.locale, common(customer?.name));
      // A customer whose conversation is by e-mail gets the invitation with the survey's link.
      const mail = await surveyMail(session, live, effect, customer, message, token);
      await tx.outbox.insert(
        row('survey', effect.surveyId, {
          ...effect,
          caseId,
          caseNumber,
          token,
          message,
          ...(mail ? { mail } : {}),
        }),
      );
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

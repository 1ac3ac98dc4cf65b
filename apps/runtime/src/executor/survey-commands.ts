import { SURVEY_SCALES } from '@caseflow/schema';
import { isCustomerOnly } from '../auth/roles';
import type { SurveyRow } from '../store/store';
import { actingUser } from './acting-user';
import { badRequest, conflict, forbidden, notFound } from './errors';
import type { RuntimeCore } from './runtime-core';
import type { Actor } from './types';

/**
 * Records a survey answer once, in one transaction. The answer is the customer's: the token
 * holder answers anonymously (the link came by mail or SMS) or signed in as the case's
 * customer; signed-in staff are refused (403 — an agent's 5/5 is not the customer's CSAT), as
 * is another customer (403). 404 unknown token, 409 already answered, 400 a score outside the
 * kind's scale (CSAT 1–5, NPS 0–10, CES 1–7). Adds `survey.answered` to the case timeline.
 */
export function answerSurvey(
  core: RuntimeCore,
  token: string,
  answer: { score: number; comment?: string },
  respondent: Actor | null,
): Promise<SurveyRow> {
  return core.events.run(async (session) => {
    const survey = await session.tx.surveys.getByToken(token);
    if (!survey) throw notFound('survey');
    if (respondent !== null) {
      const user = await actingUser(session.tx, respondent);
      if (!isCustomerOnly(user)) {
        throw forbidden('surveys are answered by the customer; staff may not answer them', {
          reason: 'staff',
        });
      }
      if (user.customerId === null || user.customerId !== survey.customerId) {
        throw forbidden('this survey was sent to another customer', { reason: 'other-customer' });
      }
    }
    if (survey.answeredAt !== null) throw conflict('this survey was answered already');
    const { score, comment } = answer;
    const scale = SURVEY_SCALES[survey.kind];
    if (!Number.isInteger(score) || score < scale.min || score > scale.max) {
      throw badRequest(`score must be an integer from ${scale.min} to ${scale.max}`, [
        { path: 'score', message: `${scale.min}–${scale.max}` },
      ]);
    }
    const answered = await session.tx.surveys.answer(token, score, comment ?? null, session.now);
    if (!answered) throw conflict('this survey was answered already');
    const live = await session.load(survey.caseId);
    if (live) {
      session.record(live, {
        type: 'survey.answered',
        actor: survey.customerId ? `customer:${survey.customerId}` : 'customer',
        nodeId: survey.nodeId,
        public: true,
        data: { surveyId: survey.surveyId, kind: survey.kind, score },
      });
    }
    return answered;
  });
}

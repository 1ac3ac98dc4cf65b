import { SURVEY_SCALES } from '@caseflow/schema';
import type { SurveyRow } from '../store/store';
import { badRequest, conflict, notFound } from './errors';
import type { RuntimeCore } from './runtime-core';

/**
 * Records a survey answer once: 404 unknown token, 409 already answered, 400 a score outside
 * the kind's scale (CSAT 1–5, NPS 0–10, CES 1–7). Adds `survey.answered` to the case timeline.
 */
export function answerSurvey(
  core: RuntimeCore,
  token: string,
  score: number,
  comment?: string,
): Promise<SurveyRow> {
  return core.events.run(async (session) => {
    const survey = await session.tx.surveys.getByToken(token);
    if (!survey) throw notFound('survey');
    if (survey.answeredAt !== null) throw conflict('this survey was answered already');
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

import { Locale, SURVEY_SCALES, SurveyAnswer } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { answerLocale } from '../messages/error-messages';
import { surveyQuestion } from '../messages/render';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { errorResponses, json, jsonBody, newRouter } from './openapi';

const tags = ['surveys'];
const TokenParam = z.object({ token: z.string().min(8).max(200) });
const SurveyForm = z.object({
  kind: z.enum(['csat', 'nps', 'ces']),
  scale: z.object({ min: z.number(), max: z.number() }),
  answered: z.boolean(),
  score: z.number().nullable(),
  /** The question in `locale`: the caller's Accept-Language, else the customer's profile language. */
  question: z.string(),
  locale: Locale,
});

const get = createRoute({
  method: 'get',
  path: '/surveys/{token}',
  tags,
  summary: 'The survey behind a token: kind, scale, whether answered',
  request: { params: TokenParam },
  responses: { 200: json(SurveyForm, 'the survey'), 404: errorResponses[404] },
});
const answer = createRoute({
  method: 'post',
  path: '/surveys/{token}',
  tags,
  summary:
    "Answer a survey: CSAT 1-5, NPS 0-10, CES 1-7 (the token is the credential; anonymous or the case's customer, never staff)",
  request: { params: TokenParam, body: jsonBody(SurveyAnswer) },
  responses: { 200: json(SurveyForm, 'recorded'), ...errorResponses },
});

/**
 * Surveys answered by the customer holding the token (no sign-in needed: it came by email or
 * SMS); the command refuses signed-in staff.
 */
export function surveysRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(get, async (c) => {
    const { token } = c.req.valid('param');
    const s = await runtime.store.surveys.getByToken(token);
    if (!s) throw notFound('survey');
    const customer = s.customerId ? await runtime.store.customers.get(s.customerId) : null;
    const locale = answerLocale(c.req.header('accept-language'), customer?.locale);
    return c.json(
      {
        kind: s.kind,
        scale: SURVEY_SCALES[s.kind],
        answered: s.answeredAt !== null,
        score: s.score,
        question: surveyQuestion(s.kind, locale),
        locale,
      },
      200,
    );
  });
  r.openapi(answer, async (c) => {
    const { token } = c.req.valid('param');
    const { score, comment } = c.req.valid('json');
    const user = c.get('user');
    const s = await runtime.answerSurvey(
      token,
      { score, ...(comment === undefined ? {} : { comment }) },
      user ? actorOf(user) : null,
    );
    const locale = answerLocale(c.req.header('accept-language'), user?.locale);
    return c.json(
      {
        kind: s.kind,
        scale: SURVEY_SCALES[s.kind],
        answered: true,
        score: s.score,
        question: surveyQuestion(s.kind, locale),
        locale,
      },
      200,
    );
  });
  return r;
}

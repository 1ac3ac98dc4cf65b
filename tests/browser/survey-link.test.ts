import { describe, expect, it } from 'vitest';
import { surveyFlow } from '../../apps/runtime/src/executor/test-support/flows';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * A survey answered from the link its invitation carries, on the built runtime:
 *
 * 1. An agent opens a case for carla on the e-mail channel with a flow that asks for a CSAT
 *    survey; its invitation is queued as an e-mail whose link is `/survey/<token>`.
 * 2. Someone holding the link, not signed in, opens it: the question and the 1–5 scale; with no
 *    score chosen the form says so; after a score and a comment it thanks them.
 * 3. The link opened again says the survey has been answered (in Portuguese once the language
 *    is switched), and carla's case holds the score.
 */
describe('a survey answered from its link', () => {
  let token = '';
  let caseId = '';
  const suite = designerSuite(async (rt) => {
    const ok = async (method: string, path: string, as: string, body?: unknown) => {
      const res = await rt.api(method, path, { as, body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    await ok('PUT', '/api/flows/ask-by-mail', 'olivia', { definition: surveyFlow('ask-by-mail', 'csat') });
    const { version } = await ok('POST', '/api/flows/ask-by-mail/publish', 'olivia', { note: 'v1' });
    await ok('POST', '/api/flows/ask-by-mail/activate', 'admin', { version });
    const opened = await ok('POST', '/api/cases', 'lena', {
      flow: 'ask-by-mail',
      customerId: 'c-1001',
      channel: 'email',
      subject: 'Card arrived broken',
    });
    caseId = opened.id;
    const outbox = await ok('GET', `/api/outbox?case=${caseId}`, 'admin');
    const survey = outbox.items.find((o: { kind: string }) => o.kind === 'survey');
    // The invitation is a mail with the page's link; admins see the mail, never the token.
    expect(survey.payload.mail.text).toMatch(
      /Answer here, no sign-in needed: http:\/\/\S+\/survey\/\[redacted\]/,
    );
    token = (await ok('GET', `/api/cases/${caseId}`, 'carla')).surveys[0].token;
  });

  it('asks, refuses no score, thanks, and says it was answered when the link is opened again', async () => {
    const page = await suite.anonymous();
    await page.goto(`${suite.rt.url}/survey/${token}`);
    await page.getByRole('heading', { name: 'Your opinion', level: 1 }).waitFor();
    await page
      .getByRole('heading', { name: 'How satisfied are you with how we handled your request?' })
      .waitFor();
    expect(await page.getByRole('radio').count()).toBe(5);
    await screenshot(page, 'survey-link-question');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Choose a score').waitFor();
    // The scale's radios are drawn as their labels.
    await page.getByRole('form', { name: 'Survey' }).getByText('4', { exact: true }).click();
    await page.getByLabel('Comment (optional)').fill('Quick, thanks');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you for your answer.' }).waitFor();
    await screenshot(page, 'survey-link-answered');

    await page.reload();
    await page.getByRole('status').filter({ hasText: 'This survey has been answered. Thank you!' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('pt-BR');
    await page
      .getByRole('status')
      .filter({ hasText: 'Esta pesquisa já foi respondida. Obrigado!' })
      .waitFor();

    const view = await suite.rt.api('GET', `/api/cases/${caseId}`, { as: 'carla' });
    expect(view.body.surveys[0]).toMatchObject({ answered: true, score: 4 });
    await page.context().close();
  });
});

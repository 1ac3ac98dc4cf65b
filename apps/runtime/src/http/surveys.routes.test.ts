import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

/**
 * A password reset through to its CES survey:
 * request → reset (done) → grace timer → ask-confirmation → await-confirmation
 *   --customer-confirmed--> ces survey → done
 */
async function caseWithSurvey(): Promise<{ id: string; token: string }> {
  const opened = await f.call('POST', '/api/catalog/password-reset/requests', {
    as: 'carla',
    body: { values: { username: 'carla.j', contact: 'carla@example.com' } },
  });
  const staff = await f.call('GET', `/api/cases/${opened.body.id}`, { as: 'ivan' });
  const task = staff.body.tasks.find((t: { nodeId: string }) => t.nodeId === 'reset');
  await f.call('POST', `/api/tasks/${task.id}/complete`, { as: 'ivan', body: { outcome: 'done' } });
  const moved = await f.call('POST', '/api/_test/clock', { as: 'admin', body: { advance: 'P1D' } });
  expect(moved.body.fired).toBeGreaterThanOrEqual(1);
  const waiting = await f.call('GET', `/api/cases/${opened.body.id}`, { as: 'ivan' });
  expect(waiting.body.activeNodes).toEqual(['await-confirmation']);
  const confirmed = await f.call('POST', `/api/cases/${opened.body.id}/signals`, {
    as: 'ivan',
    body: { name: 'customer-confirmed' },
  });
  expect(confirmed.status).toBe(200);
  // Staff see the survey, never its token: the token is the customer's answer link.
  expect(confirmed.body.surveys).toEqual([{ kind: 'ces', answered: false, score: null }]);
  const own = await f.call('GET', `/api/cases/${opened.body.id}`, { as: 'carla' });
  const survey = own.body.surveys.find((s: { kind: string }) => s.kind === 'ces');
  return { id: opened.body.id, token: survey.token };
}

describe('survey routes', () => {
  it('answers a survey once, on its own scale, by the token holder; never by staff', async () => {
    const { id, token } = await caseWithSurvey();
    expect((await f.call('GET', `/api/surveys/${token}`)).body).toEqual({
      kind: 'ces',
      scale: { min: 1, max: 7 },
      answered: false,
      score: null,
      question: 'How easy was it to get your request handled?',
      locale: 'en',
    });
    expect((await f.call('POST', `/api/surveys/${token}`, { body: { score: 9 } })).status).toBe(400);
    // An agent holding the token is still not the customer.
    const byAgent = await f.call('POST', `/api/surveys/${token}`, { as: 'ivan', body: { score: 7 } });
    expect(byAgent.status).toBe(403);
    expect((await f.call('POST', `/api/surveys/${token}`, { as: 'ben', body: { score: 7 } })).status).toBe(
      403,
    );
    const ok = await f.call('POST', `/api/surveys/${token}`, { body: { score: 6, comment: 'quick' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ answered: true, score: 6 });
    expect((await f.call('POST', `/api/surveys/${token}`, { body: { score: 5 } })).status).toBe(409);
    const kase = await f.call('GET', `/api/cases/${id}`, { as: 'carla' });
    expect(kase.body.surveys[0]).toMatchObject({ kind: 'ces', answered: true, score: 6 });
    const staff = await f.call('GET', `/api/cases/${id}`, { as: 'ivan' });
    expect(staff.body.surveys).toEqual([{ kind: 'ces', answered: true, score: 6 }]);
    const metrics = await f.call('GET', '/api/metrics?flow=password-reset', { as: 'olivia' });
    expect(metrics.body.total.ces).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { oneTaskFlow } from '../support/one-task-flow';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * Routing offers work to an agent (group `fraud`: round-robin, two minutes to accept): the work
 * queue shows the task as offered with an Accept button; the case page says until when and lets
 * her accept it (hers, nothing lapses) or decline it with a reason (back in the queue).
 *
 *   start → ask (fraud) → closed
 */
const FLOW = oneTaskFlow('payment-check', 'Payment check', 'Check the payment', 'fraud');

describe('a task offered by routing', () => {
  const cases: string[] = [];
  const suite = designerSuite(async (rt) => {
    const ok = async (method: string, path: string, as: string, body?: unknown) => {
      const res = await rt.api(method, path, { as, body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    await ok('PUT', `/api/flows/${FLOW.key}`, 'olivia', { definition: FLOW });
    await ok('POST', `/api/flows/${FLOW.key}/publish`, 'olivia', {});
    await ok('PUT', '/api/groups/fraud', 'admin', { routing: { mode: 'round-robin', offerTimeout: 'PT2M' } });
    await ok('PUT', '/api/agents/fatima/presence', 'fatima', { status: 'online' });
    for (const subject of ['Odd payment abroad', 'Two cards, one phone']) {
      const opened = await ok('POST', '/api/cases', 'lena', {
        flow: FLOW.key,
        customerId: 'c-1001',
        channel: 'phone',
        subject,
      });
      cases.push(opened.id);
    }
  });
  const taskOf = async (caseId: string) =>
    (await suite.rt.api('GET', `/api/cases/${caseId}`, { as: 'sam' })).body.tasks[0] as {
      status: string;
      assignee: string | null;
      offer?: unknown;
    };

  it('is shown as an offer, accepted from the queue or declined with a reason from the case', async () => {
    const page = await suite.signIn('fatima');
    await page.goto(`${suite.rt.url}/work`);
    const row = page.getByRole('row', { name: /Odd payment abroad/ });
    await row.getByText('offered').waitFor();
    await screenshot(page, 'task-offer-queue');
    await row.getByRole('button', { name: 'Accept Check the payment' }).click();
    await expect.poll(async () => (await taskOf(cases[0]!)).offer).toBeUndefined();
    expect(await taskOf(cases[0]!)).toMatchObject({ status: 'claimed', assignee: 'fatima' });

    await page.goto(`${suite.rt.url}/cases/${cases[1]}`);
    const offer = page.getByRole('region', { name: 'Offer of “Check the payment”' });
    await offer
      .getByText(/^Routing gave you this task\. Accept it by .*, or it goes to the next agent\.$/)
      .waitFor();
    await screenshot(page, 'task-offer-case');
    await offer.getByRole('button', { name: 'Decline…' }).click();
    const decline = offer.getByRole('button', { name: 'Decline', exact: true });
    expect(await decline.isDisabled()).toBe(true);
    await offer.getByLabel('Why not you?').fill('On a call with the bank');
    await decline.click();
    await expect.poll(async () => (await taskOf(cases[1]!)).status).toBe('open');
    await offer.waitFor({ state: 'detached' });
    // Back in the queue: hers to claim like anyone's of the group.
    await page.getByRole('button', { name: 'Claim Check the payment' }).waitFor();
  });
});

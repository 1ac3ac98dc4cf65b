import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { launchChromium, screenshot, watchConsole } from './chromium';
import { ensureDesignerBuilt, submitLogin } from './designer-app';

/**
 * The password-reset request end to end in the browser, on the built runtime with the demo data:
 *
 *   carla (portal) requests a reset; the empty form shows inline field errors first
 *   → ivan (workspace) claims the reset task from the it-support queue and completes it "done"
 *   → the grace timer fires on the test clock → ivan delivers "customer-confirmed"
 *   → carla sees the request resolved and answers the CES survey.
 */

describe('portal and workspace in the browser', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  const consoles: string[][] = [];
  beforeAll(async () => {
    ensureDesignerBuilt();
    rt = await startRuntime();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  async function signIn(user: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    consoles.push(watchConsole(page));
    await submitLogin(page, rt.url, user);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return page;
  }

  it('a customer requests, an agent works the task, the customer answers the survey', async () => {
    const carla = await signIn('carla');
    await carla.getByRole('link', { name: 'Request Reset my password' }).click();
    await carla.getByRole('button', { name: 'Submit request' }).click();
    await expect
      .poll(() => carla.locator('.field-error').allTextContents())
      .toContain('User name is required');
    await screenshot(carla, 'portal-form-errors');
    await carla.getByLabel('User name').fill('carla.j');
    await carla.getByLabel('Where to reach you').fill('carla@example.com');
    await carla.getByRole('button', { name: 'Submit request' }).click();
    await carla.waitForURL('**/cases/**');
    const caseId = carla.url().split('/cases/')[1]!;
    await screenshot(carla, 'portal-case-open');

    const ivan = await signIn('ivan');
    await ivan.waitForURL('**/work');
    const row = ivan.getByRole('row').filter({ hasText: caseId });
    await row.getByRole('button', { name: /^Claim/ }).click();
    await expect.poll(() => row.textContent()).toContain('claimed');
    await screenshot(ivan, 'workspace-queue');
    await row.getByRole('link', { name: /^Open/ }).click();
    await ivan.getByRole('button', { name: 'Complete as done' }).click();
    await expect
      .poll(() => ivan.getByRole('region', { name: 'Open tasks' }).textContent())
      .toContain('No open tasks');

    await rt.advance('PT15M');
    await ivan.reload();
    await ivan.getByLabel('Signal', { exact: true }).fill('customer-confirmed');
    await ivan.getByRole('button', { name: 'Deliver' }).click();
    await expect.poll(() => ivan.locator('.page-header .badge').textContent()).toBe('resolved');
    await screenshot(ivan, 'workspace-case-resolved');

    await carla.goto(`${rt.url}/requests`);
    const mine = carla.getByRole('row').filter({ hasText: 'Reset my password' });
    await expect.poll(() => mine.textContent()).toContain('resolved');
    await mine.getByRole('link').first().click();
    const survey = carla.getByRole('form', { name: 'Survey' });
    await survey.getByText('2', { exact: true }).click();
    await survey.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => survey.count()).toBe(0);
    await screenshot(carla, 'portal-survey-answered');

    const kase = await rt.api('GET', `/api/cases/${caseId}`, { as: 'carla' });
    expect(kase.body.status).toBe('resolved');
    expect(kase.body.surveys).toEqual([expect.objectContaining({ kind: 'ces', answered: true, score: 2 })]);
    expect(consoles.flat()).toEqual([]);
  });
});

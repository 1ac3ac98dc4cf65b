import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * An owner builds a flow without knowing ISO-8601 or ids: groups, people, breach recipients,
 * calendars, templates and the child flow are picked from the installation's lists, durations
 * as an amount and a unit. Then
 * the simulator takes the case data as a form generated from the flow's variables, and shows
 * the child case's events in a group of their own.
 *
 *   start ─▶ check (subflow, to pick) ─▶ route ─ suspicious > 2 ─▶ review (task) ─▶ tell ─▶ closed
 *                                          └──── default ────────▶ replace (task) ─┘
 */
const FLOW = {
  key: 'owner-picks',
  name: 'Owner picks',
  variables: {
    type: 'object',
    properties: {
      cardLast4: { type: 'string', title: 'Last 4 digits', pattern: '^[0-9]{4}$' },
      suspicious: { type: 'integer', title: 'Suspicious transactions' },
    },
    required: ['cardLast4'],
  },
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'check',
      type: 'subflow',
      name: 'Check for fraud',
      flow: 'child-flow',
      input: { suspicious: 'suspicious' },
    },
    { id: 'route', type: 'decision' },
    { id: 'review', type: 'task', title: 'Review for fraud', assign: {}, outcomes: ['done'] },
    { id: 'replace', type: 'task', title: 'Replace the card', assign: {}, outcomes: ['done'] },
    { id: 'tell', type: 'notify', to: 'customer', template: 'case-update' },
    { id: 'closed', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'check' },
    { from: 'check', to: 'route' },
    { from: 'route', to: 'review', when: 'suspicious > 2' },
    { from: 'route', to: 'replace', default: true },
    { from: 'review', to: 'tell', on: 'done' },
    { from: 'replace', to: 'tell', on: 'done' },
    { from: 'tell', to: 'closed' },
  ],
};

/** Chooses the option of a closed select whose text starts with `text`, typing it (type-ahead). */
async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await select.focus();
  await page.keyboard.type(text);
  await expect
    .poll(async () => (await select.locator('option:checked').textContent()) ?? '')
    .toMatch(new RegExp(`^${text.replace(/[()]/g, '\\$&')}`));
}

/** Types a number over the field's text. */
async function typeNumber(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

describe('an owner builds a flow with pickers and simulates it with a form', () => {
  const suite = designerSuite(async (rt) => {
    const saved = await rt.api('PUT', `/api/flows/${FLOW.key}`, { as: 'olivia', body: { definition: FLOW } });
    expect(saved.status).toBe(200);
  });

  /** Selects a node with a click and answers its properties panel. */
  async function pick(page: Page, id: string): Promise<Locator> {
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.locator(`.react-flow__node[data-id="${id}"]`).click();
    const panel = page.getByRole('region', { name: `Properties of ${id}` });
    await panel.waitFor();
    return panel;
  }

  it('picks groups, durations, calendars, a template and a subflow, then runs the case from a form', async () => {
    const page = await suite.signIn('olivia');
    await page.goto(`${suite.rt.url}/flows/${FLOW.key}`);
    await page.locator('.react-flow__node[data-id="review"]').waitFor();

    // Flow settings: SLAs count business hours.
    await page.locator('.canvas-wrap').click({ position: { x: 8, y: 8 } });
    const settings = page.getByRole('region', { name: 'Flow settings' });
    await choose(page, settings.getByLabel('Business calendar'), 'Business hours');

    // The review goes to the fraud group with an SLA of 30 minutes.
    const review = await pick(page, 'review');
    await choose(page, review.getByLabel('Group', { exact: true }), 'fraud');
    await review.getByLabel('Has an SLA').click();
    await choose(page, review.getByLabel('SLA target: unit'), 'minute');
    await typeNumber(page, review.getByLabel('SLA target: how many'), '30');
    await expect.poll(() => review.textContent()).toContain('30 minutes');
    // People are picked by name: Fatima does the review; a breach tells the supervisors and Sam.
    const user = review.getByLabel('User', { exact: true });
    expect(await user.locator('option').allTextContents()).toContain('Fatima (L3) (fatima)');
    await user.selectOption({ label: 'Fatima (L3) (fatima)' });
    await review.getByLabel('On breach').selectOption({ label: 'Notify recipients' });
    const notify = review.getByRole('group', { name: 'Notify on breach' });
    await notify.getByLabel('Add to Notify on breach').selectOption({ label: 'Group supervisors' });
    await notify
      .getByLabel('Add to Notify on breach')
      .selectOption({ label: 'Person: Sam (supervisor) (sam)' });
    await notify.getByRole('button', { name: 'Remove Person: Sam (supervisor) (sam)' }).waitFor();

    // The customer hears by the "replacement card sent" template; the check runs the fraud subflow.
    const tell = await pick(page, 'tell');
    await choose(page, tell.getByLabel('Template', { exact: true }), 'Your replacement card was sent');
    const check = await pick(page, 'check');
    await choose(page, check.getByLabel('Child flow'), 'Fraud check');
    await screenshot(page, 'owner-pickers-properties');

    await page.locator('.canvas-wrap').click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('Draft saved');
    const draft = (await suite.rt.api('GET', `/api/flows/${FLOW.key}`, { as: 'olivia' })).body.definition;
    expect(draft.calendar).toBe('business');
    expect(draft.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'review',
          assign: { group: 'fraud', user: 'fatima' },
          sla: expect.objectContaining({
            target: 'PT30M',
            onBreach: 'notify',
            notify: ['group:supervisors', 'user:sam'],
          }),
        }),
        expect.objectContaining({ id: 'tell', template: 'card-replaced' }),
        expect.objectContaining({ id: 'check', flow: 'fraud-check' }),
      ]),
    );

    // The simulator's case data is a form of the flow's variables, checked before it starts.
    await page.getByRole('tab', { name: 'Simulator' }).click();
    const form = page.getByRole('form', { name: 'Case data' });
    await form.getByRole('button', { name: 'Start simulation' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('1 field needs a fix.');
    await form.getByLabel('Last 4 digits').fill('4242');
    await form.getByLabel('Suspicious transactions').fill('3');
    await form.getByRole('button', { name: 'Start simulation' }).click();

    // The child case (the fraud check) waits for its assessment; its events are grouped apart.
    const trace = page.locator('.trace');
    const child = trace.getByRole('region', { name: 'Child case “fraud-check” of Check for fraud' });
    await child.first().waitFor();
    await page.getByRole('button', { name: /^clear/ }).click();
    // 3 went in as a number: the decision sends the case to the review.
    await page.locator('.sim-task').filter({ hasText: 'Review for fraud' }).waitFor();
    await expect.poll(() => trace.locator('.trace-child').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'owner-pickers-simulator');
    expect(suite.consoles.flat()).toEqual([]);
  }, 240_000);
});

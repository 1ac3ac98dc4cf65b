import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * An owner builds a flow without knowing ISO-8601 or ids: groups, people, breach recipients,
 * calendars, templates and the child flow are picked from the installation's lists, durations
 * as an amount and a unit, a case SLA's start, stop and pause among case events and steps by
 * what they mean, its warnings in percent. Then the simulator takes the case data as a form
 * generated from the flow's variables, shows the child case's events in a group of their own,
 * and offers the flow's signals and an agent's first answer as buttons.
 *
 *   start ─▶ check (subflow, to pick) ─▶ route ─ suspicious > 2 ─▶ review (task) ─▶ tell ─▶ await ─▶ closed
 *                                          └──── default ────────▶ replace (task) ─┘    (customer-replied)
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
    { id: 'await', type: 'wait', name: 'Await the customer', signal: 'customer-replied' },
    { id: 'closed', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'check' },
    { from: 'check', to: 'route' },
    { from: 'route', to: 'review', when: 'suspicious > 2' },
    { from: 'route', to: 'replace', default: true },
    { from: 'review', to: 'tell', on: 'done' },
    { from: 'replace', to: 'tell', on: 'done' },
    { from: 'tell', to: 'await' },
    { from: 'await', to: 'closed', on: 'customer-replied' },
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
    // A tier row stays inside the panel, however long the groups' descriptions are.
    await settings.getByRole('button', { name: 'Add tier' }).click();
    const panelBox = (await settings.boundingBox())!;
    const tierGroup = (await settings.getByLabel('Tier group').boundingBox())!;
    expect(tierGroup.x + tierGroup.width).toBeLessThanOrEqual(panelBox.x + panelBox.width + 1);
    await settings.getByRole('button', { name: 'Remove tier Level 1' }).click();
    // A case SLA runs from the opening to an agent's first answer, paused while the customer is
    // awaited, warning at half and 80% of its time: all picked, nothing typed but the percentages.
    await settings.getByRole('button', { name: 'Add case SLA' }).click();
    const starts = settings.getByLabel('Starts', { exact: true });
    expect(await starts.locator('option').allTextContents()).toEqual([
      'No event (only at steps)',
      'When the case opens',
      'When an agent first answers the customer',
    ]);
    expect(await starts.inputValue()).toBe('case.opened');
    await settings
      .getByLabel('Stops', { exact: true })
      .selectOption({ label: 'When an agent first answers the customer' });
    await settings
      .getByRole('group', { name: 'Also stops on reaching' })
      .getByRole('button', { name: 'Remove closed' })
      .click();
    await settings
      .getByLabel('Add to Paused while the case is at')
      .selectOption({ label: 'Await the customer' });
    await typeNumber(page, settings.getByLabel('Warn at (% of the target)'), '50, 80');

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
    expect(draft.slas).toEqual([
      expect.objectContaining({
        id: 'resolution',
        start: { event: 'case.opened' },
        stop: { event: 'case.firstResponse', atNodes: [] },
        pause: { atNodes: ['await'] },
        warnAt: [0.5, 0.8],
      }),
    ]);
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
    const child = trace.getByRole('region', { name: 'Child case “Fraud check” of Check for fraud' });
    await child.first().waitFor();
    await page.getByRole('button', { name: /^clear/ }).click();
    // 3 went in as a number: the decision sends the case to the review.
    await page.locator('.sim-task').filter({ hasText: 'Review for fraud' }).waitFor();
    await expect.poll(() => trace.locator('.trace-child').count()).toBeGreaterThanOrEqual(2);

    // The flow's signal and an agent's first answer are buttons; no engine event is typed.
    expect(await page.getByLabel('Signal name').count()).toBe(0);
    const slas = page.getByRole('region', { name: 'SLA clocks' });
    const resolution = slas.getByRole('listitem').filter({ hasText: 'Case SLA “resolution”' });
    await resolution.getByText('target 8 hours').waitFor();
    await page.getByRole('button', { name: 'An agent answers the customer' }).click();
    await resolution.getByText('met').waitFor();
    const signals = page.getByRole('region', { name: 'Signals' });
    await signals.getByText('Waited for at Await the customer; the case is not there now.').waitFor();
    await page.getByRole('button', { name: /^done/ }).click();
    await signals.getByText('The case waits for it now at Await the customer.').waitFor();
    await screenshot(page, 'owner-pickers-simulator');
    await signals.getByRole('button', { name: 'Send “customer-replied”' }).click();
    await expect.poll(() => trace.textContent()).toContain('Signal customer-replied');
    await expect.poll(() => page.locator('.sim-head').textContent()).toContain('resolved');
    expect(suite.consoles.flat()).toEqual([]);
  }, 240_000);
});

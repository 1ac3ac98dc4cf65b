import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { launchChromium, screenshot, watchConsole } from './chromium';
import { ensureDesignerBuilt, submitLogin } from './designer-app';

/**
 * An owner draws a flow in the designer from an empty canvas with mouse and keyboard, served
 * by the built runtime on a fresh database:
 *
 *   start ──▶ grant (task "Grant VPN access", outcome granted) ──granted──▶ done
 *
 * The test leaves the task's outcome unconnected first, sees the validation problem on the
 * canvas and in the problems list, fixes it, deletes and restores a node with Delete and
 * Ctrl+Z, saves the draft and publishes version 1; leaving with unsaved changes asks first.
 */

/** The centre of an element once it has stopped moving (the canvas animates pans and zooms). */
async function settledCentre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const box = await page.locator(selector).boundingBox();
    const now = box ? `${Math.round(box.x)},${Math.round(box.y)}` : '';
    if (box && now === last) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    last = now;
    await page.waitForTimeout(100);
  }
  throw new Error(`${selector} never settled`);
}

/** Drags with the mouse from the centre of one element to the centre of another, as a person would. */
async function drag(page: Page, from: string, to: string): Promise<void> {
  const a = await settledCentre(page, from);
  const b = await settledCentre(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 10, a.y + 10, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 12 });
  // Dwell on the target as a person does: the canvas snaps to the nearest handle on the next frames.
  await page.waitForTimeout(150);
  await page.mouse.move(b.x + 1, b.y + 1);
  await page.waitForTimeout(150);
  await page.mouse.up();
}

const node = (id: string) => `.react-flow__node[data-id="${id}"]`;

describe('designer in the browser', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  beforeAll(async () => {
    ensureDesignerBuilt();
    rt = await startRuntime();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  it('an owner draws, fixes and publishes a flow from an empty canvas', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchConsole(page);
    try {
      await drawAndPublish(page);
    } catch (error) {
      await screenshot(page, 'designer-draw-failure');
      throw error;
    }
    const saved = await rt.api('GET', '/api/flows/vpn-access', { as: 'olivia' });
    expect(saved.body.versions).toEqual([1]);
    expect(saved.body.definition.edges).toEqual([
      { from: 'start', to: 'grant' },
      { from: 'grant', to: 'done', on: 'granted' },
    ]);
    expect(errors).toEqual([]);
  });

  async function drawAndPublish(page: Page): Promise<void> {
    await submitLogin(page, rt.url, 'olivia');
    await page.waitForURL('**/flows');
    await screenshot(page, 'flows');

    await page.getByLabel('New flow key').fill('vpn-access');
    await page.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForSelector(node('start'));
    await page.waitForSelector(node('done'));

    // Add a task from the palette; it lands in view, selected, with its properties open.
    await page.getByRole('button', { name: 'Add Task node' }).click();
    await page.waitForSelector(node('task'));
    await page.getByLabel('Title').fill('Grant VPN access');
    await page.getByLabel('Outcomes').fill('granted');
    await page.getByLabel('Id', { exact: true }).fill('grant');
    await page.waitForSelector(node('grant'));

    // Move the task between start and end, then connect start → grant with the mouse.
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForTimeout(400);
    await drag(
      page,
      `${node('start')} .react-flow__handle.source`,
      `${node('grant')} .react-flow__handle.target`,
    );
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    // The unconnected outcome is a problem, shown on the node and in the list.
    await page.getByRole('tab', { name: /Problems/ }).click();
    await expect.poll(() => page.locator(`${node('grant')} .fnode-badge`).count()).toBe(1);
    const problems = page.getByRole('list', { name: 'Problems' });
    await expect.poll(() => problems.textContent()).toContain('granted');
    await screenshot(page, 'editor-problem');
    await problems.getByRole('button').filter({ hasText: 'granted' }).first().click();
    await page.waitForTimeout(500); // the canvas pans to the node

    // Fix it: connect the "granted" handle to the end node.
    await drag(
      page,
      `${node('grant')} .react-flow__handle[data-handleid="granted"]`,
      `${node('done')} .react-flow__handle.target`,
    );
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expect.poll(() => page.getByRole('tab', { name: /Problems/ }).textContent()).toBe('Problems (0)');

    // Delete the end node with the keyboard, then undo.
    await page.locator(node('done')).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator(node('done')).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator(node('done')).count()).toBe(1);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    // Save and publish.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('Draft saved');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByLabel('Version note').fill('First version, drawn in the browser test');
    await page.getByRole('button', { name: 'Publish version' }).click();
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('Published version 1');
    await screenshot(page, 'editor-published');

    // Leaving with unsaved changes asks first.
    await page.getByRole('button', { name: 'Add Notify node' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    const guard = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await guard.waitFor();
    await guard.getByRole('button', { name: 'Stay' }).click();
    expect(page.url()).toContain('/flows/vpn-access');
    await page.keyboard.press('Control+z');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    await page.waitForURL('**/flows');
  }
});

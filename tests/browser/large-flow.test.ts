import { chainFlow } from '@caseflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { designerSuite } from './designer-app';

/**
 * A 5,000-node flow in the editor: the canvas must draw (only what is visible) instead of
 * blocking the page; the owner can pan to the end of the flow.
 */
describe('the editor with a 5,000-node flow', () => {
  const suite = designerSuite(async (rt) => {
    const saved = await rt.api('PUT', '/api/flows/chain-5000', {
      as: 'olivia',
      body: { definition: chainFlow(5000) },
    });
    expect(saved.status).toBe(200);
  });

  it('draws the visible part of the flow and keeps the rest out of the page', async () => {
    const page = await suite.signIn('olivia');
    const started = Date.now();
    await page.goto(`${suite.rt.url}/flows/chain-5000`);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    console.log(`first node drawn after ${Date.now() - started} ms`);
    const drawn = await page.locator('.react-flow__node').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(1000);
    await page.screenshot({ path: 'tests/.artifacts/screenshots/large-flow.png' });

    const stepsShown = () =>
      page
        .locator('.react-flow__node')
        .evaluateAll((els) =>
          els.map((e) => Number(/step-(\d+)/.exec(e.getAttribute('aria-label') ?? '')?.[1] ?? -1)),
        );
    const before = Math.max(...(await stepsShown()));

    // Panning down the chain brings later nodes in and drops the first ones.
    const box = (await page.getByLabel('Flow canvas').boundingBox())!;
    for (let i = 0; i < 4; i++) {
      // Drag on empty canvas, left of the chain, from near the bottom to the top.
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.8);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.1, { steps: 8 });
      await page.mouse.up();
    }
    await expect.poll(() => page.getByLabel('Action step-0', { exact: true }).count()).toBe(0);
    const later = await stepsShown();
    expect(Math.max(...later)).toBeGreaterThan(before);
    expect(later.length).toBeLessThan(1000);
  });
});

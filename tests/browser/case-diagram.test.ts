import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The diagram on a case page is laid out as the editor lays a flow out: its edges follow their
 * routes, so the labels of edges leaving one node (a task's outcomes, a wait's signal and
 * timeout) stand apart instead of on top of each other.
 */
describe('the case diagram', () => {
  let caseId = '';
  const suite = designerSuite(async (rt) => {
    const opened = await rt.api('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'lost-card', customerId: 'c-1001', channel: 'phone', subject: 'Card lost' },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id as string;
  });

  it('places edge labels apart', async () => {
    const page = await suite.signIn('lena');
    await page.goto(`${suite.rt.url}/cases/${caseId}`);
    const labels = page.locator('.case-canvas .edge-label');
    await expect.poll(() => labels.count(), { timeout: 20_000 }).toBeGreaterThan(3);
    // Routed edges draw once the layout has run; until then their labels may sit together.
    await expect
      .poll(
        async () => {
          const boxes = (await labels.evaluateAll((els) =>
            els.map((e) => {
              const r = e.getBoundingClientRect();
              return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent };
            }),
          )) as Array<Box & { text: string }>;
          const clashes: string[] = [];
          boxes.forEach((a, i) => {
            for (const b of boxes.slice(i + 1)) if (overlap(a, b)) clashes.push(`${a.text} / ${b.text}`);
          });
          return clashes;
        },
        { timeout: 20_000 },
      )
      .toEqual([]);
    await page.locator('.case-canvas').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-diagram');
  });
});

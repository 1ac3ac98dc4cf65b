import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const LABELS = '.fnode-text strong, .fnode-caption, .edge-label';

/** The on-screen boxes of every label on the canvas: node titles, captions and edge labels. */
function labelBoxes(page: Page): Promise<Box[]> {
  return page.locator(LABELS).evaluateAll((els) =>
    els.map((el) => {
      // The text's own box: a title's element spans its node, its words may be shorter.
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { text: el.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** The canvas zoom, from the transform of React Flow's viewport. */
const zoomOf = async (page: Page) => {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? Number.NaN);
};

/**
 * An owner lays out the lost-card flow on a 1440×900 screen: at "fit" no two labels overlap,
 * the text is readable, the minimap sits beside the canvas and the toolbar stays on one line.
 */
describe('a canvas that reads at a glance', () => {
  const suite = designerSuite();

  it('lays out lost-card: no overlapping labels at fit, readable text, nothing over the canvas', async () => {
    const page = await suite.signIn('olivia');
    await page.goto(`${suite.rt.url}/flows/lost-card`);
    await page.locator('.react-flow__node[data-id="start"]').waitFor();
    await page.getByRole('button', { name: 'Auto-layout', exact: true }).click();
    await expect
      .poll(() => page.locator('.edge-label').count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(10);
    // Every edge is drawn orthogonally, from handle to handle.
    const paths = await page
      .locator('.react-flow__edge-path')
      .evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
    const slanted = paths.filter((d) => {
      const pts = [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      return pts.some(
        (q, i) => i > 0 && Math.abs(q[0]! - pts[i - 1]![0]!) > 1.5 && Math.abs(q[1]! - pts[i - 1]![1]!) > 1.5,
      );
    });
    expect(slanted).toEqual([]);
    await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
    await page.waitForTimeout(600); // the fit animates for 250 ms
    await screenshot(page, 'lost-card-fit');

    const boxes = (await labelBoxes(page)).filter((b) => b.width > 0);
    expect(boxes.length).toBeGreaterThanOrEqual(30);
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (overlap(boxes[i]!, boxes[j]!)) clashes.push(`"${boxes[i]!.text}" × "${boxes[j]!.text}"`);
    expect(clashes).toEqual([]);

    // Readable: 12–13 px text times the zoom stays at or above 10 px.
    const zoom = await zoomOf(page);
    const sizes = await page
      .locator(LABELS)
      .evaluateAll((els) =>
        els.map((el) => Number.parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).fontSize)),
      );
    const smallest = Math.min(...sizes);
    console.log(
      `lost-card at fit: zoom ${zoom.toFixed(2)}, smallest text ${(smallest * zoom).toFixed(1)} px`,
    );
    expect(smallest * zoom).toBeGreaterThanOrEqual(10);

    // The minimap is beside the canvas, never over it.
    const canvas = (await page.getByLabel('Flow canvas').boundingBox())!;
    const minimap = (await page.getByRole('img', { name: 'Minimap' }).boundingBox())!;
    expect(overlap({ text: 'canvas', ...canvas }, { text: 'minimap', ...minimap })).toBe(false);

    // The layout left the draft unsaved: the badge does not wrap the toolbar.
    await page.getByText('unsaved', { exact: true }).waitFor();
    const toolbar = (await page.getByRole('toolbar', { name: 'Flow editor' }).boundingBox())!;
    expect(toolbar.height).toBeLessThan(60);
    // The whole flow, zoomed out by the keyboard's zoom action, for the record.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 3; i++) await page.keyboard.press('-');
    await page.waitForTimeout(400);
    await screenshot(page, 'lost-card-overview');
    expect(suite.consoles.flat()).toEqual([]);
  });

  it('adds a node beside the selection, in free space, and lists the shortcuts on ?', async () => {
    const page = await suite.signIn('olivia');
    await page.goto(`${suite.rt.url}/flows/lost-card`);
    await page.locator('.react-flow__node[data-id="verify"]').click();
    await page.getByRole('button', { name: 'Add Task node' }).click();
    const added = page.locator('.react-flow__node.selected');
    await expect.poll(() => added.getAttribute('data-id')).toBe('task');
    const boxes = await page
      .locator('.react-flow__node')
      .evaluateAll((els) =>
        els.map((e) => ({ id: e.getAttribute('data-id'), ...e.getBoundingClientRect().toJSON() })),
      );
    const mine = boxes.find((b) => b.id === 'task')!;
    for (const other of boxes.filter((b) => b.id !== 'task'))
      expect(overlap({ text: 'task', ...mine }, { text: other.id ?? '', ...other }), other.id ?? '').toBe(
        false,
      );

    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+Slash');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('Ctrl+Z');
    expect(await sheet.textContent()).toContain('Auto-layout');
  });
});

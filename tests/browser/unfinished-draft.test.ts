import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * A draft saved through the API may be unfinished in any way (the runtime keeps it and lists
 * its problems): the editor still opens it, draws what it can and names what to fix, and
 * the owner fixes it there.
 *
 *   start ─▶ t (task without outcomes) ─▶ e
 */
const KEY = 'unfinished-draft';
const definition = {
  key: KEY,
  name: 'Unfinished',
  nodes: [
    { id: 's', type: 'start' },
    { id: 't', type: 'task', title: 'Half-written task' },
    { id: 'a', type: 'approval', title: 'Sign-off' },
    { id: 'e', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 's', to: 't' },
    { from: 't', to: 'e' },
  ],
};

describe('an unfinished draft', () => {
  const suite = designerSuite(async (rt) => {
    const saved = await rt.api('PUT', `/api/flows/${KEY}`, { as: 'olivia', body: { definition } });
    expect(saved.status).toBe(200);
  });

  it('opens in the editor with its problems named, and is fixed there', async () => {
    const page = await suite.signIn('olivia');
    await page.goto(`${suite.rt.url}/flows/${KEY}`);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await page.getByRole('tab', { name: /Problems/ }).click();
    await expect.poll(() => page.locator('.problems').textContent()).toMatch(/outcomes/);
    await screenshot(page, 'unfinished-draft');
    expect(await page.getByText('Unexpected Application Error').count()).toBe(0);
  });
});

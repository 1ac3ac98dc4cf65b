import { describe, expect, it } from 'vitest';
import { oneTaskFlow } from '../support/one-task-flow';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * Two people edit one draft: the owner's save is refused once an admin saved the draft after
 * the owner opened it, the page says who and when, and nothing is overwritten until the owner
 * chooses whose draft stays — theirs (their canvas is loaded) or the owner's (saved over it).
 *
 *   start ─▶ ask (task: done) ─▶ closed
 */
const FLOW = oneTaskFlow('shared-draft', 'Shared draft', 'Call the customer');
type Definition = { nodes: Array<{ id: string; type: string; title?: string }> };

describe('two people save the same draft', () => {
  const suite = designerSuite(async (rt) => {
    const saved = await rt.api('PUT', `/api/flows/${FLOW.key}`, { as: 'olivia', body: { definition: FLOW } });
    expect(saved.status).toBe(200);
  });
  const draft = async () =>
    (await suite.rt.api('GET', `/api/flows/${FLOW.key}`, { as: 'olivia' })).body.definition as Definition;
  /** The admin saves the draft with the task titled `title`, as a script or another editor would. */
  const adminSaves = async (title: string) => {
    const definition = oneTaskFlow(FLOW.key, FLOW.name, title);
    const res = await suite.rt.api('PUT', `/api/flows/${FLOW.key}`, { as: 'admin', body: { definition } });
    expect(res.status).toBe(200);
  };

  it('refuses to overwrite unseen work and lets the owner choose whose draft stays', async () => {
    const page = await suite.signIn('olivia');
    await page.goto(`${suite.rt.url}/flows/${FLOW.key}`);
    const nodes = page.locator('.react-flow__node');
    await expect.poll(() => nodes.count()).toBe(3);
    const status = page.locator('.status-line');

    // Saving without anyone else in between works as before, and chains: two saves in a row.
    await page.getByRole('button', { name: 'Add Notify node' }).click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => status.textContent()).toContain('Draft saved');
    await page.getByRole('button', { name: 'Add Notify node' }).click();
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await draft()).nodes.length).toBe(5);

    // The admin saves meanwhile; the owner's next save is refused and names the admin.
    await adminSaves('Call the customer today');
    await page.getByRole('button', { name: 'Add Notify node' }).click();
    await page.keyboard.press('Control+s');
    const banner = page.locator('.conflict-banner');
    await banner.getByText(/^Administrator saved this draft on .*, after you opened it/).waitFor();
    await screenshot(page, 'draft-conflict');
    expect(await status.textContent()).not.toContain('Draft saved');
    let stored = await draft();
    expect(stored.nodes.length).toBe(3);
    expect(stored.nodes.find((n) => n.id === 'ask')?.title).toBe('Call the customer today');

    // Keep mine: saved over theirs, now that it is seen.
    await banner.getByRole('button', { name: 'Keep my changes (replace their draft)' }).click();
    await expect.poll(() => status.textContent()).toContain('Draft saved');
    expect(await banner.count()).toBe(0);
    stored = await draft();
    expect(stored.nodes.length).toBe(6);

    // Again, and this time open theirs: the canvas shows the admin's draft, nothing of mine stays.
    await adminSaves('Call the customer within the hour');
    await page.getByRole('button', { name: 'Add Notify node' }).click();
    await page.keyboard.press('Control+s');
    await banner.getByRole('button', { name: 'Open the draft of Administrator (drop my changes)' }).click();
    await expect.poll(() => status.textContent()).toContain('The latest draft is open');
    await expect.poll(() => nodes.count()).toBe(3);
    stored = await draft();
    expect(stored.nodes.find((n) => n.id === 'ask')?.title).toBe('Call the customer within the hour');
    // The loaded draft is the base now: the next save goes through.
    await page.getByRole('button', { name: 'Add Notify node' }).click();
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await draft()).nodes.length).toBe(4);
    expect(await banner.count()).toBe(0);
  });
});

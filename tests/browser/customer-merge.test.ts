import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * An agent merges Dana's WhatsApp contact into her customer record from the 360 page: picks the
 * other contact by its phone number, reads what moves (its case, its phone becoming Dana's),
 * confirms, and sees one history; the merged contact's page then points at Dana.
 */
describe('merging contacts on the customer 360 page', () => {
  const suite = designerSuite(async (rt) => {
    const made = await rt.api('POST', '/api/customers', {
      as: 'lena',
      body: { id: 'c-dana-wa', name: 'Dana (WhatsApp)', phone: '+5511977776666' },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const opened = await rt.api('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'lost-card', customerId: 'c-dana-wa', channel: 'whatsapp', subject: 'Cartão perdido' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  });

  it('picks the other contact, states what moves, merges, and leaves a pointer behind', async () => {
    // The lost-card case starts a subflow: its child case is Dana's too, and moves with it.
    await expect
      .poll(
        async () => (await suite.rt.api('GET', '/api/customers/c-dana-wa', { as: 'lena' })).body.cases.length,
      )
      .toBe(2);
    const page = await suite.signIn('lena');
    await page.goto(`${suite.rt.url}/customers/c-1003`);
    await page.getByRole('heading', { name: 'Dana Weiss', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Merge another contact into this one…' }).click();
    await page.getByLabel('Contact to merge').fill('977776666');
    await page.getByRole('button', { name: 'Dana (WhatsApp)' }).click();
    const preview = page.getByTestId('merge-preview');
    await expect
      .poll(() => preview.textContent())
      .toContain('2 cases and no messages of Dana (WhatsApp) move to Dana Weiss.');
    expect(await preview.textContent()).toContain('+5511977776666 becomes an address of Dana Weiss.');
    await screenshot(page, 'customer-merge-preview');
    await page.getByRole('button', { name: 'Merge contacts' }).click();

    const merged = page.getByRole('region', { name: 'Merged contacts' });
    await merged.waitFor();
    expect(await merged.textContent()).toContain('Merged in: c-dana-wa');
    await expect.poll(() => page.locator('main').textContent()).toContain('Cartão perdido');
    expect(await page.locator('.page-header').textContent()).toContain('+5511977776666');

    await page.goto(`${suite.rt.url}/customers/c-dana-wa`);
    const pointer = page.getByRole('status').filter({ hasText: 'This contact was merged into' });
    await pointer.waitFor();
    await pointer.getByRole('link', { name: 'c-1003' }).click();
    await page.getByRole('heading', { name: 'Dana Weiss', level: 1 }).waitFor();
    expect(suite.consoles.flat()).toEqual([]);
  });
});

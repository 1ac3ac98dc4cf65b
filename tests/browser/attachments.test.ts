import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * Files go both ways on a case: the customer attaches one to a message on their request's page,
 * the agent sees it on the case page and downloads it with the very bytes sent, and a file of a
 * type the runtime does not store is refused in the picker, before any upload.
 */
describe('files on messages', () => {
  let caseId = '';
  const suite = designerSuite(async (rt) => {
    const opened = await rt.api('POST', '/api/catalog/password-reset/requests', {
      as: 'carla',
      body: { values: { username: 'carla.s', contact: 'carla@example.com' } },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id as string;
  });

  it('go from the customer to the agent, who downloads them', async () => {
    const carla = await suite.signIn('carla');
    await carla.goto(`${suite.rt.url}/cases/${caseId}`);
    const picker = carla.locator('.attachment-picker input[type="file"]');
    await picker.setInputFiles([
      { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<b>x</b>') },
      { name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('paid 42.00 on 3 Dec') },
    ]);
    await carla.getByRole('alert').filter({ hasText: 'page.html' }).waitFor();
    await carla.getByRole('button', { name: 'Remove receipt.txt' }).waitFor();
    await carla.getByRole('textbox', { name: 'Message', exact: true }).fill('Here is the receipt');
    await carla.getByRole('button', { name: 'Send' }).click();
    await carla.locator('ol.timeline .attachments button', { hasText: 'receipt.txt' }).waitFor();
    // Sent: the picker is empty again, its refusal gone with it.
    expect(await carla.getByRole('button', { name: 'Remove receipt.txt' }).count()).toBe(0);
    expect(await carla.getByRole('alert').filter({ hasText: 'page.html' }).count()).toBe(0);
    await screenshot(carla, 'attachments-customer');

    const lena = await suite.signIn('lena');
    await lena.goto(`${suite.rt.url}/cases/${caseId}`);
    const file = lena.locator('ol.timeline .attachments button', { hasText: 'receipt.txt' });
    await file.waitFor();
    const [download] = await Promise.all([lena.waitForEvent('download'), file.click()]);
    expect(download.suggestedFilename()).toBe('receipt.txt');
    expect(readFileSync(await download.path(), 'utf8')).toBe('paid 42.00 on 3 Dec');
    const messages = await suite.rt.api('GET', `/api/cases/${caseId}/messages`, { as: 'lena' });
    const names = (messages.body.items as Array<{ attachments: Array<{ name: string }> }>).flatMap((m) =>
      m.attachments.map((a) => a.name),
    );
    expect(names).toEqual(['receipt.txt']);
  });
});

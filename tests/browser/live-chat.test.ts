import { describe, expect, it } from 'vitest';
import { publishChatFlow } from '../support/chat-flow';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * Live chat in Chromium against the built runtime and designer: Carla writes from the portal's
 * chat panel, which opens a case on the chat channel; Lena answers from the case page (with a
 * canned response picked by Alt+R) and each sees the other typing and reading, live; Carla ends
 * the chat and Lena's next answer goes by e-mail on the same case.
 */

describe('live chat between a customer and an agent', () => {
  const suite = designerSuite(async (rt) => {
    await publishChatFlow(rt, 'live-chat', 'Live chat');
  });

  it('chats live, shows typing and reading, and continues by e-mail after the customer leaves', async () => {
    const carla = await suite.signIn('carla');
    await carla.getByRole('button', { name: 'Chat with us' }).click();
    const panel = carla.getByRole('region', { name: 'Chat' });
    await panel.getByLabel('Your message').fill('Hi, my card was declined at the supermarket');
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => panel.locator('.chat-log').textContent())
      .toContain('declined at the supermarket');
    const { body } = await suite.rt.api('GET', '/api/chat', { as: 'carla' });
    const caseId: string = body.caseId;
    expect(caseId).toBeTruthy();

    const lena = await suite.signIn('lena');
    await lena.goto(`${suite.rt.url}/cases/${caseId}`);
    await expect
      .poll(() => lena.locator('ol.timeline').first().textContent())
      .toContain('declined at the supermarket');

    // Carla types: Lena sees it within a few seconds, without a reload.
    await panel.getByLabel('Your message').pressSequentially('Are you there', { delay: 30 });
    await expect
      .poll(() => lena.locator('.chat-indicators').textContent(), { timeout: 8000 })
      .toMatch(/is typing/);

    // Lena answers with a canned response (Alt+R, Enter) and her own words.
    const reply = lena.locator('.reply-box textarea');
    await reply.focus();
    await reply.press('Alt+r');
    await lena.getByRole('combobox', { name: 'Find a canned response' }).fill('greeting');
    await lena.getByRole('combobox', { name: 'Find a canned response' }).press('Enter');
    await expect.poll(() => reply.inputValue()).toContain('Hello');
    await reply.pressSequentially(' Let me check the card.', { delay: 20 });
    await expect
      .poll(() => panel.locator('.chat-indicators').textContent(), { timeout: 8000 })
      .toMatch(/is typing/);
    await lena.locator('.reply-box button[type="submit"]').click();
    await expect
      .poll(() => panel.locator('.chat-log').textContent(), { timeout: 5000 })
      .toContain('Let me check the card.');
    // The panel read it: Lena sees "Seen".
    await expect
      .poll(() => lena.locator('.chat-indicators').textContent(), { timeout: 8000 })
      .toMatch(/Seen/);
    await screenshot(carla, 'live-chat-1-customer');
    await screenshot(lena, 'live-chat-2-agent');

    // Carla leaves: the next answer goes by e-mail on the same case.
    await panel.getByRole('button', { name: 'End chat' }).click();
    await expect.poll(() => panel.textContent()).toContain('continue by e-mail');
    await reply.fill('Your card works again.');
    await lena.locator('.reply-box button[type="submit"]').click();
    // (The test clock stands still: messages share one instant, so look the answer up by text.)
    await expect
      .poll(async () => {
        const page = await suite.rt.api('GET', `/api/cases/${caseId}/messages?limit=100`, { as: 'lena' });
        return page.body.items.find((m: { body: string }) => m.body === 'Your card works again.')?.channel;
      })
      .toBe('email');
    expect(suite.consoles.flat()).toEqual([]);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { publishChatFlow } from '../support/chat-flow';
import { indicatorsShow, leaveThenAnswerByEmail, replyBox, sendReply } from './chat-steps';
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
    await indicatorsShow(lena, /is typing/);

    // Lena answers with a canned response (Alt+R, Enter) and her own words.
    const reply = replyBox(lena);
    await reply.focus();
    await reply.press('Alt+r');
    await lena.getByRole('combobox', { name: 'Find a canned response' }).fill('greeting');
    await lena.getByRole('combobox', { name: 'Find a canned response' }).press('Enter');
    await expect.poll(() => reply.inputValue()).toContain('Hello');
    await reply.pressSequentially(' Let me check the card.', { delay: 20 });
    await indicatorsShow(panel, /is typing/);
    await sendReply(lena);
    await expect
      .poll(() => panel.locator('.chat-log').textContent(), { timeout: 5000 })
      .toContain('Let me check the card.');
    // The panel read it: Lena sees "Seen".
    await indicatorsShow(lena, /Seen/);
    await screenshot(carla, 'live-chat-1-customer');
    await screenshot(lena, 'live-chat-2-agent');

    // Carla leaves: the next answer goes by e-mail on the same case.
    await leaveThenAnswerByEmail(
      suite.rt,
      { panel, agent: lena, caseId },
      'continue by e-mail',
      'Your card works again.',
    );
    expect(suite.consoles.flat()).toEqual([]);
  }, 120_000);
});

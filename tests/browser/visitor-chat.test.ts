import { describe, expect, it } from 'vitest';
import { publishChatFlow } from '../support/chat-flow';
import { indicatorsShow, leaveThenAnswerByEmail, replyBox, sendReply } from './chat-steps';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * An anonymous visitor's live chat in Chromium against the built runtime and designer: Vera,
 * not signed in, opens the chat on the help centre with her name and e-mail; Lena sees the chat
 * flagged as an unverified visitor, each sees the other typing, messages go both ways live, and
 * when Vera ends the chat Lena's next answer goes by e-mail on the same case.
 */

describe('live chat between an anonymous visitor and an agent', () => {
  const suite = designerSuite(async (rt) => {
    await publishChatFlow(rt, 'live-chat', 'Live chat');
  });

  it('opens from the help centre with a name and an e-mail, chats live, and continues by e-mail', async () => {
    const vera = await suite.anonymous();
    await vera.goto(`${suite.rt.url}/help`);
    await vera.getByRole('button', { name: 'Chat with us' }).click();
    const panel = vera.getByRole('region', { name: 'Chat' });
    await panel.getByLabel('Your name').fill('Vera Lima');
    await panel.getByLabel('Your e-mail').fill('vera@example.org');
    await panel.getByLabel('Your message').fill('Hello, where is my parcel?');
    await panel.getByRole('button', { name: 'Start chat' }).click();
    await expect.poll(() => panel.locator('.chat-log').textContent()).toContain('where is my parcel');
    const reference = await panel.getByText(/Your request: REQ-\d+/).textContent();
    const number = /REQ-\d+/.exec(reference ?? '')![0];
    const found = await suite.rt.api('GET', `/api/cases?q=${number}`, { as: 'lena' });
    const caseId: string = found.body.items[0].id;

    const lena = await suite.signIn('lena');
    await lena.goto(`${suite.rt.url}/cases/${caseId}`);
    await expect
      .poll(() => lena.locator('ol.timeline').first().textContent())
      .toContain('where is my parcel');
    await expect
      .poll(() => lena.locator('.chat-visitor').textContent())
      .toContain('Visitor not signed in: Vera Lima (vera@example.org)');

    // Vera types: Lena sees it by her name, without a reload.
    await panel.getByLabel('Your message').pressSequentially('It was due yesterday', { delay: 30 });
    await indicatorsShow(lena, /Vera Lima is typing/);
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => lena.locator('ol.timeline').first().textContent()).toContain('due yesterday');

    // Lena answers: Vera sees her typing, then the answer, live.
    await replyBox(lena).pressSequentially('Let me check the courier.', { delay: 20 });
    await indicatorsShow(panel, /is typing/);
    await sendReply(lena);
    await expect
      .poll(() => panel.locator('.chat-log').textContent(), { timeout: 5000 })
      .toContain('Let me check the courier.');
    await screenshot(vera, 'visitor-chat-1-visitor');
    await screenshot(lena, 'visitor-chat-2-agent');

    // Vera leaves: the next answer goes by e-mail on the same case.
    await leaveThenAnswerByEmail(
      suite.rt,
      { panel, agent: lena, caseId },
      'continue by e-mail at vera@example.org',
      'It arrives tomorrow.',
    );
    expect(suite.consoles.flat()).toEqual([]);
  }, 120_000);
});

import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RuntimeProcess } from '../support/runtime-process';

/*
 * Steps both chat browser tests take (a signed-in customer's and an anonymous visitor's): the
 * agent answers from the case page's reply box, and the other side reads the typing and reading
 * line under its conversation.
 */

/** The agent's reply box on the case page. */
export const replyBox = (agent: Page): Locator => agent.locator('.reply-box textarea');

/** Sends what the agent's reply box holds. */
export const sendReply = (agent: Page): Promise<void> =>
  agent.locator('.reply-box button[type="submit"]').click();

/** Waits until the typing and reading line in `scope` matches (reports come every few seconds). */
export async function indicatorsShow(scope: { locator(selector: string): Locator }, text: RegExp) {
  await expect.poll(() => scope.locator('.chat-indicators').textContent(), { timeout: 8000 }).toMatch(text);
}

/**
 * The customer's side ends the chat from `panel`, which then says `said`; the agent's next
 * answer goes by e-mail on the same case.
 */
export async function leaveThenAnswerByEmail(
  rt: RuntimeProcess,
  { panel, agent, caseId }: { panel: Locator; agent: Page; caseId: string },
  said: string,
  answer: string,
) {
  await panel.getByRole('button', { name: 'End chat' }).click();
  await expect.poll(() => panel.textContent()).toContain(said);
  await replyBox(agent).fill(answer);
  await sendReply(agent);
  // (The test clock stands still: messages share one instant, so look the answer up by text.)
  await expect
    .poll(async () => {
      const page = await rt.api('GET', `/api/cases/${caseId}/messages?limit=100`, { as: 'lena' });
      return page.body.items.find((m: { body: string }) => m.body === answer)?.channel;
    })
    .toBe('email');
}

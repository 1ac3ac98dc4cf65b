import { describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * The knowledge base in the browser, on the built runtime with the demo help centre:
 *
 * 1. Anyone reads the public help centre without signing in; an agents-only article is not
 *    there, and an article whose Markdown carries script, an event attribute and a
 *    `javascript:` link renders with none of them live in the page's DOM.
 * 2. carla (customer) starts "Report a lost or stolen card", types what happened; articles
 *    appear beside the form; she reads the suggested one in place, marks "This solved my
 *    problem" and leaves without submitting.
 * 3. olivia (owner) sees the avoided request in the analytics: deflected 1.
 */
describe('knowledge base in the browser', () => {
  const suite = designerSuite(async (rt) => {
    const hostile = await rt.api('PUT', '/api/articles/hostile-markdown', {
      as: 'olivia',
      body: {
        title: 'Hostile markdown',
        category: 'Tests',
        body: '<script>window.__xss = 1</script>\n\n<img src=x onerror="window.__xss = 2">\n\n[click me](javascript:window.__xss=3)\n\n**bold** stays',
        audience: 'public',
        locale: 'en',
        status: 'published',
      },
    });
    expect(hostile.status, JSON.stringify(hostile.body)).toBe(200);
  });

  it('serves the help centre without signing in, agents-only articles left out, Markdown inert', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme: 'light',
      });
      const page = await context.newPage();
      await page.goto(`${suite.rt.url}/help`);
      await page.getByRole('heading', { name: 'Help centre', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Lost or stolen card' }).waitFor();
      expect(await page.getByRole('link', { name: 'Fraud playbook for agents' }).count()).toBe(0);
      await page.getByLabel('Search the help centre').fill('pasword forgot');
      await page.getByRole('link', { name: 'Forgot your password?' }).first().waitFor();
      await screenshot(page, 'kb-help-centre');

      await page.goto(`${suite.rt.url}/help/hostile-markdown`);
      await page.getByRole('heading', { name: 'Hostile markdown' }).waitFor();
      await page.locator('.kb-article-body strong', { hasText: 'bold' }).waitFor();
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(
        await page
          .locator('.kb-article-body script, .kb-article-body img, .kb-article-body [onerror]')
          .count(),
      ).toBe(0);
      // Runs in the page (a string: the tests compile without the DOM library).
      const hrefs = await page.evaluate<Array<string | null>>(
        `[...document.querySelectorAll('.kb-article-body a')].map((a) => a.getAttribute('href'))`,
      );
      expect(hrefs.some((h) => h?.toLowerCase().includes('javascript'))).toBe(false);
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      // Reading needs no account; rating does.
      await page.getByText('Sign in to tell us whether this helped.').waitFor();
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('deflects a request: the customer reads a suggestion, marks it helpful and leaves; analytics count it', async () => {
    const carla = await suite.signIn('carla');
    await carla.goto(`${suite.rt.url}/catalog/report-lost-card`);
    const what = carla.getByLabel('What happened?');
    await what.waitFor();
    await what.pressSequentially('my card was stolen on the bus', { delay: 20 });
    const panel = carla.getByRole('complementary', { name: 'These articles may answer it' });
    await panel.getByRole('link', { name: 'Lost or stolen card' }).waitFor();
    const item = panel.locator('li', { has: carla.getByRole('link', { name: 'Lost or stolen card' }) });
    await item.getByRole('button', { name: 'Read' }).click();
    await item.locator('.kb-article-body').getByText('freeze it at once').waitFor();
    await screenshot(carla, 'kb-deflection-suggestion');
    await item.getByRole('button', { name: 'This solved my problem' }).click();
    await item.getByRole('status').filter({ hasText: 'Glad it helped' }).waitFor();
    // She leaves without submitting the request.
    await carla.getByRole('link', { name: 'Help centre' }).first().click();
    await carla.getByRole('heading', { name: 'Help centre', level: 1 }).waitFor();
    const requests = await suite.rt.api('GET', '/api/cases', { as: 'carla' });
    expect(requests.body.items).toEqual([]);

    const olivia = await suite.signIn('olivia');
    await olivia.goto(`${suite.rt.url}/analytics`);
    const kb = olivia.getByRole('region', { name: 'Knowledge base' });
    await expect.poll(() => kb.locator('dd[data-metric="deflected"]').textContent()).toBe('1');
    await expect.poll(() => kb.locator('dd[data-metric="deflectionRate"]').textContent()).toBe('100%');
    await screenshot(olivia, 'kb-analytics');
    for (const lines of suite.consoles) expect(lines).toEqual([]);
  });

  it('lets an agent answer with an article from the reply box: Alt+K, type, Enter', async () => {
    const opened = await suite.rt.api('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'lost-card', customerId: 'c-1001', channel: 'phone', subject: 'Card gone' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const lena = await suite.signIn('lena');
    await lena.goto(`${suite.rt.url}/cases/${opened.body.id}`);
    const reply = lena.getByRole('textbox', { name: 'Message' });
    await reply.click();
    await reply.press('Alt+KeyK');
    await lena.keyboard.type('stolen card');
    const picker = lena.locator('.kb-picker');
    await picker.getByText('Lost or stolen card').first().waitFor();
    await lena.keyboard.press('Enter');
    await expect
      .poll(() => reply.inputValue())
      .toMatch(/^Lost or stolen card: http:\/\/[^ ]+\/help\/lost-card\?locale=en$/);
    // The reply box has the focus again, ready to send.
    expect(await lena.evaluate('document.activeElement?.tagName')).toBe('TEXTAREA');
  });
});

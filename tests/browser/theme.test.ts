import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RuntimeProcess } from '../support/runtime-process';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * The header's theme switch on the built runtime with the demo data: dark is drawn by the page,
 * the canvas and monaco, survives a reload, and "System" follows the OS live. Saves dark
 * screenshots of the main screens (tests/.artifacts/screenshots/theme-dark-*.png).
 */

interface Colours {
  page: string;
  node: string;
  monaco: string;
}

// Runs in the page (a string: the tests compile without the DOM library).
const READ_COLOURS = `(() => {
  const bg = (selector) => {
    const el = document.querySelector(selector);
    return el ? getComputedStyle(el).backgroundColor : '';
  };
  return {
    page: getComputedStyle(document.documentElement).backgroundColor,
    node: bg('.react-flow__node[data-id="reset"] .fnode'),
    monaco: bg('.feel-editor .monaco-editor-background'),
  };
})()`;

/** Computed colours of the page, a canvas node and a monaco editor (empty when absent). */
function colours(page: Page): Promise<Colours> {
  return page.evaluate<Colours>(READ_COLOURS);
}

/**
 * Publishes password-reset v2 for the versions diff: the refusal notice is replaced (one node
 * removed, one added) and the reset task's SLA changes.
 */
async function publishSecondVersion(rt: RuntimeProcess): Promise<void> {
  const v1 = await rt.api('GET', '/api/flows/password-reset/versions/1', { as: 'olivia' });
  const def = structuredClone(v1.body.definition);
  const swap = (id: string) => (id === 'tell-refused' ? 'tell-refused-sms' : id);
  def.nodes = def.nodes.map((n: { id: string; type: string }) => {
    if (n.id === 'tell-refused')
      return { ...n, id: 'tell-refused-sms', template: 'password-reset-refused-sms' };
    if (n.id === 'reset') return { ...n, sla: { target: 'PT2H', onBreach: 'escalate' } };
    return n;
  });
  def.edges = def.edges.map((e: { from: string; to: string }) => ({
    ...e,
    from: swap(e.from),
    to: swap(e.to),
  }));
  if (def.layout?.['tell-refused']) def.layout['tell-refused-sms'] = def.layout['tell-refused'];
  const saved = await rt.api('PUT', '/api/flows/password-reset', { as: 'olivia', body: { definition: def } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const published = await rt.api('POST', '/api/flows/password-reset/publish', {
    as: 'olivia',
    body: { note: 'refusal by SMS' },
  });
  expect(published.status, JSON.stringify(published.body)).toBeLessThan(300);
}

const LIGHT_BG = 'rgb(246, 247, 251)';
const DARK_BG = 'rgb(17, 20, 27)';
const DARK_SURFACE = 'rgb(26, 31, 41)';

describe('theme switch in the browser', () => {
  const suite = designerSuite(async (rt) => {
    await publishSecondVersion(rt);
    // Cases for the workspace queue, the case page and the analytics charts.
    for (const username of ['carla.j', 'carla.k']) {
      const res = await rt.api('POST', '/api/cases', {
        as: 'lena',
        body: {
          flow: 'password-reset',
          customerId: 'c-1001',
          channel: 'phone',
          variables: { username, accountType: 'standard', contact: 'carla@example.com' },
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });
  const { consoles, signIn } = suite;

  async function chooseTheme(page: Page, theme: 'Light' | 'Dark' | 'System'): Promise<void> {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
  }

  it('switches the editor to dark, keeps it across a reload and follows the OS on System', async () => {
    const page = await signIn('olivia');
    await page.goto(`${suite.rt.url}/flows/password-reset`);
    // The decision's branch condition is a FEEL field in monaco.
    await page.locator('.react-flow__node[data-id="privileged"]').click();
    await page.locator('.feel-editor .monaco-editor-background').first().waitFor();
    const light = await colours(page);
    expect(light.page).toBe(LIGHT_BG);

    await chooseTheme(page, 'Dark');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = await colours(page);
    expect(dark.page).toBe(DARK_BG);
    expect(dark.node).not.toBe(light.node);
    expect(dark.node).toBe(DARK_SURFACE);
    // Monaco switches live, without remounting the field.
    await expect.poll(async () => (await colours(page)).monaco).toBe(DARK_SURFACE);
    expect(await page.locator('.react-flow').getAttribute('class')).toContain('dark');
    await screenshot(page, 'theme-dark-editor');

    await page.reload();
    await page.locator('.react-flow__node[data-id="reset"]').waitFor();
    expect(await page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('dark');
    expect((await colours(page)).page).toBe(DARK_BG);
    expect((await colours(page)).node).toBe(DARK_SURFACE);

    await page.getByRole('button', { name: 'Heat map' }).click();
    await page.locator('.fnode.has-heat').first().waitFor();
    await screenshot(page, 'theme-dark-heat-map');
    await page.getByRole('button', { name: 'Heat map' }).click();

    await page.getByRole('tab', { name: 'Simulator' }).click();
    await page.getByRole('button', { name: 'Start simulation' }).click();
    await page.locator('.fnode.is-active').first().waitFor();
    await screenshot(page, 'theme-dark-simulator');

    // System: the OS decides, live.
    await chooseTheme(page, 'System');
    await expect.poll(async () => (await colours(page)).page).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await colours(page)).page).toBe(DARK_BG);
    await expect.poll(async () => (await colours(page)).node).toBe(DARK_SURFACE);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => (await colours(page)).page).toBe(LIGHT_BG);
    expect(consoles.flat()).toEqual([]);
  });

  it('draws the portal, workspace and the other screens in dark', async () => {
    const carla = await signIn('carla');
    await chooseTheme(carla, 'Dark');
    await carla.getByRole('link', { name: 'Request Reset my password' }).waitFor();
    expect((await colours(carla)).page).toBe(DARK_BG);
    await screenshot(carla, 'theme-dark-portal');
    await carla.getByRole('link', { name: 'Request Reset my password' }).click();
    await carla.getByRole('button', { name: 'Submit request' }).click();
    await carla.locator('.field-error').first().waitFor();
    await screenshot(carla, 'theme-dark-portal-form');

    const ivan = await signIn('ivan');
    await chooseTheme(ivan, 'Dark');
    await ivan.waitForURL('**/work');
    await ivan.getByRole('row').nth(1).waitFor();
    expect((await colours(ivan)).page).toBe(DARK_BG);
    await screenshot(ivan, 'theme-dark-workspace');
    await ivan.getByRole('row').nth(1).getByRole('link', { name: /^Open/ }).click();
    await ivan.locator('.case-canvas .react-flow__node').first().waitFor();
    await screenshot(ivan, 'theme-dark-case');
    await ivan.goto(`${suite.rt.url}/customers/c-1001`);
    await ivan.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(ivan, 'theme-dark-customer-360');

    const olivia = await signIn('olivia');
    await chooseTheme(olivia, 'Dark');
    await olivia.goto(`${suite.rt.url}/catalog/password-reset/edit`);
    await olivia.locator('.json-editor .monaco-editor-background, .builder-fields').first().waitFor();
    await screenshot(olivia, 'theme-dark-catalog-editor');
    await olivia.goto(`${suite.rt.url}/analytics`);
    await olivia.locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(olivia, 'theme-dark-analytics');
    await olivia.goto(`${suite.rt.url}/flows/password-reset/versions`);
    await olivia.getByRole('row', { name: /^v1/ }).getByLabel('from').check();
    await olivia.getByRole('row', { name: /^v2/ }).getByLabel('to').check();
    await olivia.locator('.diff-canvas .fnode.diff-removed').waitFor();
    await screenshot(olivia, 'theme-dark-versions');

    const admin = await signIn('admin');
    await chooseTheme(admin, 'Dark');
    await admin.goto(`${suite.rt.url}/admin`);
    await admin.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(admin, 'theme-dark-admin');
    expect(consoles.flat()).toEqual([]);
  });
});

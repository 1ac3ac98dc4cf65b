import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { launchChromium, SCREENSHOTS, screenshot, watchConsole } from './chromium';
import { ensureDesignerBuilt } from './designer-app';

/**
 * Languages, phone widths and accessibility on the built runtime with the demo data:
 * - switching to Portuguese translates the screens, survives a reload, is saved to the
 *   profile and comes back in a fresh browser after sign-in;
 * - portal pages at 360–414 px: the header folds behind a menu button, nothing overflows
 *   sideways; screenshots at 390 px (tests/.artifacts/screenshots/phone-390-*.png);
 * - axe-core on every screen each demo role reaches: no serious or critical violation beyond
 *   the known ones listed below with the screen they are on (tests/.artifacts/axe-report.json).
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let rt: RuntimeProcess;
let browser: Browser;
const consoles: string[][] = [];
let caseId = '';

beforeAll(async () => {
  ensureDesignerBuilt();
  rt = await startRuntime();
  browser = await launchChromium();
  const opened = await rt.api('POST', '/api/catalog/password-reset/requests', {
    as: 'carla',
    body: { values: { username: 'carla.j', accountType: 'standard', contact: 'carla@example.com' } },
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  caseId = opened.body.id ?? opened.body.caseId;
});
afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

/** A fresh browser profile of the given size, English by its browser language, signed in as `user`. */
async function signedIn(
  user: string,
  viewport = { width: 1440, height: 900 },
  locale = 'en-US',
): Promise<Page> {
  // bypassCSP: axe-core is injected as a script tag, which the app's CSP (script-src 'self') refuses.
  const context = await browser.newContext({ viewport, locale, colorScheme: 'light', bypassCSP: true });
  const page = await context.newPage();
  consoles.push(watchConsole(page));
  await page.goto(`${rt.url}/login`);
  await page.locator('input[autocomplete="username"]').fill(user);
  await page.locator('input[autocomplete="current-password"]').fill('demo1234');
  await page.locator('form.login-card button[type="submit"]').click();
  await page.locator('header.app-header').waitFor();
  return page;
}

/** True when the page scrolls sideways (something wider than the viewport). */
function overflows(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.scrollingElement.scrollWidth > window.innerWidth');
}

/** The header's controls that stick out of it or of the window, by their text (none when it fits). */
function headerSpill(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const header = document.querySelector('header.app-header');
    const box = header.getBoundingClientRect();
    return [...header.querySelectorAll('a, button, select')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > Math.min(box.right, window.innerWidth) + 0.5 || r.bottom > box.bottom + 0.5;
      })
      .map((el) => (el.textContent || el.getAttribute('aria-label') || el.tagName).trim());
  })()`);
}

describe('languages', () => {
  it('keeps the header on one line at a laptop width for every demo role, in both languages', async () => {
    for (const locale of ['en-US', 'pt-BR']) {
      for (const user of ['admin', 'olivia', 'sam', 'lena', 'carla']) {
        const page = await signedIn(user, { width: 1280, height: 800 }, locale);
        await page.locator('header.app-header nav a').first().waitFor();
        if (user === 'admin') await screenshot(page, `header-1280-${locale}-admin`);
        expect(await headerSpill(page), `${user} in ${locale}`).toEqual([]);
        expect(await overflows(page), `${user} in ${locale}`).toBe(false);
        if (user === 'admin') {
          // What does not fit is one click away, under "More".
          const nav = page.getByRole('navigation', { name: locale === 'en-US' ? 'Main' : 'Principal' });
          await nav.getByRole('button', { name: locale === 'en-US' ? 'More' : 'Mais' }).click();
          await nav.getByRole('link', { name: locale === 'en-US' ? 'Outbox' : 'Caixa de saída' }).click();
          await page.waitForURL(/\/outbox$/);
          await nav
            .getByRole('link', { name: locale === 'en-US' ? 'Outbox' : 'Caixa de saída' })
            .waitFor({ state: 'detached', timeout: 5000 });
        }
        await page.context().close();
      }
    }
  });

  it('fits the flow editor to the window in both languages: the page never scrolls into blank space', async () => {
    for (const [locale, width] of [
      ['en-US', 1440],
      ['pt-BR', 1440],
      ['pt-BR', 1280],
      ['pt-BR', 1000],
    ] as const) {
      const page = await signedIn('olivia', { width, height: 900 }, locale);
      await page.goto(`${rt.url}/flows/lost-card`);
      const toolbar = page.getByRole('toolbar', {
        name: locale === 'en-US' ? 'Flow editor' : 'Editor de fluxo',
      });
      await toolbar.locator('[data-action="publish"]').waitFor();
      await page.locator('.react-flow__node[data-id="start"]').waitFor();
      // The approval's own outcomes are worded in the reader's language on its edges.
      const approved = locale === 'en-US' ? 'approved' : 'aprovado';
      await expect
        .poll(() => page.locator('.edge-label', { hasText: approved }).count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
      if (locale === 'pt-BR')
        expect(await page.locator('.edge-label', { hasText: /^approved$/ }).count()).toBe(0);
      const below = await page.evaluate<number>(
        'document.scrollingElement.scrollHeight - window.innerHeight',
      );
      expect(below, `${locale} at ${width} px`).toBeLessThanOrEqual(1);
      // Every toolbar button in reach: inside the window and on top (not under another group).
      const hidden = await toolbar.locator('button').evaluateAll((buttons) => {
        // The tests are type-checked without the DOM library: the page's globals, typed here.
        const page = globalThis as unknown as {
          innerWidth: number;
          document: { elementFromPoint(x: number, y: number): unknown };
        };
        return buttons
          .filter((b) => {
            const r = b.getBoundingClientRect();
            const top = page.document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return r.right > page.innerWidth || r.left < 0 || !(top === b || b.contains(top as typeof b));
          })
          .map((b) => b.getAttribute('aria-label') ?? b.textContent);
      });
      expect(hidden, `${locale} at ${width} px`).toEqual([]);
      await screenshot(page, `editor-${width}-${locale}`);
      await page.context().close();
    }
  });

  it('switches to Portuguese, keeps it after a reload and brings it back from the profile', async () => {
    const page = await signedIn('carla');
    await page.getByRole('heading', { name: 'Service catalog' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('pt-BR');
    await page.getByRole('heading', { name: 'Catálogo de serviços' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Minhas solicitações' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
    await screenshot(page, 'pt-BR-catalog');

    await page.reload();
    await page.getByRole('heading', { name: 'Catálogo de serviços' }).waitFor();
    await page.goto(`${rt.url}/account`);
    await page.getByRole('heading', { name: 'Minha conta' }).waitFor();
    await page.getByRole('heading', { name: 'Alterar senha' }).waitFor();
    await screenshot(page, 'pt-BR-account');

    // Saved to the profile: what carla receives is written in it, and a new browser gets it.
    await expect
      .poll(async () => (await rt.api('GET', '/api/auth/me', { as: 'carla' })).body.locale)
      .toBe('pt-BR');
    const customer = await rt.api('GET', '/api/customers/c-1001', { as: 'ivan' });
    expect(customer.body.locale).toBe('pt-BR');
    const fresh = await signedIn('carla');
    await fresh.getByRole('heading', { name: 'Catálogo de serviços' }).waitFor();

    // The sign-in page speaks the browser's language before anyone signs in.
    const context = await browser.newContext({ locale: 'pt-BR' });
    const anonymous = await context.newPage();
    await anonymous.goto(`${rt.url}/login`);
    await anonymous.getByRole('heading', { name: 'Entrar no Caseflow' }).waitFor();
    await anonymous.getByRole('button', { name: 'Entrar' }).waitFor();
    await context.close();

    // Back to English for the other tests, through the screen.
    await fresh.getByRole('combobox', { name: 'Idioma' }).first().selectOption('en');
    await fresh.getByRole('heading', { name: 'Service catalog' }).waitFor();
    await expect
      .poll(async () => (await rt.api('GET', '/api/auth/me', { as: 'carla' })).body.locale)
      .toBe('en');
    expect(consoles.flat()).toEqual([]);
  });
});

describe('phone widths', () => {
  const portal = (id: string) => [
    ['catalog', '/catalog'],
    ['request-form', '/catalog/password-reset'],
    ['requests', '/requests'],
    ['case', `/cases/${id}`],
    ['account', '/account'],
  ];

  it('never scrolls sideways on the staff pages at 390 px', async () => {
    for (const [user, path] of [
      ['admin', '/admin'],
      ['admin', '/groups'],
      ['lena', '/work'],
      ['sam', '/supervisor'],
    ] as const) {
      const page = await signedIn(user, { width: 390, height: 844 });
      await page.goto(`${rt.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      // What sticks out, for the failure message: the outermost elements wider than the window.
      const wide = await page.evaluate<string[]>(`[...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter((e) => {
          for (let a = e.parentElement; a && a.tagName !== 'MAIN'; a = a.parentElement)
            if (getComputedStyle(a).overflowX !== 'visible') return false;
          return true;
        })
        .slice(0, 5)
        .map((e) => e.tagName + '.' + String(e.className) + ' ' + Math.round(e.getBoundingClientRect().width))`);
      expect(await overflows(page), `${path} at 390 px: ${wide.join(', ')}`).toBe(false);
      await page.context().close();
    }
  });

  it('folds the header behind a menu button and never scrolls sideways at 360, 390 and 414 px', async () => {
    for (const width of [360, 390, 414]) {
      const page = await signedIn('carla', { width, height: 800 });
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      for (const [name, path] of portal(caseId)) {
        await page.goto(`${rt.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await overflows(page), `${path} at ${width} px`).toBe(false);
        if (width === 390) await screenshot(page, `phone-390-${name}`);
      }
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.waitFor();
      expect(await overflows(page)).toBe(false);
      if (width === 390) await screenshot(page, 'phone-390-menu');
      await nav.getByRole('link', { name: 'Catalog' }).click();
      await page.getByRole('heading', { name: 'Service catalog' }).waitFor();
      expect(await nav.isVisible()).toBe(false);
      await page.context().close();
    }
  });

  it('opens the chat as the whole screen on a phone and keeps its launcher off the page', async () => {
    const page = await signedIn('carla', { width: 390, height: 844 });
    await page.goto(`${rt.url}/catalog`);
    const launcher = page.getByRole('button', { name: 'Chat with us' });
    await launcher.waitFor();
    // The page leaves room under its last lines for the launcher.
    const room = await page.locator('.page').evaluate((el) => {
      const page = globalThis as unknown as { getComputedStyle(e: unknown): { paddingBottom: string } };
      return Number.parseFloat(page.getComputedStyle(el).paddingBottom);
    });
    const height = (await launcher.boundingBox())!.height;
    expect(room).toBeGreaterThan(height);
    await launcher.click();
    const panel = page.locator('.chat-panel');
    await panel.waitFor();
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await screenshot(page, 'phone-390-chat');
    await panel.getByRole('button', { name: 'Minimise' }).click();
    await launcher.waitFor();
    await page.context().close();
  });

  it('keeps the wide header inline on a desktop', async () => {
    const page = await signedIn('carla');
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    await page.context().close();
  });
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * Serious or critical violations found by axe-core that are known and sit in screens other
 * helpers are converting (rule id by screen); anything else fails the test. Empty: the canvas
 * handles' aria-label on plain divs (aria-prohibited-attr) and the demo-account buttons' names
 * (label-content-name-mismatch) are fixed, and fail this test if they return.
 */
const KNOWN: Record<string, string[]> = {};

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate<{ violations: AxeViolation[] }>(
    'axe.run(document, { resultTypes: ["violations"] })',
  );
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on the screens of every demo role', async () => {
    const screens: Array<[user: string | null, path: string, ready: string]> = [
      [null, '/login', 'h1'],
      ['carla', '/catalog', 'h1'],
      ['carla', '/catalog/password-reset', 'h1'],
      ['carla', '/requests', 'h1'],
      ['carla', `/cases/${caseId}`, 'h1'],
      ['carla', '/account', 'h1'],
      ['ivan', '/work', 'h1'],
      ['ivan', `/cases/${caseId}`, 'h1'],
      ['ivan', '/customers/c-1001', 'h1'],
      ['olivia', '/flows', 'h1'],
      ['olivia', '/flows/password-reset', '.react-flow__node'],
      ['olivia', '/flows/password-reset/versions', 'h1'],
      ['olivia', '/catalog/password-reset/edit', 'h1'],
      ['olivia', '/analytics', 'h1'],
      ['olivia', '/incidents', 'h1'],
      ['admin', '/admin', 'h1'],
    ];
    const pages = new Map<string, Page>();
    const report: Record<
      string,
      Array<{ id: string; impact: string | null; help: string; targets: string[] }>
    > = {};
    const unexpected: string[] = [];
    for (const [user, path, ready] of screens) {
      let page = pages.get(user ?? '');
      if (!page) {
        if (user) page = await signedIn(user);
        else page = await (await browser.newContext({ locale: 'en-US', bypassCSP: true })).newPage();
        pages.set(user ?? '', page);
      }
      await page.goto(`${rt.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const screen = `${user ?? 'anonymous'} ${path.replace(caseId, ':id')}`;
      const found = await axeViolations(page);
      report[screen] = found.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
      for (const v of found) {
        if (!(KNOWN[screen] ?? []).includes(v.id))
          unexpected.push(`${screen}: ${v.id} (${v.impact}) ${v.help}`);
      }
    }
    writeFileSync(join(SCREENSHOTS, '..', 'axe-report.json'), `${JSON.stringify(report, null, 2)}\n`);
    expect(unexpected).toEqual([]);
  });
});

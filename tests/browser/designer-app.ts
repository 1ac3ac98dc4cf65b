import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { launchChromium, watchConsole } from './chromium';

/** The designer app, whose `dist` the runtime serves to the browser tests. */
export const DESIGNER = join(import.meta.dirname, '..', '..', 'apps', 'designer');

/** Builds apps/designer once if its `dist` is missing; throws when the build fails. */
export function ensureDesignerBuilt(): void {
  if (existsSync(join(DESIGNER, 'dist', 'index.html'))) return;
  const r = spawnSync('npx', ['vite', 'build'], { cwd: DESIGNER, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not build apps/designer');
}

/**
 * Opens `${base}/login` and submits the demo user's credentials. Returns once the form is
 * sent; callers wait for the page they expect next (users land on different pages).
 */
export async function submitLogin(page: Page, base: string, user: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A fresh browser profile (1440×900, the OS in light mode) signed in as the demo `user` and
 * showing the main navigation; its console messages are collected into `consoles`.
 */
export async function signedInPage(
  browser: Browser,
  base: string,
  user: string,
  consoles: string[][],
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  consoles.push(watchConsole(page));
  await submitLogin(page, base, user);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

/** A browser suite's runtime and Chromium (see `designerSuite`). */
export interface DesignerSuite {
  /** The runtime serving the built app on a temporary database with the demo data. */
  readonly rt: RuntimeProcess;
  /** Console messages of every page `signIn` opened. */
  readonly consoles: string[][];
  /** A fresh signed-in profile of the demo `user` (`signedInPage`). */
  signIn(user: string): Promise<Page>;
  /** A fresh profile of nobody signed in (its console messages join `consoles`). */
  anonymous(): Promise<Page>;
}

/**
 * Registers, in the calling `describe`, the start of a runtime serving the built designer and
 * of Chromium before its tests (then `prepare`, for data the tests need) and their stop after.
 */
export function designerSuite(prepare?: (rt: RuntimeProcess) => Promise<void>): DesignerSuite {
  let runtime: RuntimeProcess | undefined;
  let browser: Browser | undefined;
  const consoles: string[][] = [];
  beforeAll(async () => {
    ensureDesignerBuilt();
    runtime = await startRuntime();
    browser = await launchChromium();
    await prepare?.(runtime);
  });
  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });
  const started = () => {
    if (!runtime || !browser) throw new Error('the browser suite has not started');
    return { runtime, browser };
  };
  return {
    get rt() {
      return started().runtime;
    },
    consoles,
    signIn(user) {
      const { runtime, browser } = started();
      return signedInPage(browser, runtime.url, user, consoles);
    },
    async anonymous() {
      const { browser } = started();
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        colorScheme: 'light',
      });
      const page = await context.newPage();
      consoles.push(watchConsole(page));
      return page;
    },
  };
}

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

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

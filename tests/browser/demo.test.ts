import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { launchChromium, screenshot, watchConsole } from './chromium';
import { ensureDesignerBuilt } from './designer-app';

/*
 * The living demo (issue #13 item 7) as a newcomer meets it: the built runtime started as
 * `npm start` does (CASEFLOW_DEMO=1, real clock, empty database) seeds its 90 days of history,
 * then the login page lists the demo accounts, and analytics, the flow heat map and the pilot
 * report have something to show on first start, in English and in Portuguese. The seed time is
 * measured and printed (its bound is the 30 s on a quiet 2-core machine; see the report).
 */

const WORDS = {
  en: {
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    main: 'Main',
    demo: 'Demo accounts',
    empty: 'No cases in this period',
    report: /^Report of the pilot of v2/,
    reportRegion: /^Pilot of v2 of lost-card/,
    cases: /\d+ cases in the pilot · \d+ cases in the control group/,
  },
  'pt-BR': {
    username: 'Usuário',
    password: 'Senha',
    signIn: 'Entrar',
    main: 'Principal',
    demo: 'Contas de demonstração',
    empty: 'Nenhum caso neste período',
    report: /^Relatório do piloto da v2/,
    reportRegion: /^Piloto da v2 de lost-card/,
    cases: /\d+ casos no piloto · \d+ casos no grupo de controle/,
  },
} as const;

describe('the living demo on first start', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  let seededSeconds = Number.NaN;
  const consoles: string[][] = [];

  beforeAll(async () => {
    ensureDesignerBuilt();
    const began = Date.now();
    rt = await startRuntime(
      { CASEFLOW_CLOCK: 'real', CASEFLOW_DEMO_HISTORY: '1' },
      // The server listens once the seed is done; a busy machine takes longer than a quiet one.
      { healthTimeoutMs: 900_000 },
    );
    const said = /demo history seeded in ([\d.]+) s: (\d+) cases/.exec(rt.output());
    seededSeconds = said ? Number(said[1]) : Number.NaN;
    console.log(
      `demo seed: ${said?.[2] ?? '?'} cases in ${seededSeconds} s (start to listening: ${((Date.now() - began) / 1000).toFixed(1)} s)`,
    );
    browser = await launchChromium();
  }, 960_000);
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  async function signIn(locale: keyof typeof WORDS, user: string): Promise<Page> {
    const w = WORDS[locale];
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    consoles.push(watchConsole(page));
    await page.goto(`${rt.url}/login`);
    const demo = page.getByRole('region', { name: w.demo });
    await demo.waitFor();
    // Every demo login is offered; picking one fills the form.
    for (const name of ['admin', 'olivia', 'lena', 'marco', 'fatima', 'carla']) {
      expect(await demo.getByText(name, { exact: true }).count(), name).toBe(1);
    }
    await page.getByLabel(w.username).fill(user);
    await page.getByLabel(w.password, { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: w.signIn, exact: true }).click();
    // The profile's language wins at sign-in, and the other language's run may have saved one:
    // pick ours in the header, as a person would.
    await page.getByRole('navigation', { name: /^(Main|Principal)$/ }).waitFor();
    await page
      .getByRole('combobox', { name: /^(Language|Idioma)$/ })
      .first()
      .selectOption(locale);
    await page.getByRole('navigation', { name: w.main }).waitFor();
    return page;
  }

  it('seeded its history: cases, queues with work, an active pilot', async () => {
    expect(Number.isFinite(seededSeconds)).toBe(true);
    const cases = await rt.api('GET', '/api/cases?limit=1&status=resolved', { as: 'admin' });
    expect(cases.body.items.length).toBe(1);
    const metrics = await rt.api('GET', '/api/metrics', { as: 'olivia' });
    expect(metrics.body.total.cases).toBeGreaterThan(1000);
    expect(metrics.body.total.breaches).toBeGreaterThan(0);
    expect(metrics.body.total.csatResponses).toBeGreaterThan(0);
    for (const agent of ['lena', 'marco', 'nora', 'fatima', 'ivan', 'ines']) {
      const mine = await rt.api('GET', '/api/tasks?status=open,claimed&limit=200', { as: agent });
      expect(mine.status).toBe(200);
      expect(mine.body.items.length, agent).toBeGreaterThan(0);
    }
    const pilots = (await rt.api('GET', '/api/pilots', { as: 'admin' })).body.items;
    expect(pilots).toEqual([expect.objectContaining({ flow: 'lost-card', version: 2, status: 'active' })]);
  });

  for (const locale of ['en', 'pt-BR'] as const) {
    it(`shows analytics, the heat map and the pilot report (${locale})`, async () => {
      const w = WORDS[locale];
      const olivia = await signIn(locale, 'olivia');
      await olivia.goto(`${rt.url}/analytics`);
      // GET /api/metrics scans every case: generous on a loaded machine.
      await expect.poll(() => olivia.locator('ul.kpis li').count(), { timeout: 180_000 }).toBeGreaterThan(0);
      expect(await olivia.getByText(w.empty).count()).toBe(0);
      await expect.poll(() => olivia.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
      await screenshot(olivia, `demo-analytics-${locale}`);

      await olivia.goto(`${rt.url}/flows/lost-card`);
      await olivia.getByRole('button', { name: /Heat map|Mapa de calor/ }).click();
      await expect
        .poll(() => olivia.locator('.fnode.has-heat .fnode-note').count(), { timeout: 180_000 })
        .toBeGreaterThan(3);
      await screenshot(olivia, `demo-heat-map-${locale}`);

      const admin = await signIn(locale, 'admin');
      await admin.goto(`${rt.url}/admin`);
      await admin.getByRole('button', { name: w.report }).click();
      const report = admin.getByRole('region', { name: w.reportRegion });
      await report.waitFor({ timeout: 180_000 });
      expect(await report.getByText(w.cases).count()).toBe(1);
      await expect.poll(() => report.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
      await screenshot(admin, `demo-pilot-report-${locale}`);
    }, 600_000);
  }
});

import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * A pilot run from the admin page, on the built runtime with the demo data:
 *
 *   olivia publishes v2 of password-reset (API) → admin starts a 50 % pilot of v2 on /admin
 *   → cases are opened for 24 customers (API) → admin opens the pilot report: both cohorts with
 *   their case counts, the comparison and a recommendation
 *   → olivia turns on the heat map in the flow editor: the visited nodes carry count badges, the
 *   active v1 counting the control cases and v2 (picked in the version switch) the pilot's.
 */

const FLOW = 'password-reset';
const CUSTOMERS = 24;

describe('pilot report and heat map in the browser', () => {
  const suite = designerSuite();
  const { consoles, signIn } = suite;

  const ok = async (method: string, path: string, as: string, body?: unknown) => {
    const res = await suite.rt.api(method, path, { as, body });
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };

  it('an admin starts a pilot of v2 and reads its report; the owner sees the heat map', async () => {
    const v1 = await ok('GET', `/api/flows/${FLOW}/versions/1`, 'olivia');
    await ok('PUT', `/api/flows/${FLOW}`, 'olivia', {
      definition: { ...v1.definition, name: `${v1.definition.name} (v2)` },
    });
    expect((await ok('POST', `/api/flows/${FLOW}/publish`, 'olivia', { note: 'pilot me' })).version).toBe(2);

    const admin = await signIn('admin');
    await admin.goto(`${suite.rt.url}/admin`);
    const start = admin.getByRole('form', { name: `Start a pilot of ${FLOW}` });
    await start.getByLabel('Version').selectOption('2');
    await start.getByLabel('Percent').fill('50');
    await start.getByLabel('Note').fill('shorter script');
    await start.getByRole('button', { name: 'Start pilot' }).click();
    await expect.poll(() => admin.getByText(`Pilot of ${FLOW} started.`).count()).toBe(1);
    await screenshot(admin, 'pilot-started');

    for (let i = 0; i < CUSTOMERS; i++) {
      const id = `p${String(i).padStart(2, '0')}`;
      await ok('POST', '/api/customers', 'admin', { id, name: `Pilot customer ${i}`, segment: 'standard' });
      for (let k = 0; k < 2; k++) {
        await ok('POST', '/api/cases', 'lena', {
          flow: FLOW,
          customerId: id,
          channel: 'email',
          subject: `reset ${i}.${k}`,
        });
      }
    }
    const cases = (await ok('GET', `/api/cases?flow=${FLOW}&limit=200`, 'admin')).items as Array<{
      cohort: string | null;
    }>;
    const pilotCases = cases.filter((c) => c.cohort === 'pilot').length;
    const controlCases = cases.filter((c) => c.cohort === 'control').length;
    expect(pilotCases).toBeGreaterThan(0);
    expect(controlCases).toBeGreaterThan(0);

    await admin.reload();
    await admin
      .getByRole('button', { name: /^Report/ })
      .first()
      .click();
    const report = admin.getByRole('region', { name: `Pilot of v2 of ${FLOW} against the current version` });
    await report.waitFor();
    await expect
      .poll(() =>
        report
          .getByText(`${pilotCases} cases in the pilot · ${controlCases} cases in the control group`)
          .count(),
      )
      .toBe(1);
    expect(await report.getByRole('row').count()).toBeGreaterThan(3);
    // Measures in words, not field names; and charts of both cohorts.
    expect(await report.getByRole('cell', { name: 'Cases resolved', exact: true }).count()).toBe(1);
    expect(await report.getByText('resolutionRate').count()).toBe(0);
    // Nothing is resolved yet (bars of zero), but both charts are drawn.
    await expect.poll(() => report.locator('.recharts-wrapper').count()).toBe(2);
    await expect
      .poll(() => report.getByText(/^Recommendation: (promote|keep it running|stop)/).count())
      .toBe(1);
    await screenshot(admin, 'pilot-report');

    const olivia = await signIn('olivia');
    await olivia.goto(`${suite.rt.url}/flows/${FLOW}`);
    await olivia.getByRole('button', { name: 'Heat map' }).click();
    await expect.poll(() => olivia.locator('.fnode.has-heat .fnode-note').count()).toBeGreaterThan(0);
    const badges = await olivia.locator('.fnode.has-heat .fnode-note').allTextContents();
    expect(badges.some((b) => /^\d+×/.test(b))).toBe(true);
    // The active version (v1) ran the control cohort; v2 ran the pilot's cases.
    const startBadge = olivia.locator('.fnode-start .fnode-note');
    await expect.poll(() => startBadge.textContent()).toBe(`${controlCases}×`);
    await screenshot(olivia, 'flow-heat-map');
    await olivia.getByLabel('Heat map version').selectOption('2');
    await expect.poll(() => startBadge.textContent()).toBe(`${pilotCases}×`);
    await expect.poll(() => olivia.getByText('Heat map of v2', { exact: false }).count()).toBe(1);
    await screenshot(olivia, 'flow-heat-map-v2');
    // Switched off, the badges and the heat map's status line go.
    await olivia.getByRole('button', { name: 'Heat map' }).click();
    await expect.poll(() => olivia.locator('.fnode.has-heat').count()).toBe(0);
    await expect.poll(() => olivia.locator('.status-line').textContent()).toBe('Heat map off.');

    expect(consoles.flat()).toEqual([]);
  }, 180_000);
});

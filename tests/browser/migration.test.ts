import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finishOnV2, openRepairCases, publishRepair, V1, V2 } from '../support/migration-flows';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * An admin moves running cases to a fixed version from the designer:
 *
 *   50 repair cases run on v1 (2 of them at the approval with one vote cast) → the admin opens
 *   Versions → "Move running cases…", picks "Check the request" for "Triage the request" and
 *   confirms "Approve the repair" → the dry run says 48 can move and lists the 2 refused with
 *   their reason → "Migrate 48 cases" → the progress reaches 48 of 48 → the cases finish on v2.
 *   The version table also downloads a version as BPMN 2.0.
 */
const TOTAL = 50;
const VOTED = 2;

describe('migration of running cases in the browser', () => {
  let ids: string[] = [];
  let voted: string[] = [];
  const suite = designerSuite(async (rt) => {
    await publishRepair(rt, V1);
    await publishRepair(rt, V2);
    ({ ids, voted } = await openRepairCases(rt, TOTAL, VOTED));
  });
  const { consoles, signIn } = suite;

  it('plans, dry-runs and migrates from the screen; the cases finish on v2', async () => {
    const admin = await signIn('admin');
    await admin.goto(`${suite.rt.url}/flows/repair/versions`);
    await admin.getByRole('link', { name: 'Move running cases…' }).click();
    await admin.getByRole('heading', { name: 'Move running cases of Repair request' }).waitFor();

    const plan = admin.getByRole('region', { name: 'Where cases go' });
    await plan.waitFor();
    expect(await plan.getByRole('row').count()).toBe(3);
    await expect
      .poll(() => admin.getByText('2 steps need a choice: cases waiting there will be refused').count())
      .toBe(1);
    await plan
      .getByLabel('Where cases at “Triage the request” go')
      .selectOption({ label: 'Check the request' });
    await plan
      .getByLabel('Where cases at “Approve the repair” go')
      .selectOption({ label: 'Approve the repair' });
    expect(await admin.getByText(/need a choice/).count()).toBe(0);

    await admin.getByRole('button', { name: 'Dry run' }).click();
    const outcome = admin.getByRole('region', { name: 'Dry run' });
    await expect.poll(() => outcome.getByText('48 cases can move; 2 are refused.').count()).toBe(1);
    for (const id of voted) {
      const row = outcome.getByRole('row', { name: new RegExp(id) });
      await expect
        .poll(() =>
          row
            .getByText(/The 1 vote already cast on “Approve the repair” decides it under the new rule/)
            .count(),
        )
        .toBe(1);
    }
    await screenshot(admin, 'migration-dry-run');

    admin.once('dialog', (dialog) => dialog.accept());
    await admin.getByRole('button', { name: 'Migrate 48 cases' }).click();
    const progress = admin.getByRole('region', { name: 'Progress' });
    await expect
      .poll(() => progress.getByText('Done: 48 cases run on v2 now.').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await progress.getByText('Moved 48 of 48').count()).toBe(1);
    await screenshot(admin, 'migration-done');

    for (const id of ids.slice(VOTED)) {
      const closed = await finishOnV2(suite.rt, id);
      expect(closed).toMatchObject({ status: 'resolved', version: 2 });
    }
    for (const id of voted) {
      expect((await suite.rt.api('GET', `/api/cases/${id}`, { as: 'admin' })).body).toMatchObject({
        version: 1,
        status: 'open',
      });
    }
    expect(consoles.flat()).toEqual([]);
  });

  it('downloads a version as BPMN 2.0 from the version table', async () => {
    const owner = await signIn('olivia');
    await owner.goto(`${suite.rt.url}/flows/repair/versions`);
    const [download] = await Promise.all([
      owner.waitForEvent('download'),
      owner.getByRole('button', { name: 'Download v2 as BPMN 2.0' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('repair-v2.bpmn');
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('<bpmn:userTask id="check" name="Check the request">');
  });
});

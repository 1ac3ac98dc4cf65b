import { describe, expect, it } from 'vitest';
import { sqliteCases } from './sqlite-cases';
import { planProbe } from './test-support/plan-probe';

describe('the SQLite children of a case, by status (read by every closing case)', () => {
  it('are searched by parent, not by walking every case of that status', async () => {
    const probe = planProbe();
    await sqliteCases(probe.db).cases.list({ parentCaseId: 'parent', status: 'open' });
    const sql = probe.sqlOf(/parent_case_id = \?/);
    expect(sql).toBeDefined();
    const plan = probe.planOf(sql!, ['parent', 'open', 51]);
    expect(
      plan.some((d) => d.includes('USING INDEX cases_parent_idx')),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((d) => d.includes('cases_status_idx')),
      plan.join('\n'),
    ).toBe(false);
    probe.client.close();
  });
});

import { describe, expect, it } from 'vitest';
import { sqliteAnalytics } from './sqlite-analytics';
import { planProbe } from './test-support/plan-probe';

describe('the SQLite task facts', () => {
  it("look a task's claim up in its case's timeline, not among every claim of the deployment", async () => {
    const probe = planProbe();
    await sqliteAnalytics(probe.db).analytics.taskFacts({ caseIds: ['c-1'] });
    const sql = probe.sqlOf(/from tasks t/);
    expect(sql).toBeDefined();
    const plan = probe.planOf(sql!, ['["c-1"]']);
    // Through timeline_type_at_idx every task reads every 'task.claimed' row: quadratic, which
    // took the demo seed's rollups seconds per batch.
    expect(
      plan.some((d) => d.includes('timeline_type_at_idx')),
      plan.join('\n'),
    ).toBe(false);
    expect(
      plan.some((d) => /SEARCH tl USING .*\(case_id=\?\)/.test(d)),
      plan.join('\n'),
    ).toBe(true);
    probe.client.close();
  });
});

import { describe, expect, it } from 'vitest';
import { sqliteAudit } from './sqlite-audit';
import { planProbe } from './test-support/plan-probe';

describe('the SQLite heat rows of a fold', () => {
  it('seek each case past its seq by the primary key, not by scanning its timeline or a type', () => {
    const probe = planProbe();
    sqliteAudit(probe.db);
    const sql = probe.sqlOf(/from json_each\(\?\) j join timeline/);
    expect(sql).toBeDefined();
    const plan = probe.planOf(sql!, ['[["k1",3]]', '["node.entered"]']);
    expect(
      plan.some((d) => /SEARCH t USING .*\(case_id=\? AND seq>\?\)/.test(d)),
      plan.join('\n'),
    ).toBe(true);
    probe.client.close();
  });
});

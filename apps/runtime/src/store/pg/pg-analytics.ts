import { sql } from 'drizzle-orm';
import { analyticsStatements } from '../analytics-sql';
import { runSummary, runSummaryVersions } from '../analytics-summary-run';
import type { Statement, SummaryDialect } from '../analytics-summary-sql';
import type { CaseFactRow, CaseScan, SlaFactRow, Store, SurveyFactRow, TaskFactRow } from '../store';
import type { PgDb, PgDbOf } from './pg-db';

const postgres: SummaryDialect = {
  param: (n) => `$${n}`,
  jsonText: (column, field) => `(${column}->>'${field}')`,
  // bigint and count(*) come back from pg as strings; float8 comes back as a JS number.
  num: (expr) => `(${expr})::float8`,
  jsonList: (p) => `select jsonb_array_elements_text(cast(${p} as jsonb))`,
  greatest: (a, b) => `greatest(${a}, ${b})`,
  least: (a, b) => `least(${a}, ${b})`,
  ceil: (x) => `ceil(${x})`,
  // A float8 literal: 0.9 alone is numeric, and numeric * n rounds differently from JS.
  float: (q) => `(${q})::float8`,
};

/** Store.analytics on PostgreSQL: the shared statements through the pool or the open transaction. */
export function pgAnalytics(db: PgDbOf): Pick<Store, 'analytics'> {
  // Rebuilt as a drizzle SQL (text chunks around bound values) so that it runs on the pool or
  // on the caller's transaction alike.
  const allOn = (handle: () => PgDb) => async (st: Statement) => {
    const chunks = st.text.split(/\$(\d+)/);
    const query = sql.join(
      chunks.map((chunk, i) => (i % 2 === 0 ? sql.raw(chunk) : sql`${st.params[Number(chunk) - 1]}`)),
    );
    return (await handle().execute(query)).rows as Array<Record<string, unknown>>;
  };
  const all = allOn(db);
  const run = async <T>(pick: 'caseFacts' | 'slaFacts' | 'taskFacts' | 'surveyFacts', q: CaseScan) => {
    const st = analyticsStatements(postgres, q);
    return (await all({ text: st[pick], params: st.params })) as T[];
  };
  return {
    analytics: {
      // In a transaction of their own with JIT off: the planner's estimates for these aggregates
      // (correlated claim lookups) pass jit_above_cost, and compiling them took ~0.5 s per
      // statement, longer than running them.
      summary: (q, period) =>
        db().transaction(async (tx) => {
          await tx.execute(sql.raw('set local jit = off'));
          return runSummary(
            postgres,
            allOn(() => tx),
            q,
            period,
          );
        }),
      versions: (scan) => runSummaryVersions(postgres, all, scan),
      caseFacts: (q) => run<CaseFactRow>('caseFacts', q),
      slaFacts: (q) => run<SlaFactRow>('slaFacts', q),
      taskFacts: (q) => run<TaskFactRow>('taskFacts', q),
      surveyFacts: (q) => run<SurveyFactRow>('surveyFacts', q),
      async subflowCounts(q) {
        const st = analyticsStatements(postgres, q);
        const [row] = await all({ text: st.subflowCounts, params: st.params });
        return {
          cases: Number(row?.cases ?? 0),
          open: Number(row?.open ?? 0),
          resolved: Number(row?.resolved ?? 0),
        };
      },
    },
  };
}

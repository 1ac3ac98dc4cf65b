import { sql } from 'drizzle-orm';
import { type AnalyticsDialect, analyticsStatements } from '../analytics-sql';
import type { CaseFactRow, CaseScan, SlaFactRow, Store, SurveyFactRow, TaskFactRow } from '../store';
import type { PgDbOf } from './pg-db';

const postgres: AnalyticsDialect = {
  param: (n) => `$${n}`,
  jsonText: (column, field) => `(${column}->>'${field}')`,
  // bigint and count(*) come back from pg as strings; float8 comes back as a JS number.
  num: (expr) => `(${expr})::float8`,
};

/** Store.analytics on PostgreSQL: the shared statements through the pool or the open transaction. */
export function pgAnalytics(db: PgDbOf): Pick<Store, 'analytics'> {
  const run = async <T>(pick: 'caseFacts' | 'slaFacts' | 'taskFacts' | 'surveyFacts', q: CaseScan) => {
    const st = analyticsStatements(postgres, q);
    // Rebuilt as a drizzle SQL (text chunks around bound values) so that it runs on the pool
    // or on the caller's transaction alike.
    const chunks = st[pick].split(/\$(\d+)/);
    const query = sql.join(
      chunks.map((chunk, i) => (i % 2 === 0 ? sql.raw(chunk) : sql`${st.params[Number(chunk) - 1]}`)),
    );
    return (await db().execute(query)).rows as T[];
  };
  return {
    analytics: {
      caseFacts: (q) => run<CaseFactRow>('caseFacts', q),
      slaFacts: (q) => run<SlaFactRow>('slaFacts', q),
      taskFacts: (q) => run<TaskFactRow>('taskFacts', q),
      surveyFacts: (q) => run<SurveyFactRow>('surveyFacts', q),
    },
  };
}

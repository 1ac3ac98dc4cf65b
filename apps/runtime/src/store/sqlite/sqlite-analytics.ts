import { type AnalyticsDialect, analyticsStatements } from '../analytics-sql';
import type { CaseFactRow, SlaFactRow, Store, SurveyFactRow, TaskFactRow } from '../store';
import type { SqliteDb } from './sqlite-db';

const sqlite: AnalyticsDialect = {
  param: () => '?',
  jsonText: (column, field) => `json_extract(${column}, '$.${field}')`,
  num: (expr) => expr,
};

/** Store.analytics on SQLite: the shared statements, run as prepared raw statements. */
export function sqliteAnalytics(db: SqliteDb): Pick<Store, 'analytics'> {
  const run = <T>(
    pick: 'caseFacts' | 'slaFacts' | 'taskFacts' | 'surveyFacts',
    q: Parameters<Store['analytics']['caseFacts']>[0],
  ) => {
    const st = analyticsStatements(sqlite, q);
    return db.$client.prepare(st[pick]).all(...st.params) as T[];
  };
  return {
    analytics: {
      async caseFacts(q) {
        return run<CaseFactRow>('caseFacts', q);
      },
      async slaFacts(q) {
        return run<SlaFactRow>('slaFacts', q);
      },
      async taskFacts(q) {
        return run<TaskFactRow>('taskFacts', q);
      },
      async surveyFacts(q) {
        return run<SurveyFactRow>('surveyFacts', q);
      },
    },
  };
}

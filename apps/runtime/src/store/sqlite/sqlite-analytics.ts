import { analyticsStatements } from '../analytics-sql';
import { runSummary, runSummaryVersions } from '../analytics-summary-run';
import type { SummaryDialect } from '../analytics-summary-sql';
import type { CaseFactRow, SlaFactRow, Store, SurveyFactRow, TaskFactRow } from '../store';
import type { SqliteDb } from './sqlite-db';
import { withStatementCache } from './statement-cache';

const sqlite: SummaryDialect = {
  param: () => '?',
  // CASE evaluates lazily: json_extract never sees a document json_valid refused (too deep).
  jsonText: (column, field) =>
    `(case when json_valid(${column}) then json_extract(${column}, '$.${field}') end)`,
  num: (expr) => expr,
  jsonList: (p) => `select value from json_each(${p})`,
  greatest: (a, b) => `max(${a}, ${b})`,
  least: (a, b) => `min(${a}, ${b})`,
  // No ceil() without the math extension: truncate, and add one when something was cut off.
  ceil: (x) => `(cast(${x} as integer) + (${x} > cast(${x} as integer)))`,
  float: (q) => (Number.isInteger(q) ? `${q}.0` : String(q)),
  // A claim's time is looked up in its case's timeline (the primary key), not among every
  // claim of the deployment through timeline_type_at_idx, which SQLite would otherwise pick.
  unindexed: (column) => `+${column}`,
};

/** Store.analytics on SQLite: the shared statements, run as prepared raw statements. */
export function sqliteAnalytics(db: SqliteDb): Pick<Store, 'analytics'> {
  // The background fold asks the same few texts every few seconds: prepared once, not per call.
  const client = withStatementCache(db.$client, 64);
  const run = <T>(
    pick: 'caseFacts' | 'slaFacts' | 'taskFacts' | 'surveyFacts',
    q: Parameters<Store['analytics']['caseFacts']>[0],
  ) => {
    const st = analyticsStatements(sqlite, q);
    // Rows as arrays, turned into objects here: better-sqlite3 builds array rows several times
    // faster than object rows, and these reads answer one row per case.
    const stmt = client.prepare(st[pick]);
    const names = stmt.columns().map((c) => c.name);
    const rows = stmt.raw(true).all(...st.params) as unknown[][];
    const out: T[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const o: Record<string, unknown> = {};
      for (let k = 0; k < names.length; k++) o[names[k]!] = row[k];
      out[i] = o as T;
    }
    return out;
  };
  const all = async (st: { text: string; params: unknown[] }) =>
    client.prepare(st.text).all(...st.params) as Array<Record<string, unknown>>;
  return {
    analytics: {
      summary: (q, period) => runSummary(sqlite, all, q, period),
      versions: (scan) => runSummaryVersions(sqlite, all, scan),
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
      async subflowCounts(q) {
        const st = analyticsStatements(sqlite, q);
        const row = client.prepare(st.subflowCounts).get(...st.params) as Record<string, number>;
        return { cases: row.cases ?? 0, open: row.open ?? 0, resolved: row.resolved ?? 0 };
      },
    },
  };
}

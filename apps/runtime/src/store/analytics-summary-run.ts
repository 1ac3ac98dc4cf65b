import type {
  AnalyticsSummary,
  GroupKey,
  SummaryDuration,
  SummaryPeriod,
  SummaryQuery,
} from './analytics-summary';
import { type Statement, type SummaryDialect, summaryStatements } from './analytics-summary-sql';

/** Runs one statement and answers its rows as objects (each dialect's driver). */
export type RunStatement = (st: Statement) => Promise<Array<Record<string, unknown>>>;

const num = (v: unknown) => Number(v ?? 0);

/**
 * Store.analytics.summary on either dialect: runs the summary statements with `all` and
 * shapes their rows (group keys out of columns g0…, numbers as numbers).
 */
export async function runSummary(
  d: SummaryDialect,
  all: RunStatement,
  q: SummaryQuery,
  period: SummaryPeriod,
): Promise<AnalyticsSummary> {
  const st = summaryStatements(d, q);
  const keyOf = (row: Record<string, unknown>): GroupKey => q.by.map((_, i) => String(row[`g${i}`]));
  const id = (key: GroupKey) => JSON.stringify(key);
  const caseRows = await all(st.cases);
  const order = new Map<string, number>();
  if (q.by.length > 0) for (const r of await all(st.order)) order.set(id(keyOf(r)), num(r.ord));
  const cases = caseRows.map((r) => {
    const key = keyOf(r);
    return {
      key,
      cases: num(r.cases),
      resolved: num(r.resolved),
      fcrCases: num(r.fcrCases),
      firstCreatedAt: num(r.firstCreatedAt),
      order: order.get(id(key)) ?? 1,
    };
  });
  // With no group, count(*) answers one row even over no cases: an empty scan has no groups.
  // Groups in order of their first case.
  const groups = cases.filter((c) => c.cases > 0).sort((a, b) => a.order - b.order);
  const durations = new Map<string, SummaryDuration>();
  for (const r of await all(st.durations)) {
    const key = keyOf(r);
    const kind = r.kind as SummaryDuration['kind'];
    const k = `${id(key)}${kind}`;
    const found = durations.get(k);
    const pick = { rank: num(r.rank), value: num(r.value) };
    if (found) found.picks.push(pick);
    else
      durations.set(k, { key, kind, count: num(r.count), sum: num(r.sum), min: num(r.min), picks: [pick] });
  }
  const first = groups.reduce<number | undefined>(
    (m, g) => (m === undefined || g.firstCreatedAt < m ? g.firstCreatedAt : m),
    undefined,
  );
  const range = { from: period.from ?? first ?? period.to, to: period.to };
  const agents: AnalyticsSummary['agents'] = [];
  const handled: AnalyticsSummary['handled'] = [];
  const handling = new Map<string, SummaryDuration>();
  const picks: Array<{ key: GroupKey; rank: number; value: number }> = [];
  for (const r of await all(st.work(range))) {
    if (r.row === 'agent') {
      agents.push({
        agent: String(r.agent),
        handled: num(r.handled),
        handlingSum: num(r.sum),
        handlingCount: num(r.count),
        busyMs: num(r.busyMs),
      });
    } else if (r.row === 'group') {
      const key = keyOf(r);
      handled.push({ key, count: num(r.handled) });
      if (num(r.count) > 0) {
        handling.set(id(key), {
          key,
          kind: 'a',
          count: num(r.count),
          sum: num(r.sum),
          min: num(r.min),
          picks: [],
        });
      }
    } else picks.push({ key: keyOf(r), rank: num(r.rank), value: num(r.value) });
  }
  for (const p of picks) handling.get(id(p.key))?.picks.push({ rank: p.rank, value: p.value });
  return {
    cases: groups,
    messages: (await all(st.messages)).map((r) => ({
      key: keyOf(r),
      messages: num(r.messages),
      responses: num(r.responses),
    })),
    durations: [...durations.values(), ...handling.values()],
    slas: (await all(st.slas)).map((r) => ({
      key: keyOf(r),
      id: String(r.id),
      met: num(r.met),
      breached: num(r.breached),
    })),
    escalations: (await all(st.escalations)).map((r) => ({
      key: keyOf(r),
      tier: String(r.tier),
      count: num(r.count),
    })),
    handled,
    surveys: (await all(st.surveys)).map((r) => ({
      key: keyOf(r),
      kind: r.kind as AnalyticsSummary['surveys'][number]['kind'],
      count: num(r.count),
      satisfied: num(r.satisfied),
      promoters: num(r.promoters),
      detractors: num(r.detractors),
      sum: num(r.sum),
    })),
    agents,
    period: range,
  };
}

/** The distinct flow versions a scan covers. */
export async function runSummaryVersions(
  d: SummaryDialect,
  all: RunStatement,
  scan: SummaryQuery['scan'],
): Promise<Array<{ flow: string; version: number }>> {
  const rows = await all(summaryStatements(d, { scan, by: [] }).versions);
  return rows.map((r) => ({ flow: String(r.flow), version: num(r.version) }));
}

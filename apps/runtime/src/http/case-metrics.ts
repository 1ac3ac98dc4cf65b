import type { CaseSummary, SlaRow, Store, SurveyRow, TaskRow, TimelineRow } from '../store/store';

/** The service metrics of DESIGN §5 for one group of cases. */
export interface CaseMetrics {
  cases: number;
  resolved: number;
  /** First-contact resolution: share of resolved cases that were never escalated (0..1). */
  fcr: number | null;
  firstResponseMs: { avg: number | null; p90: number | null };
  resolutionMs: { avg: number | null; p90: number | null };
  /** Met / (met + breached) over all SLA clocks that finished (0..1). */
  slaCompliance: number | null;
  slaMet: number;
  breaches: number;
  escalations: number;
  csat: number | null;
  /** Promoters (9-10) minus detractors (0-6), in percent. */
  nps: number | null;
  ces: number | null;
  surveys: number;
}

/** Everything metrics need about a set of cases, loaded once. */
export interface CaseFacts {
  cases: CaseSummary[];
  tasks: Map<string, TaskRow[]>;
  slas: Map<string, SlaRow[]>;
  surveys: Map<string, SurveyRow[]>;
}

const CHUNK = 500;

function groupBy<T extends { caseId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.caseId);
    if (list) list.push(r);
    else out.set(r.caseId, [r]);
  }
  return out;
}

/** Loads cases matching `scan` with their tasks, SLAs and surveys (chunked id lists). */
export async function loadFacts(
  store: Store,
  scan: Parameters<Store['cases']['scan']>[0],
): Promise<CaseFacts> {
  const cases = await store.cases.scan(scan);
  const tasks: TaskRow[] = [];
  const slas: SlaRow[] = [];
  const surveys: SurveyRow[] = [];
  for (let i = 0; i < cases.length; i += CHUNK) {
    const ids = cases.slice(i, i + CHUNK).map((c) => c.id);
    const [t, s, v] = await Promise.all([
      store.tasks.listByCases(ids),
      store.slas.listByCases(ids),
      store.surveys.listByCases(ids),
    ]);
    tasks.push(...t);
    slas.push(...s);
    surveys.push(...v);
  }
  return { cases, tasks: groupBy(tasks), slas: groupBy(slas), surveys: groupBy(surveys) };
}

/** Mean and 90th percentile (nearest rank); nulls for an empty list. Pure. */
export function avgP90(values: number[]): { avg: number | null; p90: number | null } {
  if (values.length === 0) return { avg: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const avg = Math.round(sorted.reduce((s, v) => s + v, 0) / sorted.length);
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)] ?? null;
  return { avg, p90 };
}

const mean = (xs: number[]) =>
  xs.length === 0 ? null : Math.round((xs.reduce((s, v) => s + v, 0) / xs.length) * 100) / 100;
const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

/** Computes the metrics of the given cases from their loaded facts. Pure. */
export function computeMetrics(cases: CaseSummary[], facts: CaseFacts): CaseMetrics {
  let resolved = 0;
  let resolvedFirstContact = 0;
  let escalations = 0;
  let slaMet = 0;
  let breaches = 0;
  const firstResponse: number[] = [];
  const resolution: number[] = [];
  const scores: Record<'csat' | 'nps' | 'ces', number[]> = { csat: [], nps: [], ces: [] };
  for (const c of cases) {
    const tasks = facts.tasks.get(c.id) ?? [];
    const escalated = tasks.filter((t) => t.status === 'escalated').length;
    escalations += escalated;
    if (c.status === 'resolved') {
      resolved++;
      if (escalated === 0) resolvedFirstContact++;
      if (c.closedAt !== null) resolution.push(c.closedAt - c.createdAt);
    }
    if (c.firstResponseAt !== null) firstResponse.push(c.firstResponseAt - c.createdAt);
    for (const s of facts.slas.get(c.id) ?? []) {
      if (s.status === 'met') slaMet++;
      if (s.status === 'breached') breaches++;
    }
    for (const s of facts.surveys.get(c.id) ?? []) if (s.score !== null) scores[s.kind].push(s.score);
  }
  const nps =
    scores.nps.length === 0
      ? null
      : Math.round(
          ((scores.nps.filter((s) => s >= 9).length - scores.nps.filter((s) => s <= 6).length) /
            scores.nps.length) *
            100,
        );
  return {
    cases: cases.length,
    resolved,
    fcr: ratio(resolvedFirstContact, resolved),
    firstResponseMs: avgP90(firstResponse),
    resolutionMs: avgP90(resolution),
    slaCompliance: ratio(slaMet, slaMet + breaches),
    slaMet,
    breaches,
    escalations,
    csat: mean(scores.csat),
    nps,
    ces: mean(scores.ces),
    surveys: scores.csat.length + scores.nps.length + scores.ces.length,
  };
}

/** The dimension a case is grouped under for `by=`; tier is the tier of its latest task. */
export function dimensionOf(
  c: CaseSummary,
  by: 'cohort' | 'version' | 'channel' | 'tier',
  facts: CaseFacts,
): string {
  switch (by) {
    case 'cohort':
      return c.cohort ?? 'none';
    case 'version':
      return String(c.version);
    case 'channel':
      return c.channel;
    case 'tier': {
      const tasks = facts.tasks.get(c.id) ?? [];
      const last = tasks.reduce<TaskRow | null>(
        (a, t) => (a === null || t.createdAt >= a.createdAt ? t : a),
        null,
      );
      return last?.tier ?? 'none';
    }
  }
}

/** Per-node heat map of a flow version from node.entered / node.left / sla.breached entries. */
export function heatmap(rows: TimelineRow[]) {
  const nodes = new Map<
    string,
    { entered: number; completed: number; durations: number[]; breaches: number }
  >();
  const open = new Map<string, number[]>();
  const stat = (id: string) => {
    const known = nodes.get(id);
    if (known) return known;
    const fresh = { entered: 0, completed: 0, durations: [] as number[], breaches: 0 };
    nodes.set(id, fresh);
    return fresh;
  };
  for (const r of rows) {
    if (!r.nodeId) continue;
    const key = `${r.caseId}\u0000${r.nodeId}`;
    if (r.type === 'node.entered') {
      stat(r.nodeId).entered++;
      const stack = open.get(key) ?? [];
      stack.push(r.at);
      open.set(key, stack);
    } else if (r.type === 'node.left') {
      const s = stat(r.nodeId);
      s.completed++;
      const enteredAt = open.get(key)?.shift();
      if (enteredAt !== undefined) s.durations.push(r.at - enteredAt);
    } else if (r.type === 'sla.breached') {
      stat(r.nodeId).breaches++;
    }
  }
  return [...nodes].map(([nodeId, s]) => {
    const { avg, p90 } = avgP90(s.durations);
    return {
      nodeId,
      entered: s.entered,
      completed: s.completed,
      avgMs: avg,
      p90Ms: p90,
      breaches: s.breaches,
    };
  });
}

import type { BusinessCalendar } from '@caseflow/schema';
import type { CaseFactRow, CaseScan, SlaFactRow, Store, SurveyFactRow, TaskFactRow } from '../store/store';

/** Everything the metrics of a set of cases need, loaded once with the store's analytics reads. */
export interface MetricFacts {
  cases: CaseFactRow[];
  slas: Map<string, SlaFactRow[]>;
  tasks: Map<string, TaskFactRow[]>;
  surveys: Map<string, SurveyFactRow[]>;
}

/** The business calendar a case's durations are measured in (undefined: round the clock). */
export type CalendarOf = (c: CaseFactRow) => BusinessCalendar | undefined;

function byCase<T extends { caseId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.caseId);
    if (list) list.push(r);
    else out.set(r.caseId, [r]);
  }
  return out;
}

/** Runs the four analytics reads of `scan` (in parallel) and indexes the detail rows by case. */
export async function loadMetricFacts(store: Store, scan: CaseScan): Promise<MetricFacts> {
  const [cases, slas, tasks, surveys] = await Promise.all([
    store.analytics.caseFacts(scan),
    store.analytics.slaFacts(scan),
    store.analytics.taskFacts(scan),
    store.analytics.surveyFacts(scan),
  ]);
  return { cases, slas: byCase(slas), tasks: byCase(tasks), surveys: byCase(surveys) };
}

/**
 * Resolves each case's calendar from the `calendar` of the flow version it runs (loaded once
 * per distinct flow version), looked up in the runtime's calendars; unknown keys and 24x7
 * measure wall time.
 */
export async function flowCalendars(
  store: Store,
  cases: CaseFactRow[],
  calendars: Readonly<Record<string, BusinessCalendar>>,
): Promise<CalendarOf> {
  const keys = new Map<string, BusinessCalendar | undefined>();
  for (const c of cases) {
    const id = `${c.flow}@${c.version}`;
    if (keys.has(id)) continue;
    const version = await store.flowVersions.get(c.flow, c.version);
    const key = (version?.definition as { calendar?: unknown } | undefined)?.calendar;
    keys.set(id, typeof key === 'string' ? calendars[key] : undefined);
  }
  return (c) => keys.get(`${c.flow}@${c.version}`);
}

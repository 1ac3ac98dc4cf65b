import type { CaseFactRow, TaskFactRow } from '../store/store';

/* Fact rows for the analytics unit tests. */

/** Monday 2026-01-05 08:00 UTC: every fixture starts here. */
export const MON8 = Date.parse('2026-01-05T08:00:00Z');

/** An open case fact of flow f v1 created at MON8; `over` replaces any field. */
export function fact(id: string, over: Partial<CaseFactRow> = {}): CaseFactRow {
  return {
    id,
    flow: 'f',
    version: 1,
    cohort: null,
    channel: 'email',
    status: 'open',
    customerId: null,
    createdAt: MON8,
    closedAt: null,
    firstResponseAt: null,
    catalogItem: null,
    parentCaseId: null,
    messages: 0,
    responses: 0,
    inboundChannels: 0,
    ...over,
  };
}

/** An open task fact created at MON8; `over` replaces any field. */
export function task(id: string, caseId: string, over: Partial<TaskFactRow> = {}): TaskFactRow {
  return {
    caseId,
    id,
    status: 'open',
    tier: null,
    group: null,
    assignee: null,
    createdAt: MON8,
    claimedAt: null,
    closedAt: null,
    ...over,
  };
}

import type { CaseRow, FlowVersionRow, NewTask } from '../store';

/* Rows for the contract tests (and any test that needs a valid case or task). */

/** The epoch ms every fixture starts at. */
export const T0 = 1_700_000_000_000;

/** A minimal open case row; `over` replaces any field. */
export function caseRow(id: string, over: Partial<CaseRow> = {}): CaseRow {
  return {
    id,
    flow: 'refund',
    version: 1,
    pilotId: null,
    cohort: null,
    customerId: null,
    channel: 'email',
    subject: `case ${id}`,
    priority: 'normal',
    status: 'open',
    activeNodes: ['start'],
    variables: {},
    snapshot: { value: 'start', context: { n: 1 } },
    revision: 1,
    parentCaseId: null,
    parentNodeId: null,
    childId: null,
    createdBy: null,
    createdAt: T0,
    updatedAt: T0,
    closedAt: null,
    firstResponseAt: null,
    number: null,
    ...over,
  };
}

/** A minimal open task of case `caseId`; `over` replaces any field. */
export function taskRow(id: string, caseId: string, over: Partial<NewTask> = {}): NewTask {
  return {
    id,
    caseId,
    taskKey: id,
    nodeId: 'review',
    kind: 'task',
    title: `task ${id}`,
    status: 'open',
    tier: null,
    group: null,
    assignee: null,
    outcomes: ['done'],
    form: null,
    approvalId: null,
    dueAt: null,
    createdAt: T0,
    ...over,
  };
}

/** A minimal published version `version` of flow `flow`; `over` replaces any field. */
export function versionRow(
  flow: string,
  version: number,
  over: Partial<FlowVersionRow> = {},
): FlowVersionRow {
  return {
    flow,
    version,
    definition: {},
    config: {},
    checksum: 'c',
    author: null,
    note: '',
    createdAt: T0,
    ...over,
  };
}

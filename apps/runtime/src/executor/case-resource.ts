import { type Case, formatCaseNumber, type Sla, type Task, type TimelineEntry } from '@caseflow/schema';
import type { CaseRow, SlaRow, Store, SurveyRow, TaskRow, TimelineRow } from '../store/store';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** The API's Task (schema `Task`): ISO dates, no internal columns. */
export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    caseId: row.caseId,
    nodeId: row.nodeId,
    kind: row.kind,
    title: row.title,
    status: row.status,
    tier: row.tier,
    group: row.group,
    assignee: row.assignee,
    outcomes: row.outcomes,
    ...(row.form === null || row.form === undefined ? {} : { form: row.form }),
    dueAt: isoOrNull(row.dueAt),
    createdAt: iso(row.createdAt),
  };
}

/** The API's Sla (schema `Sla`). */
export function toSla(row: SlaRow): Sla {
  return {
    id: row.id,
    scope: row.scope,
    taskId: row.taskId,
    status: row.status,
    target: row.target,
    dueAt: isoOrNull(row.dueAt),
    elapsedMs: row.elapsedMs,
  };
}

/**
 * The survey reference on a case. The token is the customer's credential for answering: it is
 * included only for the customer's own view (`withToken`); staff see kind, answered and score.
 */
export function toSurveyRef(row: SurveyRow, withToken = false): Case['surveys'][number] {
  const ref = { kind: row.kind, answered: row.answeredAt !== null, score: row.score };
  return withToken ? { ...ref, token: row.token } : ref;
}

/** What a Case resource includes besides the staff view: survey tokens for the customer. */
export interface CaseView {
  surveyTokens?: boolean;
}

/** A timeline row as the API shows it; the node id, when there is one, travels in `data`. */
export function toTimelineEntry(row: TimelineRow): TimelineEntry {
  const data = row.nodeId && row.data.nodeId === undefined ? { nodeId: row.nodeId, ...row.data } : row.data;
  return { seq: row.seq, at: iso(row.at), type: row.type, actor: row.actor, data };
}

/** The GET /cases/:id resource from a case row and its tasks, SLA clocks and surveys. */
export function toCase(
  row: CaseRow,
  tasks: TaskRow[],
  slas: SlaRow[],
  surveys: SurveyRow[],
  view: CaseView = {},
): Case {
  return {
    id: row.id,
    number: row.number === null ? null : formatCaseNumber(row.number),
    parentCaseId: row.parentCaseId,
    flow: row.flow,
    version: row.version,
    pilotId: row.pilotId,
    cohort: row.cohort,
    customerId: row.customerId,
    channel: row.channel,
    subject: row.subject,
    priority: row.priority,
    status: row.status,
    activeNodes: row.activeNodes,
    variables: row.variables,
    tasks: tasks.map(toTask),
    slas: slas.map(toSla),
    surveys: surveys.map((s) => toSurveyRef(s, view.surveyTokens === true)),
    revision: row.revision,
    createdAt: iso(row.createdAt),
    createdBy: row.createdBy,
    closedAt: isoOrNull(row.closedAt),
  };
}

/** Reads a case with its tasks, SLAs and surveys through `store` (a transaction or not). */
export async function loadCaseResource(
  store: Store,
  caseId: string,
  view: CaseView = {},
): Promise<Case | null> {
  const row = await store.cases.get(caseId);
  if (!row) return null;
  const [tasks, slas, surveys] = await Promise.all([
    store.tasks.listByCase(caseId),
    store.slas.listByCase(caseId),
    store.surveys.listByCase(caseId),
  ]);
  return toCase(row, tasks, slas, surveys, view);
}

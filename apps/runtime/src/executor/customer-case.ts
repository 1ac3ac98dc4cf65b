import {
  type CustomerCase,
  type CustomerCaseItem,
  type CustomerDue,
  DEFAULT_LOCALE,
  type FlowDefinition,
  formatCaseNumber,
  type Locale,
  type TimelineEntry,
  textIn,
} from '@caseflow/schema';
import type {
  CaseQuery,
  CaseRow,
  CaseSummary,
  Page,
  SlaRow,
  Store,
  SurveyRow,
  TaskRow,
  TimelineRow,
} from '../store/store';
import { notFound } from './errors';

/*
 * What a customer sees of a case (DESIGN §8 "Visibility"): their own top-level cases only,
 * never a subflow child (an internal step of another case), and of each case its number,
 * subject, status, the title of the current step, due times in plain terms and the surveys
 * sent to them. Tasks, tiers, groups, versions, pilot cohorts and variables stay internal.
 * The rules live in these reads, so every route that answers a customer goes through them.
 */

const iso = (ms: number) => new Date(ms).toISOString();

/** A case row in a customer's list of requests. Pure. */
export function toCustomerCaseItem(row: CaseSummary): CustomerCaseItem {
  return {
    id: row.id,
    number: row.number === null ? null : formatCaseNumber(row.number),
    customerId: row.customerId,
    subject: row.subject,
    status: row.status,
    channel: row.channel,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    closedAt: row.closedAt === null ? null : iso(row.closedAt),
  };
}

const DUE_STATE: Partial<Record<SlaRow['status'], CustomerDue['state']>> = {
  running: 'on-track',
  warning: 'at-risk',
  breached: 'overdue',
  paused: 'paused',
  met: 'met',
};

/**
 * The case's own clocks as due times: `response` for a clock that stops at the first
 * response, `resolution` for the others. Task clocks are internal (they measure teams).
 */
function dues(slas: SlaRow[], def: FlowDefinition | null): CustomerDue[] {
  const out: CustomerDue[] = [];
  for (const s of slas) {
    const state = DUE_STATE[s.status];
    if (s.scope !== 'case' || state === undefined) continue;
    const sla = def?.slas.find((x) => x.id === s.id);
    const kind = sla?.stop.event === 'case.firstResponse' || s.id === 'response' ? 'response' : 'resolution';
    out.push({ kind, dueAt: s.dueAt === null ? null : iso(s.dueAt), within: s.target, state });
  }
  return out;
}

/**
 * What a customer reads as the step a case is at: the `customerLabel` the flow gives its first
 * active node that has one; null when the case is closed or no active node has one (the portal
 * shows a neutral "in progress"). Node names and task titles are never shown: they are the
 * team's words ("Approve a privileged reset", "Fraud review") and tell how the work is done.
 */
function stepTitle(row: CaseRow, def: FlowDefinition | null, locale: Locale): string | null {
  if (row.status !== 'open') return null;
  for (const nodeId of row.activeNodes) {
    const label = textIn(def?.nodes.find((n) => n.id === nodeId)?.customerLabel, locale);
    if (label) return label;
  }
  return null;
}

/** What the customer may do with a case, decided by the runtime's rules for them. */
export interface CustomerCaseActions {
  /** reopenDeadline (follow-up.ts). */
  reopenUntil: number | null;
  /** cancelRefusal (cancel-rule.ts) finds nothing against it. */
  mayWithdraw: boolean;
  /** openFollowUpOf (follow-up.ts). */
  continuedIn: CaseRow | null;
}

/** The customer projection of a case from its row, tasks, clocks, surveys and flow, in `locale`. Pure. */
export function toCustomerCase(
  row: CaseRow,
  parts: { tasks: TaskRow[]; slas: SlaRow[]; surveys: SurveyRow[] },
  def: FlowDefinition | null,
  locale: Locale = DEFAULT_LOCALE,
  actions: CustomerCaseActions = { reopenUntil: null, mayWithdraw: false, continuedIn: null },
): CustomerCase {
  return {
    ...toCustomerCaseItem(row),
    step: stepTitle(row, def, locale),
    dues: dues(parts.slas, def),
    // Surveys sent to this customer on this case; the token is their link, so it stays only
    // while the survey waits for an answer.
    surveys: parts.surveys.map((s) => ({
      kind: s.kind,
      ...(s.answeredAt === null ? { token: s.token } : {}),
      answered: s.answeredAt !== null,
      score: s.score,
    })),
    reopenUntil: actions.reopenUntil === null ? null : iso(actions.reopenUntil),
    mayWithdraw: actions.mayWithdraw,
    continuedIn:
      actions.continuedIn === null
        ? null
        : {
            id: actions.continuedIn.id,
            number: actions.continuedIn.number === null ? null : formatCaseNumber(actions.continuedIn.number),
          },
  };
}

/**
 * Whether `row` is customer `customerId`'s own request: their top-level case (a subflow child is
 * an internal step of another case; an account bound to no customer owns nothing). Pure.
 */
export function isOwnRequest(
  customerId: string | null,
  row: Pick<CaseRow, 'customerId' | 'parentCaseId'> | null,
): row is CaseRow {
  return row !== null && customerId !== null && row.customerId === customerId && row.parentCaseId === null;
}

/**
 * The case row if it is `customerId`'s own top-level case; 404 otherwise (another customer's
 * case, a subflow child, an unknown id, or a customer user bound to no customer): the same
 * answer, so that ids do not leak.
 */
export async function customerCaseRow(
  store: Store,
  caseId: string,
  customerId: string | null,
): Promise<CaseRow> {
  const row = await store.cases.get(caseId);
  if (!isOwnRequest(customerId, row)) throw notFound('case', caseId);
  return row;
}

/**
 * A customer's cases, newest first: their own, top level, with the filters that narrow them
 * (status, flow, search); the customer and queue filters are staff's. Empty for a customer
 * user bound to no customer.
 */
export async function listCustomerCases(
  store: Store,
  customerId: string | null,
  query: Pick<CaseQuery, 'status' | 'flow' | 'q' | 'limit' | 'cursor'>,
): Promise<Page<CustomerCaseItem>> {
  if (customerId === null) return { items: [], next: null };
  const page = await store.cases.list({ ...query, customerId, topLevel: true });
  return { items: page.items.map(toCustomerCaseItem), next: page.next };
}

/** Fields of public timeline entries a customer may read, by type; anything else is dropped. */
const PUBLIC_DATA: Record<string, readonly string[]> = {
  'case.opened': ['number', 'channel'],
  'case.closed': ['outcome'],
  // Public only when the customer withdrew the request (their own words).
  'case.cancelled': ['reason'],
  message: ['messageId', 'from', 'channel'],
  'notify.queued': ['template', 'channel'],
  'survey.sent': ['kind'],
  'survey.answered': ['kind', 'score'],
};

/**
 * A public timeline entry as a customer reads it: no node ids, flow, version or cohort (the
 * case.opened entry carries them for staff), and staff actors shown as null. Pure.
 */
export function toPublicTimelineEntry(row: TimelineRow): TimelineEntry {
  const allowed = PUBLIC_DATA[row.type] ?? [];
  const data = Object.fromEntries(Object.entries(row.data).filter(([k]) => allowed.includes(k)));
  const actor = row.actor?.startsWith('customer:') ? row.actor : null;
  return { seq: row.seq, at: iso(row.at), type: row.type, actor, data };
}

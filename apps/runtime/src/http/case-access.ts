import type { CustomerCase } from '@caseflow/schema';
import { assertVisible } from '../auth/access';
import { isCustomerOnly } from '../auth/roles';
import { customerCaseRow } from '../executor/customer-case';
import type { CaseRecord, Runtime } from '../executor/types';
import type { UserRow } from '../store/store';
import { notFound } from './errors';
import type { Metrics } from './prometheus';

/**
 * The case, if it exists and `user` may see it; 404 otherwise (also for other customers' cases
 * and, for customers, subflow children: customerCaseRow decides). Survey tokens are in the
 * customer's own view only. Answer customers with `caseFor` (their projection).
 */
export async function visibleCase(runtime: Runtime, user: UserRow, id: string): Promise<CaseRecord> {
  if (isCustomerOnly(user)) await customerCaseRow(runtime.store, id, user.customerId);
  const record = await runtime.getCase(id, { surveyTokens: isCustomerOnly(user) });
  if (!record) throw notFound('case', id);
  assertVisible(user, record.customerId, 'case', id);
  return record;
}

/** The case as `user` may read it: the customer projection for customers, else the staff resource. */
export async function caseFor(
  runtime: Runtime,
  user: UserRow,
  id: string,
): Promise<CaseRecord | CustomerCase> {
  if (isCustomerOnly(user)) return runtime.customerCase(id, user);
  return visibleCase(runtime, user, id);
}

/**
 * What a command on a case (opening, withdrawing) answers `user`: customers get their projection
 * of it (the staff resource shows its tasks, tiers and version), staff the record itself.
 */
export async function caseAnswerFor(
  runtime: Runtime,
  user: UserRow,
  record: CaseRecord,
): Promise<CaseRecord | CustomerCase> {
  return isCustomerOnly(user) ? runtime.customerCase(record.id, user) : record;
}

/**
 * Feeds the Prometheus counters after a committed event: one event, and a closure when the
 * answer shows the case closed (the runtime refuses events to closed cases, so the case was
 * open before this event).
 */
export function countEvent(metrics: Metrics, type: string, after: Pick<CaseRecord, 'flow' | 'status'>): void {
  metrics.event(type);
  if (after.status !== 'open') metrics.caseClosed(after.flow, after.status);
}

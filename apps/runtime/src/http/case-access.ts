import { assertVisible } from '../auth/access';
import { isCustomerOnly } from '../auth/roles';
import type { CaseRecord, Runtime } from '../executor/types';
import type { UserRow } from '../store/store';
import { notFound } from './errors';
import type { Metrics } from './prometheus';

/**
 * The case, if it exists and `user` may see it; 404 otherwise (also for other customers' cases).
 * Survey tokens are in the customer's own view only: staff never hold the customer's answer link.
 */
export async function visibleCase(runtime: Runtime, user: UserRow, id: string): Promise<CaseRecord> {
  const record = await runtime.getCase(id, { surveyTokens: isCustomerOnly(user) });
  if (!record) throw notFound('case', id);
  assertVisible(user, record.customerId, 'case', id);
  return record;
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

import { feelCondition } from '@caseflow/engine';
import { hasRole, isCustomerOnly } from '../auth/roles';
import type { CatalogItemRow, CustomerRow, UserRow } from '../store/store';

/** The FEEL scope of a customer profile for audience segments: attributes plus the columns. */
export function customerScope(customer: CustomerRow | null): Record<string, unknown> {
  if (!customer) return {};
  return {
    ...customer.attributes,
    id: customer.id,
    name: customer.name,
    email: customer.email,
    segment: customer.segment,
    tags: customer.tags,
  };
}

/**
 * Whether `user` may see and request `item`. Owners and admins see every item (they edit the
 * catalog); agents see active items (they request on a customer's behalf); customers see
 * active items whose audience admits them: listed roles, listed customer ids, and the FEEL
 * segment over their profile must all hold when given.
 */
export function mayRequest(
  user: UserRow,
  item: CatalogItemRow,
  customer: CustomerRow | null,
  now: number,
): boolean {
  if (hasRole(user, 'owner')) return true;
  if (!item.active) return false;
  if (!isCustomerOnly(user)) return true;
  const audience = item.audience;
  if (!audience) return true;
  if (audience.roles && audience.roles.length > 0 && !audience.roles.some((r) => hasRole(user, r)))
    return false;
  if (audience.customerIds && audience.customerIds.length > 0) {
    if (!user.customerId || !audience.customerIds.includes(user.customerId)) return false;
  }
  if (audience.segment && !feelCondition(audience.segment, customerScope(customer), now)) return false;
  return true;
}

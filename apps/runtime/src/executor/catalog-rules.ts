import { validateFormValues } from '@caseflow/engine';
import { catalogItemIn, type FieldError } from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import type { CatalogItemRow, CustomerRow, UserRow } from '../store/store';
import { badRequest } from './errors';
import { profileCondition } from './profile-condition';

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
 * Whether the item's audience admits `customer` as the person a request is for: listed roles
 * must include `customer`, listed customer ids the customer's, and the FEEL segment must hold
 * over their profile. Pure. (Evaluated for a customer's own request and for an agent's request
 * on a customer's behalf alike, as ServiceNow evaluates "available for" on "requested for".)
 */
export function admitsCustomer(item: CatalogItemRow, customer: CustomerRow, now: number): boolean {
  const audience = item.audience;
  if (!audience) return true;
  if (audience.roles && audience.roles.length > 0 && !audience.roles.includes('customer')) return false;
  if (audience.customerIds && audience.customerIds.length > 0) {
    if (!audience.customerIds.includes(customer.id)) return false;
  }
  if (audience.segment && !profileCondition(audience.segment, customerScope(customer), now)) return false;
  return true;
}

/**
 * Whether `user` may see and request `item`. Owners and admins see every item (they edit the
 * catalog); agents see active items (they request on a
 * customer's behalf, checked against that customer with admitsCustomer); customers see active
 * items whose audience admits them (`customer` must be their own profile).
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
  if (!customer || customer.id !== user.customerId) return false;
  return admitsCustomer(item, customer, now);
}

/**
 * The labels of `field` in the item's other languages, as params `label:<locale>`, so the error
 * handler words a field error with the label its reader knows (field-messages.ts).
 */
function translatedLabels(item: CatalogItemRow, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [locale, text] of Object.entries(item.translations ?? {})) {
    const title = text?.fields?.[field]?.title;
    if (title) out[`label:${locale}`] = title;
  }
  return out;
}

/**
 * The form values of a request checked against the item's form: the cleaned values, or a 400
 * whose details name each field (`values.<field>`).
 */
export function checkRequestForm(item: CatalogItemRow, values: unknown): Record<string, unknown> {
  // The answer's own messages are English: worded with the item's English labels when it has them.
  const checked = validateFormValues(catalogItemIn(item, 'en').form, values);
  if (checked.errors.length > 0) {
    throw badRequest(
      'the form has errors',
      checked.errors.map((e: FieldError) => ({
        path: `values.${e.field}`,
        field: e.field,
        code: e.code,
        message: e.message,
        ...(e.params ? { params: { ...e.params, ...translatedLabels(item, e.field) } } : {}),
      })),
    );
  }
  return checked.values;
}

/**
 * The variables of a case opened from `item`: the form values (flows read `cardLast4`), the
 * values whole as `request` (flows read `request.username`) and the item's key.
 */
export function catalogVariables(
  item: CatalogItemRow,
  values: Record<string, unknown>,
): Record<string, unknown> {
  return { ...values, request: values, catalogItem: item.key };
}

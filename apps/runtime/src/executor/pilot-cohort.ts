import { createHash } from 'node:crypto';
import type { Cohort } from '@caseflow/schema';
import type { CustomerRow, PilotRow } from '../store/store';
import { profileCondition } from './profile-condition';

/**
 * The customer's stable bucket in [0, 100) for a pilot: the first 32 bits of
 * sha256(pilotId + ":" + customerId), scaled. The same customer always lands in the same bucket
 * of the same pilot (sticky cohorts), and different pilots shuffle customers independently.
 */
export function pilotBucket(pilotId: string, customerId: string): number {
  const digest = createHash('sha256').update(`${pilotId}:${customerId}`, 'utf8').digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100;
}

/**
 * A customer's profile as flows see it (the `customer` FEEL scope): attributes by name plus
 * the fixed fields, which win over attributes of the same name.
 */
export function customerProfile(customer: CustomerRow): Record<string, unknown> {
  return {
    ...customer.attributes,
    id: customer.id,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    segment: customer.segment,
    tags: customer.tags,
  };
}

/**
 * The FEEL scope of pilot segments: the profile fields at the top level (`segment = "gold"`,
 * `list contains(tags, "vip")`, attributes by name) and the same under `customer`.
 */
export function customerScope(customer: CustomerRow): Record<string, unknown> {
  const profile = customerProfile(customer);
  return { ...profile, customer: profile };
}

/**
 * Which cohort of an active pilot a customer belongs to. In the pilot when the customer is
 * listed, or matches any segment (FEEL via the engine, never JavaScript), or falls under the
 * percentage by its sticky bucket; otherwise control. Without a customer there is nothing to
 * keep sticky, so the case goes to control. Pure given `now` (FEEL's now()).
 */
export function cohortFor(pilot: PilotRow, customer: CustomerRow | null, now: number): Cohort {
  if (!customer) return 'control';
  if (pilot.customerIds.includes(customer.id)) return 'pilot';
  if (pilot.segments.length > 0) {
    const scope = customerScope(customer);
    if (pilot.segments.some((segment) => profileCondition(segment, scope, now))) return 'pilot';
  }
  if (pilot.percentage > 0 && pilotBucket(pilot.id, customer.id) < pilot.percentage) return 'pilot';
  return 'control';
}

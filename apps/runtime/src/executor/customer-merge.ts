import { LIMITS } from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import type { CustomerMergeRow, MergedIdentity } from '../store/customer-merge-store';
import type { CustomerPatch, CustomerRow, Store } from '../store/store';
import { actingUser } from './acting-user';
import { forbidden, notEligible, notFound } from './errors';
import type { RuntimeCore } from './runtime-core';
import type { Actor } from './types';

/*
 * Merging contacts (issue 15): the same person writing by WhatsApp (a phone) and by e-mail is
 * two contacts until staff merge one into the other, as Zendesk's "merge users" and Chatwoot's
 * "merge contacts" do. The merged contact (source) stays as a tombstone naming the survivor
 * (target): its id, links and addresses keep resolving, to the target.
 *
 * Decided per table (store/customer-merge-store.ts): cases, messages, surveys, chat visitors,
 * article reads and votes and portal users move to the target. Pilots keep their cohorts: a
 * moved case keeps the pilot, cohort and version it opened with, the target's own cases are
 * not touched, and no pilot's customer list is rewritten — the target's next cases get the
 * target's own sticky cohort, so a merge never silently moves a running case between versions.
 * The change log behind live streams (case_changes) keeps the customer each past change was
 * made for: it is a short-lived record of what happened, not a current fact.
 */

/** How many mergedInto steps resolution follows; merges re-point older tombstones, so one is enough. */
const MAX_HOPS = 8;
/**
 * How many of the source's open cases get a `customer.merged` timeline entry (the newest): a
 * bound on one merge's work; every case moves regardless.
 */
const NOTED_CASES = 200;

/** What a merge answers: the survivor, and the record of the merge (new, or the earlier one on a retry). */
export interface MergeResult {
  customer: CustomerRow;
  merge: CustomerMergeRow;
  /** True when `source` had been merged into `target` already (a retried request): nothing changed. */
  repeated: boolean;
}

/**
 * The customer a contact now is: itself when live, else the customer its `mergedInto` chain
 * ends at (at most 8 steps; a chain broken by a missing row ends at the last one found).
 */
export async function mergedCustomer(
  tx: Pick<Store, 'customers'>,
  customer: CustomerRow,
): Promise<CustomerRow> {
  let current = customer;
  for (let hop = 0; hop < MAX_HOPS && current.mergedInto; hop++) {
    const next = await tx.customers.get(current.mergedInto);
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * Merges customer `sourceId` into `targetId` in one transaction, for staff (agents and above;
 * 403 otherwise, customers always): 404 when either is unknown; 422 `not-eligible` naming
 * `from` for a merge into itself or a source merged into someone else, naming `id` for a
 * target that is itself merged. A source already merged into this target answers that
 * earlier merge (`repeated`): a retried request changes nothing. Otherwise everything naming
 * the source moves to the target (see above), the target takes the source's e-mail, phone,
 * segment and language where it has none and the union of both tag lists, the source becomes
 * a tombstone and the merge is recorded (who, when, which identities moved, how many cases) —
 * the audit both customers' 360 views show — and each of the source's open top-level cases
 * gets an internal `customer.merged` timeline entry `{from, into}` for the agents on it.
 */
export function mergeCustomers(
  core: RuntimeCore,
  targetId: string,
  sourceId: string,
  actor: Actor,
): Promise<MergeResult> {
  return core.events.run(async (session) => {
    const { tx, now } = session;
    const user = await actingUser(tx, actor);
    if (!hasRole(user, 'agent')) throw forbidden('only staff merge customers');
    if (sourceId === targetId) {
      throw notEligible('a customer cannot be merged into itself', [
        { path: 'from', message: 'is this customer' },
      ]);
    }
    const locked = await tx.customerMerges.lock([sourceId, targetId]);
    const target = locked.find((c) => c.id === targetId);
    if (!target) throw notFound('customer', targetId);
    const source = locked.find((c) => c.id === sourceId);
    if (!source) throw notFound('customer', sourceId);
    if (source.mergedInto === targetId) return repeatedMerge(tx, target, sourceId);
    if (source.mergedInto) {
      throw notEligible(`customer ${sourceId} was merged into ${source.mergedInto} already`, [
        { path: 'from', message: `merged into ${source.mergedInto}` },
      ]);
    }
    if (target.mergedInto) {
      throw notEligible(`customer ${targetId} was merged into ${target.mergedInto}; merge into that one`, [
        { path: 'id', message: `merged into ${target.mergedInto}` },
      ]);
    }
    const identities = identitiesOf(source, target);
    // The source's open requests, to tell the agents working them (read before they move).
    const open = await tx.cases.list({
      customerId: sourceId,
      status: 'open',
      topLevel: true,
      limit: NOTED_CASES,
    });
    const merge = await tx.customerMerges.apply({ sourceId, targetId, actor, at: now, identities });
    for (const item of open.items) {
      // Loaded after the move: the row names the target. An entry only, so no revision bump.
      session.record(await session.require(item.id), {
        type: 'customer.merged',
        actor,
        public: false,
        data: { from: sourceId, into: targetId },
      });
    }
    const patch = adoptedProfile(source, target);
    const customer = Object.keys(patch).length > 0 ? await tx.customers.update(targetId, patch, now) : target;
    return { customer: customer ?? target, merge, repeated: false };
  });
}

async function repeatedMerge(tx: Store, target: CustomerRow, sourceId: string): Promise<MergeResult> {
  const merges = await tx.customerMerges.listFor(sourceId, 1);
  const merge = merges.find((m) => m.sourceId === sourceId && m.targetId === target.id);
  // The tombstone's record exists whenever mergedInto was set by a merge (same transaction).
  if (!merge)
    throw notEligible(`customer ${sourceId} is merged into ${target.id} already`, [{ path: 'from' }]);
  return { customer: target, merge, repeated: true };
}

/** The source's addresses, and whether the target takes each (it has none of that kind). */
function identitiesOf(source: CustomerRow, target: CustomerRow): MergedIdentity[] {
  const out: MergedIdentity[] = [];
  if (source.email) out.push({ kind: 'email', address: source.email, adopted: !target.email });
  if (source.phone) out.push({ kind: 'phone', address: source.phone, adopted: !target.phone });
  return out;
}

/** What the target takes from the source: fields it lacks, and the source's tags (bounded). */
function adoptedProfile(source: CustomerRow, target: CustomerRow): CustomerPatch {
  const patch: CustomerPatch = {};
  if (!target.email && source.email) patch.email = source.email;
  if (!target.phone && source.phone) patch.phone = source.phone;
  if (!target.segment && source.segment) patch.segment = source.segment;
  if (!target.locale && source.locale) patch.locale = source.locale;
  const tags = [...new Set([...target.tags, ...source.tags])].slice(0, LIMITS.list);
  if (tags.length > target.tags.length) patch.tags = tags;
  return patch;
}

import type { Channel } from '@caseflow/schema';
import { mergedCustomer } from '../executor/customer-merge';
import type { Store } from '../store/store';

/** Most open cases of one customer looked through for the conversation to continue. */
const OPEN_CASES_SCANNED = 200;

/**
 * The case a message from `phone` on `channel` continues: the newest open top-level case of the
 * customer that number belongs to, on that channel; undefined when there is none (a new case
 * opens). Messaging carries no thread ids, so an open conversation is the thread. The inbound
 * door checks again inside its transaction that the case is that customer's own.
 */
export async function openConversation(
  store: Store,
  channel: Channel,
  phone: string,
): Promise<string | undefined> {
  const found = await store.channels.customerByAddress('phone', phone);
  if (!found) return undefined;
  // A number only a merged contact holds continues the conversations of the customer it became.
  const customer = await mergedCustomer(store, found);
  const open = await store.cases.list({
    customerId: customer.id,
    status: 'open',
    topLevel: true,
    limit: OPEN_CASES_SCANNED,
  });
  const same = open.items.filter((c) => c.channel === channel).sort((a, b) => b.createdAt - a.createdAt);
  return same[0]?.id;
}

import type { Store } from '../store/store';
import type { LiveCase } from './case-session';

/** One resolved recipient of a notification. */
export type Recipient =
  | { kind: 'customer'; customerId: string; name: string; email: string | null; phone: string | null }
  | { kind: 'user'; username: string };

/**
 * Resolves a notify target (`customer`, `user:<name>`, `group:<name>`, `tier:<id>`, `assignee`)
 * to concrete recipients at the time the message is queued, so that a transport (a webhook
 * receiver, a mailer) gets addresses instead of having to know Caseflow's directory. Unknown
 * targets resolve to nobody; the raw `to` stays in the payload either way.
 */
export async function resolveRecipients(tx: Store, live: LiveCase, to: string): Promise<Recipient[]> {
  const [kind, name = ''] = to.includes(':')
    ? [to.slice(0, to.indexOf(':')), to.slice(to.indexOf(':') + 1)]
    : [to];
  switch (kind) {
    case 'customer': {
      const customer = live.row.customerId ? await tx.customers.get(live.row.customerId) : null;
      return customer
        ? [
            {
              kind: 'customer',
              customerId: customer.id,
              name: customer.name,
              email: customer.email,
              phone: customer.phone,
            },
          ]
        : [];
    }
    case 'user':
      return (await tx.users.get(name)) ? [{ kind: 'user', username: name }] : [];
    case 'group':
      return users(await tx.users.membersOf(name));
    case 'tier': {
      const tier = live.compiled.definition.tiers.find((t) => t.id === name);
      return tier ? users(await tx.users.membersOf(tier.group)) : [];
    }
    case 'assignee': {
      const tasks = await tx.tasks.listByCase(live.row.id);
      return users(
        tasks
          .filter((t) => (t.status === 'open' || t.status === 'claimed') && t.assignee)
          .map((t) => t.assignee!),
      );
    }
    default:
      return [];
  }
}

function users(names: string[]): Recipient[] {
  return [...new Set(names)].sort().map((username) => ({ kind: 'user', username }));
}

import type { Locale } from '@caseflow/schema';
import type { Store } from '../store/store';
import type { LiveCase } from './case-session';

/** One resolved recipient of a notification, with the language of their profile (null: none). */
export type Recipient =
  | {
      kind: 'customer';
      customerId: string;
      name: string;
      email: string | null;
      phone: string | null;
      locale: Locale | null;
    }
  | { kind: 'user'; username: string; locale: Locale | null };

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
              locale: customer.locale ?? null,
            },
          ]
        : [];
    }
    case 'user':
      return users(tx, [name]);
    case 'group':
      return users(tx, await tx.users.membersOf(name));
    case 'tier': {
      const tier = live.compiled.definition.tiers.find((t) => t.id === name);
      return tier ? users(tx, await tx.users.membersOf(tier.group)) : [];
    }
    case 'assignee': {
      const tasks = await tx.tasks.listByCase(live.row.id);
      return users(
        tx,
        tasks
          .filter((t) => (t.status === 'open' || t.status === 'claimed') && t.assignee)
          .map((t) => t.assignee!),
      );
    }
    default:
      return [];
  }
}

/** Known users among `names`, once each and sorted, with their languages. */
async function users(tx: Store, names: string[]): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const username of [...new Set(names)].sort()) {
    const user = await tx.users.get(username);
    if (user) out.push({ kind: 'user', username, locale: user.locale ?? null });
  }
  return out;
}

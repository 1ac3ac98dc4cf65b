import type { BusinessCalendar, FlowChoices } from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import { NOTIFY_TEMPLATES } from '../messages/templates';
import type { Store } from '../store/store';
import { actingUser } from './acting-user';
import { forbidden } from './errors';
import type { Actor } from './types';

const byName = (a: string, b: string) => a.localeCompare(b);
/** Article rows (one per language) listed at most: a picker, not a catalogue of the whole KB. */
const ARTICLES = 500;
/** Staff users listed at most: enough for a picker of approvers and assignees. */
const USERS = 1000;

/**
 * What a flow may refer to in this installation, sorted by name: groups, active staff users
 * (username and display name only), business calendars,
 * notification templates, connection names, flows and published articles. Connections give only their names:
 * base URLs and credentials stay with admins. For active owners and admins (403 otherwise),
 * checked here so that no route serves the list to anyone else. Reads only.
 */
export async function flowChoices(
  store: Store,
  calendars: Readonly<Record<string, BusinessCalendar>>,
  actor: Actor,
): Promise<FlowChoices> {
  if (!hasRole(await actingUser(store, actor), 'owner')) {
    throw forbidden('only owners and admins see what a flow may refer to');
  }
  const [groups, users, flows, connections, articles] = await Promise.all([
    store.groups.list(),
    store.users.list(),
    store.flows.list(),
    store.connections.list(),
    store.kb.list({ audiences: ['public', 'customers', 'agents'], status: 'published', limit: ARTICLES }),
  ]);
  const bySlug = new Map<string, FlowChoices['articles'][number]>();
  for (const a of articles.items) {
    const entry = bySlug.get(a.slug) ?? { slug: a.slug, title: {}, audience: a.audience };
    entry.title[a.locale] = a.title;
    bySlug.set(a.slug, entry);
  }
  return {
    groups: groups
      .map((g) => ({ name: g.name, description: g.description }))
      .sort((a, b) => byName(a.name, b.name)),
    // Who may be named as an assignee, approver or recipient: active staff, by name only.
    users: users
      .filter((u) => u.active && !isCustomerOnly(u))
      .map((u) => ({ username: u.username, displayName: u.displayName }))
      .sort((a, b) => byName(a.username, b.username))
      .slice(0, USERS),
    calendars: Object.values(calendars)
      .map((c) => ({ key: c.key, name: c.name, timeZone: c.timeZone }))
      .sort((a, b) => byName(a.name, b.name)),
    templates: Object.entries(NOTIFY_TEMPLATES)
      .map(([key, text]) => ({ key, subject: { en: text.en.subject, 'pt-BR': text['pt-BR'].subject } }))
      .sort((a, b) => byName(a.key, b.key)),
    connections: connections.map((c) => ({ name: c.name })).sort((a, b) => byName(a.name, b.name)),
    flows: flows
      .map((f) => ({ key: f.key, name: f.name, kind: f.kind }))
      .sort((a, b) => byName(a.name, b.name)),
    articles: [...bySlug.values()],
  };
}

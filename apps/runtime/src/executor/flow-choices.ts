import type { BusinessCalendar, FlowChoices } from '@caseflow/schema';
import { NOTIFY_TEMPLATES } from '../messages/templates';
import type { Store } from '../store/store';

const byName = (a: string, b: string) => a.localeCompare(b);

/**
 * What a flow may refer to in this installation, sorted by name: groups, business calendars,
 * notification templates, connection names and flows. Connections give only their names:
 * base URLs and credentials stay with admins. Reads only.
 */
export async function flowChoices(
  store: Store,
  calendars: Readonly<Record<string, BusinessCalendar>>,
): Promise<FlowChoices> {
  const [groups, flows, connections] = await Promise.all([
    store.groups.list(),
    store.flows.list(),
    store.connections.list(),
  ]);
  return {
    groups: groups
      .map((g) => ({ name: g.name, description: g.description }))
      .sort((a, b) => byName(a.name, b.name)),
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
  };
}

import type { RuntimeProcess } from '../../support/runtime-process';
import type { FuzzWorld } from './fuzz-request';

/** The demo user who signs in for each role (apps/runtime/src/seed/demo-data.ts). */
export const ROLE_USERS: Record<string, string> = {
  customer: 'carla',
  agent: 'lena',
  owner: 'olivia',
  admin: 'admin',
};

/** A user the fuzz may change or deactivate through user routes; demo users stay out of path pools. */
const VICTIM = 'fuzz-victim';

// biome-ignore lint/suspicious/noExplicitAny: setup reads answers loosely; a missing field only thins a pool
type Loose = any;

/** Strings found under `key` anywhere in `value` (survey tokens in case resources). */
function collect(value: unknown, key: string, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) collect(v, key, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') out.add(v);
      else collect(v, key, out);
    }
  }
  return out;
}

/**
 * Signs in the role users and builds the pools the generators draw from: real case, task,
 * pilot and customer ids, flow and catalog keys, outcomes, a survey token and a flow definition,
 * by driving the demo flows a little. Every step is best effort: a route another branch changed
 * only leaves its pool thinner, it does not stop the fuzz.
 */
export async function buildWorld(rt: RuntimeProcess, secret: string): Promise<FuzzWorld> {
  const tokens: Record<string, string> = {};
  for (const username of Object.values(ROLE_USERS)) tokens[username] = await rt.login(username);
  const get = async (path: string, as = 'admin'): Promise<Loose> => {
    const res = await rt.api('GET', path, { as });
    return res.status === 200 ? res.body : {};
  };
  const post = async (path: string, body: unknown, as: string): Promise<Loose> => {
    const res = await rt.api('POST', path, { as, body });
    return res.status < 300 ? res.body : {};
  };

  await post('/api/users', { username: VICTIM, password: 'victim-password-1', roles: ['agent'] }, 'admin');
  const flows: Loose[] = (await get('/api/flows')).items ?? [];
  const catalog: Loose[] = (await get('/api/catalog')).items ?? [];
  const customers: Loose[] = (await get('/api/customers')).items ?? [];
  const groups: Loose[] = (await get('/api/groups')).items ?? [];
  const users: Loose[] = (await get('/api/users')).items ?? [];
  const definition = (await get('/api/flows/lost-card')).definition;

  const cases = [
    await post(
      '/api/cases',
      { flow: 'lost-card', customerId: 'c-1001', channel: 'web', variables: { cardLast4: '1001' } },
      'carla',
    ),
    await post(
      '/api/cases',
      { flow: 'lost-card', customerId: 'c-1002', channel: 'phone', variables: { cardLast4: '1002' } },
      'lena',
    ),
  ];
  // A password-reset request driven to its end yields a survey token.
  const reset = await post(
    '/api/catalog/password-reset/requests',
    { values: { username: 'ben.o', contact: 'ben@example.com' } },
    'ben',
  );
  cases.push(reset);
  const resetTasks: Loose[] = reset.id ? ((await get(`/api/tasks?case=${reset.id}`)).items ?? []) : [];
  if (resetTasks[0]) await post(`/api/tasks/${resetTasks[0].id}/complete`, { outcome: 'done' }, 'ivan');
  await rt.advance('PT15M').catch(() => undefined);
  const closed = reset.id
    ? await post(`/api/cases/${reset.id}/signals`, { name: 'customer-confirmed' }, 'ivan')
    : {};
  const surveyTokens = new Set([
    ...collect(closed, 'token'),
    ...(reset.id ? collect(await get(`/api/cases/${reset.id}`, 'ben'), 'token') : []),
    ...(reset.id ? collect(await get(`/api/cases/${reset.id}/messages`, 'ben'), 'token') : []),
  ]);

  // A second version of lost-card to pilot.
  await post('/api/flows/lost-card/publish', { note: 'fuzz pilot' }, 'olivia');
  await post('/api/flows/lost-card/pilots', { version: 2, percentage: 0, customerIds: ['c-1003'] }, 'olivia');
  const pilots: Loose[] = (await get('/api/pilots')).items ?? [];

  const tasks: Loose[] = (await get('/api/tasks?status=open,claimed&limit=50')).items ?? [];
  const outbox: Loose[] = (await get('/api/outbox')).items ?? [];
  const incidents: Loose[] = (await get('/api/incidents')).items ?? [];
  const caseIds = cases.map((c) => c.id).filter(Boolean);
  const flowKeys = flows.map((f) => f.key);
  const catalogKeys = catalog.map((c) => c.key);
  const customerIds = customers.map((c) => c.id);
  const usernames = users.map((u) => u.username);
  const ids = [
    ...caseIds,
    ...tasks.map((t) => t.id),
    ...pilots.map((p) => p.id),
    ...outbox.map((o) => o.id),
    ...incidents.map((i) => i.id),
  ];

  const pools: Record<string, readonly unknown[]> = {
    // Path parameters by name.
    'path:id': [...ids, VICTIM],
    'path:key': [...flowKeys, ...catalogKeys],
    'path:name': ['customer-confirmed', 'customer-replied'],
    'path:token': [...surveyTokens],
    'path:v': ['1', '2'],
    'path:username': [VICTIM],
    // Body and query fields by name.
    flow: flowKeys,
    customerId: customerIds,
    onBehalfOf: customerIds,
    customer: customerIds,
    to: usernames,
    assignee: usernames,
    outcome: ['done', 'frozen', 'confirmed', 'no-action', 'replace-card', 'issued', 'clear'],
    definition: definition ? [definition] : [],
    values: [{ username: 'carla.j', contact: 'carla@example.com' }, { cardLast4: '1234' }],
    name: ['customer-confirmed', 'customer-replied', ...groups.map((g) => g.name)],
    case: caseIds,
    group: groups.map((g) => g.name),
    queue: groups.map((g) => g.name),
    version: [1, 2],
  };
  return {
    users: ROLE_USERS,
    tokens,
    secret,
    hints: (name) => pools[name],
  };
}

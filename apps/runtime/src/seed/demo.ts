import { CatalogItem, type FlowDefinitionInput } from '@caseflow/schema';
import { exampleCatalog, exampleFlows } from '../../../../examples/index';
import { hashPassword } from '../auth/password';
import type { Runtime } from '../executor/types';
import { seedKnowledgeBase } from '../kb/kb-seed';
import { seedResponses } from '../responses/response-seed';
import { blankProfile } from '../routing/agent-profile';
import { type Store, StoreConflict } from '../store/store';
import {
  DEMO_CUSTOMERS,
  DEMO_GROUPS,
  DEMO_PASSWORD,
  DEMO_PROFILES,
  DEMO_ROUTING,
  DEMO_USERS,
} from './demo-data';

/** Where the demo's `core-banking` connection points, and the bearer token it sends. */
export interface CoreBankingSettings {
  url: string;
  token?: string;
}

/** The discard port on loopback: calls fail fast, and lost-card takes its manual-freeze path. */
const UNREACHABLE_CORE_BANKING = 'http://127.0.0.1:9';

/** What the demo seed created, for the start-up log. */
export interface SeedReport {
  groups: number;
  users: number;
  customers: number;
  flows: Array<{ key: string; version: number }>;
  catalog: number;
}

/**
 * True when the database holds nothing a person made: no flows, no customers, no groups and
 * at most the bootstrap admin. The demo seed only ever runs on such a database.
 */
export async function isEmptyDatabase(store: Store): Promise<boolean> {
  const [flows, customers, groups, users] = await Promise.all([
    store.flows.list(),
    store.customers.list({ limit: 1 }),
    store.groups.list(),
    store.users.count(),
  ]);
  return flows.length === 0 && customers.items.length === 0 && groups.length === 0 && users <= 1;
}

/** Groups the example flows name in their tiers and approvers, so that they validate. */
function groupsOf(flows: FlowDefinitionInput[]): string[] {
  const names = new Set<string>();
  for (const f of flows) {
    for (const t of f.tiers ?? []) names.add(t.group);
    for (const n of f.nodes) if (n.type === 'approval' && n.approvers.group) names.add(n.approvers.group);
  }
  return [...names];
}

/**
 * Seeds the demo (CASEFLOW_DEMO=1): groups and how they route, users (password `demo1234`, or
 * CASEFLOW_ADMIN_PASSWORD for admin) and the agents' working hours, skills and capacity,
 * customers with segments, the `core-banking` connection
 * (base URL and bearer token of `coreBanking`), the example flows published and activated, and
 * the example catalog. Call only on an empty database (isEmptyDatabase).
 */
export async function seedDemo(
  runtime: Runtime,
  options: { adminPassword?: string; coreBanking?: CoreBankingSettings } = {},
): Promise<SeedReport> {
  const store = runtime.store;
  const now = runtime.clock.now();
  const known = new Set(DEMO_GROUPS.map((g) => g.name));
  const groups = [
    ...DEMO_GROUPS,
    ...groupsOf(exampleFlows)
      .filter((g) => !known.has(g))
      .map((name) => ({ name, description: `Group used by the example flows (${name})` })),
  ];
  for (const g of groups) await store.groups.create({ ...g, createdAt: now });
  for (const r of DEMO_ROUTING) {
    await store.routing.saveGroupRouting({
      group: r.group,
      mode: r.mode,
      offerTimeout: r.offerTimeout ?? null,
      overflow: null,
      paused: false,
      updatedAt: now,
      updatedBy: null,
    });
  }

  for (const c of DEMO_CUSTOMERS) {
    await store.customers.create({
      ...c,
      attributes: { segment: c.segment },
      createdAt: now,
      updatedAt: now,
    });
  }

  // One hash for the shared demo password: scrypt is slow on purpose, the demo need not be.
  const demoHash = await hashPassword(DEMO_PASSWORD);
  const adminHash = options.adminPassword ? await hashPassword(options.adminPassword) : demoHash;
  const existing = new Set((await store.users.list()).map((u) => u.username));
  let users = 0;
  for (const u of DEMO_USERS) {
    // An admin bootstrapped on an earlier start keeps the password it was given.
    if (existing.has(u.username)) continue;
    const passwordHash = u.username === 'admin' ? adminHash : demoHash;
    try {
      await store.users.create({ ...u, customerId: u.customerId ?? null, passwordHash, createdAt: now });
    } catch (error) {
      // Another process starting on the same database bootstrapped admin meanwhile (main
      // gives it the demo password too): keep seeding, the flows and catalog still come.
      if (u.username === 'admin' && error instanceof StoreConflict) continue;
      throw error;
    }
    users++;
  }
  // Working hours, skills and capacity: presence comes at each start (demo-presence.ts).
  for (const p of DEMO_PROFILES) {
    await store.routing.saveProfile({
      ...blankProfile(p.username, now),
      calendar: p.calendar,
      skills: p.skills,
      capacity: p.capacity,
    });
  }

  // Before the flows: lost-card names this connection, and publishing checks that it exists.
  const bank = options.coreBanking ?? { url: UNREACHABLE_CORE_BANKING };
  await runtime.connections.create(
    { username: 'admin', roles: ['admin'] },
    {
      name: 'core-banking',
      baseUrl: bank.url,
      description: 'Core banking system: the lost-card flow freezes accounts here',
      auth: bank.token ? { kind: 'bearer', token: bank.token } : { kind: 'none' },
    },
  );

  const flows: SeedReport['flows'] = [];
  for (const def of exampleFlows) {
    await runtime.saveDraft(def.key, def, 'admin');
    const { version } = await runtime.publish(def.key, { note: 'demo seed', actor: 'admin' });
    await runtime.activate(def.key, version);
    flows.push({ key: def.key, version });
  }

  for (const item of exampleCatalog) {
    await store.catalog.upsert({ ...CatalogItem.parse(item), updatedAt: now });
  }
  await seedKnowledgeBase(runtime);
  await seedResponses(runtime);
  return {
    groups: groups.length,
    users,
    customers: DEMO_CUSTOMERS.length,
    flows,
    catalog: exampleCatalog.length,
  };
}

/**
 * Points an existing demo `core-banking` connection at this process's own stub (a new port and
 * token on every start; a generated data key cannot open the old secret either). Only a
 * connection that still points at loopback is changed: one an admin aimed elsewhere is kept.
 */
export async function repointDemoCoreBanking(
  runtime: Runtime,
  bank: Required<CoreBankingSettings>,
): Promise<boolean> {
  const admin = { username: 'admin', roles: ['admin' as const] };
  const current = await runtime.store.connections.get('core-banking');
  if (!current || !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(current.baseUrl)) return false;
  await runtime.connections.update(admin, 'core-banking', {
    baseUrl: bank.url,
    allowedHosts: current.allowedHosts,
    description: current.description ?? undefined,
    auth: { kind: 'bearer', token: bank.token },
  });
  return true;
}

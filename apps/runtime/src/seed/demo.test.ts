import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleCalendars } from '../../../../examples/index';
import { createSignIn } from '../auth/login';
import { createLoginThrottle } from '../auth/login-throttle';
import { verifyPassword } from '../auth/password';
import { DEFAULT_SESSION_LIMITS } from '../auth/session-policy';
import { manualClock } from '../clock';
import { createRuntime } from '../executor/runtime';
import type { Runtime } from '../executor/types';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import { isEmptyDatabase, seedDemo } from './demo';
import { demoAgentsAtWork } from './demo-presence';

let runtime: Runtime;
beforeEach(async () => {
  const store = await openSqliteStore({ file: ':memory:' });
  runtime = createRuntime({ store, clock: manualClock('2026-01-05T08:00:00Z'), calendars: exampleCalendars });
});
afterEach(async () => {
  await runtime.close();
  await runtime.store.close();
});

describe('demo seed', () => {
  it('seeds groups, users, customers, active example flows and the catalog', async () => {
    expect(await isEmptyDatabase(runtime.store)).toBe(true);
    const report = await seedDemo(runtime);
    const store = runtime.store;
    expect((await store.groups.list()).map((g) => g.name)).toEqual(
      expect.arrayContaining(['service-desk', 'card-ops', 'fraud', 'supervisors', 'it-support']),
    );
    expect(await store.users.get('marco')).toMatchObject({
      roles: ['agent'],
      groups: ['card-ops'],
      tiers: ['L2'],
    });
    expect(await store.users.get('carla')).toMatchObject({ roles: ['customer'], customerId: 'c-1001' });
    expect(await verifyPassword('demo1234', (await store.users.getCredentials('ben'))!.passwordHash)).toBe(
      true,
    );
    expect(await store.customers.get('c-1002')).toMatchObject({ name: 'Ben Okafor', segment: 'standard' });
    for (const { key } of report.flows) expect((await store.flows.get(key))!.activeVersion).toBe(1);
    expect(report.flows.map((f) => f.key)).toEqual([
      'fraud-check',
      'lost-card',
      'password-reset',
      'email-support',
    ]);
    expect((await store.catalog.list()).map((i) => i.key).sort()).toEqual([
      'password-reset',
      'report-lost-card',
    ]);
    expect(await isEmptyDatabase(store)).toBe(false);
  });

  it('gives admin CASEFLOW_ADMIN_PASSWORD when set', async () => {
    await seedDemo(runtime, { adminPassword: 'admin-secret-9' });
    const hash = (await runtime.store.users.getCredentials('admin'))!.passwordHash;
    expect(await verifyPassword('admin-secret-9', hash)).toBe(true);
  });

  it('keeps the password of an admin bootstrapped earlier', async () => {
    await runtime.store.users.create({
      username: 'admin',
      passwordHash: 'kept',
      roles: ['admin'],
      createdAt: 0,
    });
    expect(await isEmptyDatabase(runtime.store)).toBe(true);
    await seedDemo(runtime);
    expect((await runtime.store.users.getCredentials('admin'))!.passwordHash).toBe('kept');
  });

  it('gives the agents working hours, skills and capacity; a start sets those at work online', async () => {
    await seedDemo(runtime);
    const store = runtime.store;
    expect(await store.routing.profile('fatima')).toMatchObject({
      presence: 'offline',
      calendar: 'business',
      skills: [
        { name: 'fraud', level: 3 },
        { name: 'cards', level: 2 },
      ],
      capacity: { task: 3, chat: 1, email: 5 },
    });
    // Monday 09:00 in Berlin, 05:00 in São Paulo (ines's calendar).
    expect((await demoAgentsAtWork(runtime)).sort()).toEqual(['fatima', 'ivan', 'lena', 'marco', 'nora']);
    expect((await store.routing.profile('ines'))?.presence).toBe('offline');
    expect((await store.routing.presenceLog({ username: 'lena' })).at(-1)).toMatchObject({
      status: 'online',
      by: 'system',
    });
    // A second start changes nothing; signing in sets an agent online, nobody else.
    expect(await demoAgentsAtWork(runtime)).toEqual([]);
    const signIn = createSignIn({
      store,
      secret: 'demo-test-secret',
      limits: DEFAULT_SESSION_LIMITS,
      throttle: createLoginThrottle(),
      now: Date.now,
      demoPresence: { presenceNow: () => runtime.clock.now(), cameOnline: (g) => runtime.routingChanged(g) },
    });
    const context = { source: '127.0.0.1', userAgent: null };
    await signIn({ username: 'ines', password: 'demo1234' }, context);
    await signIn({ username: 'carla', password: 'demo1234' }, context);
    expect((await store.routing.profile('ines'))?.presence).toBe('online');
    expect(await store.routing.profile('carla')).toBeNull();
  });
});

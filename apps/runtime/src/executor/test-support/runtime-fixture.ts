import type { FlowDefinitionInput } from '@caseflow/schema';
import { type ManualClock, manualClock } from '../../clock';
import { openSqliteStore } from '../../store/sqlite/sqlite-store';
import type { Store } from '../../store/store';
import { createRuntime } from '../runtime';
import type { Runtime, RuntimeOptions } from '../types';
import { pgTempStore } from './pg-temp-store';
import { memoryLogger, tempStore } from './temp-store';

export const T0 = Date.parse('2026-01-05T09:00:00Z');

export interface RuntimeFixture {
  runtime: Runtime;
  store: Store;
  clock: ManualClock;
  logger: ReturnType<typeof memoryLogger>;
  /** Another store on the same database: a second runtime process. */
  openAnother(): Promise<Store>;
  /** Saves and publishes a flow (the first version becomes active); answers the version. */
  publish(def: FlowDefinitionInput): Promise<number>;
  dispose(): Promise<void>;
}

/**
 * A runtime over a real store (SQLite on a temp file by default, or a fresh PostgreSQL
 * database) with a manual clock at T0, seeded with groups `desk`, `ops` and `supervisors`,
 * agents `ann` (desk), `bob` and `cat` (ops) and customer `cu-1` (segment gold).
 */
export async function runtimeFixture(
  options: Partial<RuntimeOptions> = {},
  dialect: 'sqlite' | 'postgres' = 'sqlite',
): Promise<RuntimeFixture> {
  let store: Store;
  let openAnother: () => Promise<Store>;
  let dispose: () => Promise<void>;
  if (dialect === 'postgres') {
    ({ store, openAnother, dispose } = await pgTempStore());
  } else {
    const temp = await tempStore();
    ({ store, dispose } = temp);
    openAnother = () => openSqliteStore({ file: temp.file });
  }
  const clock = manualClock(T0);
  const logger = memoryLogger();
  for (const name of ['desk', 'ops', 'supervisors'])
    await store.groups.create({ name, description: '', createdAt: T0 });
  const agent = (username: string, groups: string[]) =>
    store.users.create({ username, passwordHash: 'x', roles: ['agent'], groups, createdAt: T0 });
  await agent('ann', ['desk']);
  await agent('bob', ['ops']);
  await agent('cat', ['ops']);
  await store.customers.create({
    id: 'cu-1',
    name: 'Carla Customer',
    email: 'carla@example.com',
    segment: 'gold',
    createdAt: T0,
  });
  const runtime = createRuntime({ store, clock, logger, ...options });
  return {
    runtime,
    store,
    clock,
    logger,
    openAnother,
    async publish(def) {
      await runtime.saveDraft(def.key, def, 'owner');
      return (await runtime.publish(def.key, { actor: 'owner' })).version;
    },
    async dispose() {
      await runtime.close();
      await dispose();
    },
  };
}

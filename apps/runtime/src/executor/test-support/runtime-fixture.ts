import type { FlowDefinitionInput } from '@caseflow/schema';
import { type ManualClock, manualClock } from '../../clock';
import type { Store } from '../../store/store';
import { createRuntime } from '../runtime';
import type { Runtime, RuntimeOptions } from '../types';
import { memoryLogger, tempStore } from './temp-store';

export const T0 = Date.parse('2026-01-05T09:00:00Z');

export interface RuntimeFixture {
  runtime: Runtime;
  store: Store;
  clock: ManualClock;
  logger: ReturnType<typeof memoryLogger>;
  file: string;
  /** Saves and publishes a flow (the first version becomes active); answers the version. */
  publish(def: FlowDefinitionInput): Promise<number>;
  dispose(): Promise<void>;
}

/**
 * A runtime over a real SQLite store on a temp file with a manual clock at T0, seeded with
 * groups `desk` and `ops`, agents `ann` (desk), `bob` and `cat` (ops) and customer `cu-1`.
 */
export async function runtimeFixture(options: Partial<RuntimeOptions> = {}): Promise<RuntimeFixture> {
  const { store, file, dispose } = await tempStore();
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
    file,
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

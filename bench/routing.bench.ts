import { join } from 'node:path';
import type { Runtime } from '../apps/runtime/src/executor/types';
import { type BenchTarget, median, printTable } from './run';
import { type BenchRuntime, openBenchRuntime, tempDir } from './runtime/in-process';

/*
 * Routing (issue #17): 10,000 newly created tasks assigned across 200 online agents. Two
 * runtimes on two SQLite files, alike but for the group's routing mode: `manual` (the tasks are
 * created and wait: the event throughput without a policy) and `least-loaded` (each creation
 * also decides who gets the task, in the same transaction). Batches of the two are interleaved
 * so that load from other processes hits both alike. Afterwards every task must have exactly
 * one decision (one `task.assigned` entry, its routed row held by an agent) and no agent more
 * than their capacity.
 */
const TASKS = Number(process.env.ROUTING_BENCH_TASKS ?? 10_000);
const AGENTS = 200;
const CAPACITY = Math.ceil((TASKS * 1.2) / AGENTS);
const BATCH = 500;
/** Opens in flight at once (group commit batches them). */
const IN_FLIGHT = 8;
const FLOW = 'routed-bench';
const GROUP = 'routed-bench';

const flow = {
  key: FLOW,
  name: 'Routed bench',
  calendar: '24x7',
  tiers: [{ id: 'L1', name: 'Desk', group: GROUP }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'work', type: 'task', title: 'Work', assign: { tier: 'L1' }, outcomes: ['done'] },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'work' },
    { from: 'work', to: 'done', on: 'done' },
  ],
};

async function setUp(runtime: Runtime, routed: boolean): Promise<void> {
  const { store } = runtime;
  const now = runtime.clock.now();
  await store.groups.create({ name: GROUP, description: 'bench', createdAt: now });
  await store.users.create({
    username: 'bench',
    passwordHash: 'bench-no-login',
    roles: ['admin', 'agent'],
    groups: [],
    createdAt: now,
  });
  for (let i = 0; i < AGENTS; i++) {
    const username = `agent-${String(i).padStart(3, '0')}`;
    await store.users.create({
      username,
      passwordHash: 'bench-no-login',
      roles: ['agent'],
      groups: [GROUP],
      createdAt: now,
    });
    await store.routing.saveProfile({
      username,
      presence: 'online',
      presenceAt: now,
      skills: [],
      capacity: { task: CAPACITY, chat: 0, email: 0 },
      calendar: null,
      outOfOffice: [],
      lastOfferedAt: null,
      updatedAt: now,
    });
  }
  await store.routing.saveGroupRouting({
    group: GROUP,
    mode: routed ? 'least-loaded' : 'manual',
    offerTimeout: null,
    overflow: null,
    paused: false,
    updatedAt: now,
    updatedBy: 'bench',
  });
  const { problems } = await runtime.saveDraft(FLOW, flow, 'bench');
  if (problems.some((p) => p.severity === 'error')) throw new Error(JSON.stringify(problems));
  await runtime.publish(FLOW, { actor: 'bench', note: 'bench' });
}

/** Opens `count` cases (one task each), `IN_FLIGHT` at a time; answers the milliseconds taken. */
async function openBatch(runtime: Runtime, from: number, count: number): Promise<number> {
  const started = performance.now();
  let next = from;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < from + count) {
        const i = next++;
        await runtime.openCase({
          flow: FLOW,
          customerId: null,
          channel: 'web',
          subject: `bench ${i}`,
          actor: 'bench',
        });
      }
    }),
  );
  return performance.now() - started;
}

/** Every task decided once: one task.assigned entry each, held, nobody over capacity. */
async function checkDecisions(runtime: Runtime): Promise<string | null> {
  const { store } = runtime;
  const entries = await store.timeline.scan({ flow: FLOW, types: ['task.assigned'] });
  const perTask = new Map<string, number>();
  for (const e of entries) perTask.set(String(e.data.taskId), (perTask.get(String(e.data.taskId)) ?? 0) + 1);
  if (perTask.size !== TASKS) return `${perTask.size} tasks decided of ${TASKS}`;
  if ([...perTask.values()].some((n) => n !== 1)) return 'a task was decided more than once';
  const agents = Array.from({ length: AGENTS }, (_, i) => `agent-${String(i).padStart(3, '0')}`);
  const loads = await store.routing.loads(agents);
  let held = 0;
  for (const load of loads.values()) {
    if (load.task > CAPACITY) return 'an agent holds more than their capacity';
    held += load.task;
  }
  return held === TASKS ? null : `${held} tasks held of ${TASKS}`;
}

export default async function routingBench(): Promise<BenchTarget[]> {
  const { dir, cleanup } = tempDir('caseflow-routing-bench-');
  let plain: BenchRuntime | null = null;
  let routed: BenchRuntime | null = null;
  try {
    plain = await openBenchRuntime(join(dir, 'plain.db'));
    routed = await openBenchRuntime(join(dir, 'routed.db'));
    await setUp(plain.runtime, false);
    await setUp(routed.runtime, true);
    const plainMs: number[] = [];
    const routedMs: number[] = [];
    for (let from = 0, round = 0; from < TASKS; from += BATCH, round++) {
      const count = Math.min(BATCH, TASKS - from);
      // Alternate which side goes first.
      const order = round % 2 === 0 ? ([plain, routed] as const) : ([routed, plain] as const);
      for (const side of order) {
        const ms = await openBatch(side.runtime, from, count);
        (side === plain ? plainMs : routedMs).push((count / ms) * 1000);
      }
    }
    const eventsPerS = median(plainMs);
    const decisionsPerS = median(routedMs);
    const problem = await checkDecisions(routed.runtime);
    const ratio = decisionsPerS / eventsPerS;
    printTable([
      ['routing', 'value'],
      ['tasks created without a policy (events/s)', eventsPerS.toFixed(0)],
      [`tasks created and assigned across ${AGENTS} agents (decisions/s)`, decisionsPerS.toFixed(0)],
      ['decisions ÷ events', ratio.toFixed(2)],
      ['one decision per task, capacity held', problem ?? 'yes'],
    ]);
    return [
      {
        name: `routing: assignment decisions/s ÷ event throughput (${TASKS} tasks, ${AGENTS} agents)`,
        value: problem ? 0 : ratio,
        bound: '≥ 0.5',
        pass: problem === null && ratio >= 0.5,
      },
    ];
  } finally {
    await plain?.close();
    await routed?.close();
    cleanup();
  }
}

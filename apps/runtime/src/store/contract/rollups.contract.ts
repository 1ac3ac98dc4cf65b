import type { BusinessCalendar } from '@caseflow/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import exampleBusiness from '../../../../../examples/calendars/business.json' with { type: 'json' };
import { SKETCH_RELATIVE_ERROR } from '../../analytics/ddsketch';
import type { Dimension } from '../../analytics/dimensions';
import { heatmap } from '../../analytics/heatmap';
import { factsReport, metricsReport } from '../../analytics/metrics-report';
import { foldPending } from '../../analytics/rollup-fold';
import { rollupHeatmap } from '../../analytics/rollup-heatmap';
import type { Store } from '../store';
import { caseRow, taskRow, versionRow } from './fixtures';

/*
 * The rollups answer what the full scan answers (factsReport and heatmap over timeline.scan,
 * kept as the reference): on random histories written straight into the store, for random
 * flows, creation ranges (whole days and cut ones) and groupings, then again after random
 * changes to some of the cases. Counts, sums and averages must be equal; p50/p90 within the
 * sketch's stated relative error.
 */

const DAY = 86_400_000;
/** Monday 2026-01-05 00:00 UTC. */
const BASE = Date.parse('2026-01-05T00:00:00Z');
const NOW = BASE + 7 * DAY;
const calendars: Record<string, BusinessCalendar> = {
  business: exampleBusiness as unknown as BusinessCalendar,
};
const DIMS: Dimension[] = ['cohort', 'version', 'channel', 'tier', 'group', 'agent', 'catalogItem'];
const AGENTS = ['ann', 'bob', 'cem'];
const PERCENTILES = new Set(['p50', 'p90', 'p90Ms']);

/** Equal, except percentiles: within the stated relative error of the reference. */
function expectAgree(actual: unknown, expected: unknown, path: string): void {
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (PERCENTILES.has(key) && typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const err = Math.abs((actual as number) - expected);
    if (err > SKETCH_RELATIVE_ERROR * Math.abs(expected)) expect(actual, path).toBe(expected);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(e).sort());
    for (const k of Object.keys(e)) expectAgree(a[k], e[k], `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

/** A deterministic pseudo-random source for one history. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  return {
    int: (n: number) => next() % n,
    pick: <T>(xs: readonly T[]) => xs[next() % xs.length]!,
    chance: (p: number) => next() / 4_294_967_296 < p,
  };
}

/** Writes a random history of `n` cases with ids starting `prefix`; answers their ids. */
async function writeHistory(store: Store, prefix: string, seed: number, n: number): Promise<string[]> {
  const r = random(seed);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}c${i}`;
    ids.push(id);
    const createdAt = BASE + r.int(5 * DAY);
    const status = r.pick(['open', 'resolved', 'resolved', 'failed', 'cancelled'] as const);
    const pilot = r.chance(0.3);
    await store.cases.insert(
      caseRow(id, {
        flow: r.pick(['refund', 'biz']),
        version: 1 + r.int(2),
        pilotId: pilot ? r.pick(['p1', 'p2']) : null,
        cohort: pilot ? r.pick(['pilot', 'control'] as const) : null,
        channel: r.pick(['email', 'chat', 'phone'] as const),
        status,
        variables: r.chance(0.4) ? { catalogItem: r.pick(['reset', 'refund']) } : {},
        createdAt,
        // Rarely "before" it opened: a clock set back; the figures keep the sign.
        closedAt: status === 'open' ? null : createdAt + (r.chance(0.05) ? -1000 : r.int(3 * DAY)),
        firstResponseAt: r.chance(0.3) ? null : createdAt + r.int(DAY),
      }),
    );
    if (r.chance(0.25)) {
      const childId = `${id}-k`;
      ids.push(childId);
      await store.cases.insert(
        caseRow(childId, {
          flow: r.pick(['refund', 'sub']),
          parentCaseId: id,
          status: r.pick(['open', 'resolved'] as const),
          createdAt: createdAt + 1,
        }),
      );
      await writeTasks(store, childId, createdAt, r, 2);
    }
    await writeTasks(store, id, createdAt, r, 4);
    for (let k = r.int(3); k > 0; k--) {
      await store.slas.upsert({
        caseId: id,
        id: `s${k}`,
        scope: 'case',
        taskId: null,
        status: r.pick(['met', 'breached', 'running'] as const),
        target: 'PT1H',
        calendar: '24x7',
        startedAt: createdAt,
        dueAt: createdAt + 3_600_000,
        elapsedMs: 0,
        updatedAt: createdAt,
      });
    }
    for (let m = r.int(4); m > 0; m--) {
      await message(store, id, `m${m}`, r.chance(0.5), createdAt, r.pick(CHANNELS));
    }
    const kind = r.pick(['csat', 'nps', 'ces', null] as const);
    if (kind) {
      await store.surveys.insert({
        token: `${id}.s`,
        caseId: id,
        customerId: null,
        surveyId: kind,
        nodeId: null,
        kind,
        to: 'x@example.com',
        score: null,
        comment: null,
        sentAt: createdAt,
        answeredAt: null,
      });
      const score = kind === 'nps' ? r.int(11) : kind === 'ces' ? 1 + r.int(7) : 1 + r.int(5);
      await store.surveys.answer(`${id}.s`, score, null, createdAt + 1);
    }
    // Node visits for the heat map, a breach with and without its node.
    const entries: Array<{ at: number; type: string; nodeId?: string; data?: Record<string, unknown> }> = [];
    let at = createdAt;
    for (let v = r.int(6); v > 0; v--) {
      const node = r.pick(['a', 'b', 'c']);
      at += r.int(3_600_000);
      entries.push({ at, type: 'node.entered', nodeId: node });
      if (r.chance(0.2))
        entries.push({ at, type: 'sla.breached', ...(r.chance(0.5) ? { nodeId: node } : {}) });
      if (r.chance(0.8)) {
        at += r.int(7_200_000);
        entries.push({ at, type: 'node.left', nodeId: node });
      }
    }
    if (entries.length > 0) await store.timeline.append(id, entries);
  }
  return ids;
}

async function writeTasks(
  store: Store,
  caseId: string,
  createdAt: number,
  r: ReturnType<typeof random>,
  max: number,
) {
  for (let k = r.int(max); k > 0; k--) {
    const taskId = `${caseId}.t${k}`;
    const status = r.pick(['open', 'claimed', 'completed', 'completed', 'escalated', 'cancelled'] as const);
    const assignee = status === 'open' || r.chance(0.15) ? null : r.pick(AGENTS);
    const closed = status === 'completed' || status === 'escalated' || status === 'cancelled';
    await store.tasks.insert(
      taskRow(taskId, caseId, {
        status,
        tier: r.chance(0.2) ? null : r.pick(['L1', 'L2']),
        group: r.chance(0.2) ? null : r.pick(['desk', 'ops']),
        assignee,
        createdAt: createdAt + k,
        ...(closed ? { closedAt: createdAt + r.int(2 * DAY) } : {}),
      }),
    );
    if (assignee !== null && r.chance(0.8)) {
      await store.timeline.append(caseId, [
        { at: createdAt + r.int(DAY), type: 'task.claimed', data: { taskId } },
      ]);
    }
  }
}

/** Channels messages come on: a case whose customer wrote on two of them switched channel. */
const CHANNELS = ['email', 'chat', 'whatsapp'] as const;

async function message(
  store: Store,
  caseId: string,
  id: string,
  agent: boolean,
  at: number,
  channel: (typeof CHANNELS)[number] = 'email',
) {
  await store.messages.insert({
    id: `${caseId}.${id}`,
    caseId,
    customerId: null,
    channel,
    direction: agent ? 'out' : 'in',
    from: agent ? 'agent' : 'customer',
    author: null,
    body: 'hi',
    at,
  });
}

/** Random changes to some cases (tasks move on, claims, messages, breaches); answers their ids. */
async function changeSome(store: Store, ids: string[], seed: number): Promise<string[]> {
  const r = random(seed ^ 0x5bd1e995);
  const changed: string[] = [];
  for (const id of ids) {
    if (!r.chance(0.4)) continue;
    changed.push(id);
    const tasks = await store.tasks.listByCase(id);
    for (const t of tasks) {
      if (r.chance(0.5)) {
        const status = r.pick(['completed', 'escalated', 'claimed'] as const);
        await store.tasks.update(t.id, {
          status,
          assignee: r.pick(AGENTS),
          tier: r.pick(['L1', 'L2', 'L3']),
          closedAt: status === 'claimed' ? null : t.createdAt + r.int(3 * DAY),
          updatedAt: t.createdAt,
        });
        await store.timeline.append(id, [
          { at: t.createdAt + r.int(DAY), type: 'task.claimed', data: { taskId: t.id } },
        ]);
      }
    }
    if (r.chance(0.5)) await message(store, id, `x${seed}`, true, BASE);
    // The customer writes again, perhaps on another channel (a switch the rollups must see).
    if (r.chance(0.5)) await message(store, id, `y${seed}`, false, BASE, r.pick(CHANNELS));
    // Migrated to the other version: its heat counts there now, all of it (the fold going on
    // from its last state must move what it counted under the old version).
    if (r.chance(0.25)) {
      const c = (await store.cases.get(id))!;
      await store.cases.update(id, c.revision, { version: 3 - c.version });
    }
    if (r.chance(0.5)) {
      await store.timeline.append(id, [
        { at: BASE + r.int(5 * DAY), type: 'node.entered', nodeId: 'd' },
        { at: BASE + 6 * DAY, type: 'node.left', nodeId: 'd' },
        { at: BASE + 6 * DAY, type: 'sla.breached' },
      ]);
    }
  }
  return changed;
}

const queries = fc.array(
  fc.record({
    flow: fc.constantFrom(undefined, 'refund', 'biz', 'sub'),
    from: fc.oneof(
      fc.constant(undefined),
      fc.integer({ min: 0, max: 6 }).map((d) => BASE + d * DAY),
      fc.integer({ min: -DAY, max: 6 * DAY }).map((ms) => BASE + ms),
    ),
    to: fc.oneof(
      fc.constant(undefined),
      fc.integer({ min: 0, max: 6 }).map((d) => BASE + d * DAY - 1),
      fc.integer({ min: 0, max: 7 * DAY }).map((ms) => BASE + ms),
    ),
    by: fc.subarray(DIMS, { maxLength: 2 }),
  }),
  { minLength: 2, maxLength: 4 },
);

async function expectSameReports(store: Store, qs: Array<Record<string, unknown>>) {
  for (const raw of qs) {
    const q = {
      by: raw.by as Dimension[],
      ...(raw.flow === undefined ? {} : { flow: raw.flow as string }),
      ...(raw.from === undefined ? {} : { from: raw.from as number }),
      ...(raw.to === undefined ? {} : { to: raw.to as number }),
    };
    const { percentiles, ...fromRollups } = await metricsReport(store, calendars, q, NOW);
    expect(percentiles).toEqual({ method: 'sketch', relativeError: SKETCH_RELATIVE_ERROR });
    expectAgree(fromRollups, await factsReport(store, calendars, q, NOW), `metrics ${JSON.stringify(q)}`);
  }
  for (const flow of ['refund', 'biz']) {
    for (const version of [1, 2, undefined]) {
      const byId = (nodes: Array<{ nodeId: string }>) =>
        [...nodes].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
      const scanned = heatmap(
        await store.timeline.scan({
          flow,
          ...(version === undefined ? {} : { version }),
          types: ['node.entered', 'node.left', 'sla.breached'],
        }),
      );
      expectAgree(
        byId(await rollupHeatmap(store, calendars, flow, version)),
        byId(scanned),
        `heatmap ${flow}@${version}`,
      );
    }
  }
}

/** Contract of Store.rollups, through the analytics that fold and read them. */
export function rollupsContract(current: () => Store): void {
  describe('rollups', () => {
    it('answer metrics and heat maps as the full scan does, on random histories and after changes', async () => {
      const store = current();
      await store.flowVersions.insert(versionRow('biz', 1, { definition: { calendar: 'business' } }));
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          fc.integer({ min: 1, max: 14 }),
          queries,
          async (seed, n, qs) => {
            const prefix = `r${run++}-`;
            const ids = await writeHistory(store, prefix, seed, n);
            // Written straight into the store: mark them as an event transaction would.
            await store.rollups.touch(ids);
            await expectSameReports(store, qs);
            const changed = await changeSome(store, ids, seed);
            await store.rollups.touch(changed);
            await expectSameReports(store, qs);
          },
        ),
        { numRuns: 12 },
      );
    }, 240_000);

    it('are rebuilt from every case at start-up when missing, and a fold clears the marks', async () => {
      const store = current();
      await writeHistory(store, 'b-', 7, 6);
      // A database that had cases before the rollups existed: nothing marked them.
      await foldPending(store, calendars);
      expect((await metricsReport(store, calendars, { by: [] }, NOW)).total.cases).toBe(
        (await factsReport(store, calendars, { by: [] }, NOW)).total.cases,
      );
      expect((await metricsReport(store, calendars, { by: [] }, NOW)).total.cases).toBeGreaterThan(0);
      expect(await store.rollups.dirty(10)).toEqual([]);
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { CLOCK_START, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';
import { openCase, publishFlow, type TimelineEntry, timelineOf, timersFlow } from './support/fault-flows';

/**
 * The clock jumps forward: first the manual clock by days at a time (`POST /api/_test/clock
 * {"advance":"P3D"}`), then the process is restarted on the real clock, which stands months
 * after the manual one. Every timer that became due in a jump fires exactly once — the one-day
 * wait timeouts, the SLA warnings at half time, the SLA breaches and the thirty-day timeouts
 * that close the cases — and no later jump or restart fires any of them again.
 */

const CASES = 6;
const DAY = 86_400_000;

/** Timeline entries a timer wrote for `node` leaving by timeout. */
const timeoutsOf = (entries: TimelineEntry[], node: string) =>
  entries.filter((e) => e.type === 'node.left' && e.actor === 'timer' && e.data.nodeId === node);
const slaEntries = (entries: TimelineEntry[], kind: RegExp) =>
  entries.filter((e) => kind.test(e.type) && e.data.slaId === 'resolution');

describe.each(scenarioBackends())('clock jumps forward on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    const caseIds: string[] = [];
    // startRuntime spreads this object at every (re)start: switching the clock to real for
    // the later restarts is a change of this object, not of the shared helper.
    const env: Record<string, string> = {};

    beforeAll(async () => {
      rt = await startRuntime(env, { backend });
      await publishFlow(rt, timersFlow);
      for (let i = 0; i < CASES; i++) caseIds.push(await openCase(rt, timersFlow.key, i));
    });
    afterAll(() => rt?.stop());

    const timelines = async () => Promise.all(caseIds.map((id) => timelineOf(rt, id)));
    const caseOf = async (id: string) => (await rt.api('GET', `/api/cases/${id}`, { as: 'admin' })).body;

    it('fires each one-day wait timeout exactly once when the clock jumps three days', async () => {
      const moved = await rt.advance('P3D');
      expect(moved.fired).toBe(CASES);
      for (const [i, entries] of (await timelines()).entries()) {
        expect(timeoutsOf(entries, 'first'), JSON.stringify(entries)).toHaveLength(1);
        expect((await caseOf(caseIds[i]!)).activeNodes).toEqual(['second']);
      }
    });

    it('fires each SLA warning (due at day 5) exactly once on the next jump, and nothing twice', async () => {
      const moved = await rt.advance('P3D');
      expect(moved.fired).toBe(CASES);
      for (const [i, entries] of (await timelines()).entries()) {
        expect(timeoutsOf(entries, 'first')).toHaveLength(1);
        expect(slaEntries(entries, /^sla\.warn/), JSON.stringify(entries)).toHaveLength(1);
        const c = await caseOf(caseIds[i]!);
        expect(c.slas.map((s: { status: string }) => s.status)).toEqual(['warning']);
      }
      // Day 9: nothing is due (breach at day 10, the second timeout at day 31).
      expect((await rt.advance('P3D')).fired).toBe(0);
    });

    it('catches up breaches and the thirty-day timeouts once when restarted on the real clock', async () => {
      // The real clock must stand past every timer of these cases for this step to mean anything.
      expect(Date.now()).toBeGreaterThan(Date.parse(CLOCK_START) + 40 * DAY);
      env.CASEFLOW_CLOCK = 'real';
      await rt.restart();
      const closed = await eventually(
        async () => {
          const all = await Promise.all(caseIds.map(caseOf));
          return all.every((c) => c.status !== 'open') ? all : undefined;
        },
        'every case to close by its overdue thirty-day timeout',
        30_000,
      );
      for (const c of closed) {
        expect(c.activeNodes).toEqual([]);
        expect(c.closedAt).not.toBeNull();
      }
      for (const entries of await timelines()) {
        const types = JSON.stringify(entries.map((e) => `${e.type}:${e.actor}`));
        expect(timeoutsOf(entries, 'first'), types).toHaveLength(1);
        expect(timeoutsOf(entries, 'second'), types).toHaveLength(1);
        expect(slaEntries(entries, /^sla\.warn/), types).toHaveLength(1);
        expect(slaEntries(entries, /^sla\.breach/), types).toHaveLength(1);
        expect(
          entries.filter((e) => e.type === 'case.closed'),
          types,
        ).toHaveLength(1);
        const seqs = entries.map((e) => e.seq);
        expect(new Set(seqs).size).toBe(seqs.length);
      }
    });

    it('fires nothing again after a further restart on the real clock', async () => {
      const before = (await timelines()).map((t) => t.length);
      await rt.restart();
      // Give the catch-up round of the new process time to run (it polls at least every second).
      await new Promise((r) => setTimeout(r, 2500));
      expect((await timelines()).map((t) => t.length)).toEqual(before);
    });
  });
});

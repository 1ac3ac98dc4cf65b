import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRow, T0, taskRow } from '../store/contract/fixtures';
import { openPgStore } from '../store/pg/pg-store';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/store';
import { factsReport, metricsReport } from './metrics-report';

/*
 * The two ways to answer GET /api/metrics agree: the database's aggregate (Store.analytics.summary,
 * taken for round-the-clock flows grouped by case columns) and the reduction of the fact rows in
 * JS, over a varied set of cases on a real SQLite store, and on PostgreSQL when a server answers.
 */

const ADMIN_URL = process.env.CASEFLOW_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query(sql);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh store of `backend` and how to drop it; null when PostgreSQL does not answer. */
async function freshStore(
  backend: 'sqlite' | 'postgres',
): Promise<{ store: Store; drop(): Promise<void> } | null> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'caseflow-metrics-'));
    const store = await openSqliteStore({ file: join(dir, 'metrics.db') });
    return { store, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `caseflow_metrics_${randomBytes(6).toString('hex')}`;
  if (!(await admin(`create database ${name}`))) return null;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openPgStore({ url: url.toString() });
  return { store, drop: async () => void (await admin(`drop database if exists ${name} with (force)`)) };
}

const CHANNELS = ['email', 'chat', 'phone', 'web'] as const;
const AGENTS = ['ann', 'bob', 'cem'];

/** A deterministic pseudo-random sequence (LCG), so failures reproduce. */
function numbers(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
}

async function fill(store: Store): Promise<void> {
  const r = numbers(7);
  for (let i = 0; i < 80; i++) {
    const id = `c${i}`;
    const createdAt = T0 + i * 60_000 - (i % 5 === 0 ? 60_000 : 0);
    const status = (['resolved', 'resolved', 'failed', 'open'] as const)[r(4)]!;
    await store.cases.insert(
      caseRow(id, {
        version: 1 + r(2),
        cohort: r(3) === 0 ? 'pilot' : r(2) === 0 ? 'control' : null,
        channel: CHANNELS[r(4)]!,
        status,
        variables: r(2) === 0 ? { catalogItem: r(2) === 0 ? 'refund' : 'reset' } : {},
        createdAt,
        closedAt: status === 'open' ? null : createdAt + 1000 * (1 + r(500)),
        firstResponseAt: r(4) === 0 ? null : createdAt + 1000 * r(300),
      }),
    );
    if (i % 4 === 0) await child(store, id, createdAt, AGENTS[i % 3]!, i % 8 === 0 ? 'resolved' : 'open');
    const tasks = 1 + r(3);
    for (let k = 0; k < tasks; k++) {
      const taskId = `${id}.t${k}`;
      const taskStatus = (['completed', 'completed', 'escalated', 'claimed', 'open'] as const)[r(5)]!;
      const assignee = taskStatus === 'open' || r(6) === 0 ? null : AGENTS[r(3)]!;
      const claimedAt = assignee === null || r(5) === 0 ? null : createdAt + 1000 * r(100);
      await store.tasks.insert(
        taskRow(taskId, id, {
          status: taskStatus,
          tier: r(3) === 0 ? null : `L${r(3)}`,
          assignee,
          createdAt,
          closedAt:
            taskStatus === 'completed' || taskStatus === 'escalated'
              ? createdAt + 1000 * (100 + r(400))
              : null,
        }),
      );
      if (claimedAt !== null) {
        await store.timeline.append(id, [{ at: claimedAt, type: 'task.claimed', data: { taskId } }]);
      }
    }
    await store.slas.upsert({
      caseId: id,
      id: r(2) === 0 ? 'resolve' : 'respond',
      scope: 'case',
      taskId: null,
      status: (['met', 'breached', 'running'] as const)[r(3)]!,
      target: 'PT1H',
      calendar: '24x7',
      startedAt: createdAt,
      dueAt: createdAt + 3_600_000,
      elapsedMs: 0,
      updatedAt: createdAt,
    });
    for (let m = r(4); m > 0; m--) {
      await store.messages.insert({
        id: `${id}.m${m}`,
        caseId: id,
        customerId: null,
        channel: 'email',
        direction: 'in',
        from: r(2) === 0 ? 'agent' : 'customer',
        author: null,
        body: 'hi',
        at: createdAt,
      });
    }
    const kind = (['csat', 'nps', 'ces', null] as const)[r(4)];
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
      await store.surveys.answer(`${id}.s`, kind === 'nps' ? r(11) : 1 + r(5), null, createdAt + 1);
    }
  }
}

/**
 * A subflow child of `parentId`: its own SLA breach, message and a task `agent` handled. Child
 * cases are internal steps: the case figures leave them out, the agents' figures keep the work.
 */
async function child(store: Store, parentId: string, at: number, agent: string, status: 'open' | 'resolved') {
  const id = `${parentId}-child`;
  await store.cases.insert(
    caseRow(id, {
      parentCaseId: parentId,
      status,
      createdAt: at + 1,
      closedAt: status === 'open' ? null : at + 5000,
      firstResponseAt: at + 10,
    }),
  );
  await store.tasks.insert(
    taskRow(`${id}.t0`, id, {
      status: 'completed',
      tier: 'L3',
      assignee: agent,
      createdAt: at + 1,
      closedAt: at + 4000,
    }),
  );
  await store.timeline.append(id, [{ at: at + 2000, type: 'task.claimed', data: { taskId: `${id}.t0` } }]);
  await store.slas.upsert({
    caseId: id,
    id: 'check',
    scope: 'case',
    taskId: null,
    status: 'breached',
    target: 'PT1H',
    calendar: '24x7',
    startedAt: at,
    dueAt: at + 3_600_000,
    elapsedMs: 0,
    updatedAt: at,
  });
}

/** The store with its fact reads failing: proves that an answer came from the summary. */
function summaryOnly(store: Store): Store {
  const fail = async (): Promise<never> => {
    throw new Error('fact rows read');
  };
  return {
    ...store,
    analytics: { ...store.analytics, caseFacts: fail, taskFacts: fail, slaFacts: fail, surveyFacts: fail },
  } as Store;
}

const pgUp = await admin('select 1');

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !pgUp },
])('metricsReport on $backend', ({ backend, skip }) => {
  let store: Store;
  let drop: () => Promise<void> = async () => undefined;
  const now = T0 + 200 * 60_000;
  beforeAll(async () => {
    if (skip) return;
    const fresh = await freshStore(backend);
    if (!fresh) throw new Error(`no ${backend} store`);
    store = fresh.store;
    drop = fresh.drop;
    await fill(store);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await drop();
  });

  for (const by of [[], ['cohort'], ['version', 'channel'], ['catalogItem']] as const) {
    it.skipIf(skip)(`answers from the database what the fact rows give, by [${by.join(', ')}]`, async () => {
      const q = { flow: 'refund', by: [...by] };
      const fromSummary = await metricsReport(summaryOnly(store), {}, q, now);
      const fromFacts = await factsReport(store, {}, q, { flow: 'refund' }, now);
      expect(fromSummary).toEqual(fromFacts);
      expect(fromSummary.total.cases).toBe(80);
      expect(fromSummary.total.slas).not.toHaveProperty('check');
      // Each child adds one handled task to its agent, none to the cases' figures.
      const handled = fromSummary.agents.reduce((n, a) => n + a.tasksHandled, 0);
      expect(handled).toBe(fromSummary.total.tasksHandled + 20);
      expect(fromSummary.subflows).toEqual({ cases: 20, open: 10, resolved: 10 });
      expect(fromSummary.agents.map((a) => a.agent)).toEqual(AGENTS);
    });
  }

  it.skipIf(skip)('agrees over a time range, and answers an empty scan', async () => {
    const q = { flow: 'refund', from: T0 + 10 * 60_000, to: T0 + 50 * 60_000, by: ['channel' as const] };
    const scan = { flow: 'refund', createdFrom: q.from, createdTo: q.to };
    expect(await metricsReport(summaryOnly(store), {}, q, now)).toEqual(
      await factsReport(store, {}, q, scan, now),
    );
    const none = { flow: 'nothing', by: [] };
    expect(await metricsReport(summaryOnly(store), {}, none, now)).toEqual(
      await factsReport(store, {}, none, { flow: 'nothing' }, now),
    );
  });

  it.skipIf(skip)('reads the fact rows when grouping by tasks (agent, tier, group)', async () => {
    await expect(
      metricsReport(summaryOnly(store), {}, { flow: 'refund', by: ['agent'] }, now),
    ).rejects.toThrow('fact rows read');
  });
});

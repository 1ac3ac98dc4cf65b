import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store, StoreConflict } from '../store';
import { caseRow, storeContract, versionRow } from '../store.contract';
import { isTransientConflict } from '../transient-conflict';
import { openPgStore } from './pg-store';

/*
 * Runs the Store contract against a real PostgreSQL: a fresh database per run, dropped at the
 * end. Without a server the suite is skipped with a message, except under CI where it fails.
 */

const ADMIN_URL = process.env.CASEFLOW_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `caseflow_test_${randomBytes(6).toString('hex')}`;
const TEST_URL = withDatabase(ADMIN_URL, DB_NAME);
const TABLES = [
  'migration_cases',
  'migrations',
  'users',
  'groups',
  'customers',
  'flows',
  'flow_versions',
  'catalog_items',
  'pilots',
  'tasks',
  'slas',
  'timeline',
  'cases',
  'messages',
  'surveys',
  'outbox',
  'timers',
  'idempotency',
  'sessions',
  'incidents',
  'connections',
  'case_changes',
  'rollups',
  'rollup_cases',
  'rollup_dirty',
  'rollup_meta',
  'kb_articles',
  'kb_article_history',
  'kb_docs',
  'kb_words',
  'kb_feedback',
  'kb_views',
  'canned_responses',
  'agent_profiles',
  'presence_log',
  'group_routing',
  'routed_tasks',
  'messaging_accounts',
  'chat_states',
  'activation_requests',
  'chat_visitors',
  'customer_merges',
];

const reachable = await canConnect(ADMIN_URL);
if (!reachable) {
  if (process.env.CI)
    throw new Error(`PostgreSQL is unreachable at ${ADMIN_URL}; CI must run the pg store tests`);
  console.warn(
    `pg-store tests SKIPPED: no PostgreSQL at ${ADMIN_URL} (start one, or set CI to make this fatal)`,
  );
}

describe.skipIf(!reachable)('PostgreSQL store', () => {
  beforeAll(async () => {
    await admin(`create database ${DB_NAME}`);
    // Apply the migrations once so that the per-test truncation finds the tables.
    await (await openPgStore({ url: TEST_URL })).close();
  });
  afterAll(async () => {
    await admin(`drop database if exists ${DB_NAME} with (force)`);
  });

  storeContract('postgres', async () => {
    const client = new pg.Client({ connectionString: TEST_URL });
    await client.connect();
    // DELETE beats TRUNCATE on a handful of rows (no file swaps); children before cases.
    await client.query(TABLES.map((t) => `delete from ${t};`).join(' '));
    await client.end();
    return openPgStore({ url: TEST_URL });
  });

  it('lets runtimes that start together on a fresh database migrate it once', async () => {
    const fresh = `${DB_NAME}_m`;
    await admin(`create database ${fresh}`);
    try {
      const url = withDatabase(ADMIN_URL, fresh);
      const stores = await Promise.all([1, 2, 3].map(() => openPgStore({ url, max: 2 })));
      expect(await Promise.all(stores.map((s) => s.users.count()))).toEqual([0, 0, 0]);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await admin(`drop database if exists ${fresh} with (force)`);
    }
    // Five migrations on three connections to a new database: seconds on a loaded machine.
  }, 60_000);

  describe('PostgreSQL specifics', () => {
    let a: Store;
    let b: Store;
    beforeAll(async () => {
      a = await openPgStore({ url: TEST_URL });
      b = await openPgStore({ url: TEST_URL });
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('gives concurrent claimers of two processes disjoint timer and outbox batches', async () => {
      const T = 1_800_000_000_000;
      for (let i = 0; i < 40; i++) {
        await a.timers.schedule({ caseId: 'race', timerId: `t${i}`, fireAt: T + i, purpose: 'p' });
        await a.outbox.insert({
          id: `race-${i}`,
          caseId: null,
          kind: 'notify',
          idempotencyKey: `race-${i}`,
          payload: {},
          createdAt: T + i,
        });
      }
      const timerBatches = await Promise.all([a, b, a, b].map((s) => s.timers.claimDue(T + 100, 15, 60_000)));
      const timerIds = timerBatches.flat().map((t) => t.id);
      expect(new Set(timerIds).size).toBe(timerIds.length);
      expect(timerIds.length).toBe(40);
      const outboxBatches = await Promise.all(
        [a, b, a, b].map((s) => s.outbox.claimDue(T + 100, 15, 60_000)),
      );
      const outboxIds = outboxBatches.flat().map((o) => o.id);
      expect(new Set(outboxIds).size).toBe(outboxIds.length);
      expect(outboxIds.length).toBe(40);
    });

    it('allocates timeline seqs without gaps when two processes append to one case', async () => {
      await a.cases.insert(caseRow('race-case'));
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).transaction(async (tx) => {
            await tx.timeline.append('race-case', [{ at: i, type: 'x' }]);
            await new Promise((r) => setTimeout(r, 2));
            await tx.timeline.append('race-case', [{ at: i, type: 'y' }]);
          }),
        ),
      );
      const seqs = (await a.timeline.list('race-case')).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('refuses to rewrite published flow versions and timeline entries', async () => {
      await a.flowVersions.insert(versionRow('imm', 1));
      await a.cases.insert(caseRow('imm-case'));
      await a.timeline.append('imm-case', [{ at: 1, type: 'x' }]);
      const client = new pg.Client({ connectionString: TEST_URL });
      await client.connect();
      try {
        await expect(client.query("update flow_versions set checksum = 'forged'")).rejects.toThrow(
          /immutable/,
        );
        await expect(client.query("update timeline set type = 'forged'")).rejects.toThrow(/immutable/);
      } finally {
        await client.end();
      }
    });

    it('commits transactions started together with one COMMIT, answering each after it', async () => {
      const one = await openPgStore({ url: TEST_URL, lanes: 1 });
      const other = new pg.Client({ connectionString: TEST_URL });
      await other.connect();
      try {
        const visible = async (id: string) =>
          (await other.query('select 1 from cases where id = $1', [id])).rowCount === 1;
        const answered = new Set<string>();
        const seenBySecond: { firstAnswered: boolean; firstVisible: boolean }[] = [];
        const first = one
          .transaction(async (tx) => tx.cases.insert(caseRow('gc-first')))
          .then(() => answered.add('first'));
        const second = one
          .transaction(async (tx) => {
            await tx.cases.insert(caseRow('gc-second'));
            // Batched with `first` on the one lane: it has run, but not committed nor been answered.
            seenBySecond.push({
              firstAnswered: answered.has('first'),
              firstVisible: await visible('gc-first'),
            });
          })
          .then(() => answered.add('second'));
        await first;
        expect((await visible('gc-first')) && (await visible('gc-second'))).toBe(true);
        await second;
        expect(seenBySecond).toEqual([{ firstAnswered: false, firstVisible: false }]);
      } finally {
        await other.end();
        await one.close();
      }
    });

    it('keeps the batch when a transaction fails, whether it wrote, only read or hit an error', async () => {
      const one = await openPgStore({ url: TEST_URL, lanes: 1 });
      // Rerunnable, as event transactions are: no savepoints until one fails after writing.
      const again = { rerunnable: true };
      try {
        const results = await Promise.allSettled([
          one.transaction((tx) => tx.cases.insert(caseRow('gcw-1')), again),
          one.transaction(async (tx) => {
            await tx.cases.insert(caseRow('gcw-2'));
            throw new Error('fails after writing');
          }, again),
          one.transaction(async (tx) => {
            await tx.cases.get('gcw-1');
            throw new Error('fails after reading');
          }, again),
          one.transaction((tx) => tx.cases.insert(caseRow('gcw-4')), again),
          // A statement the database refuses aborts the whole transaction on PostgreSQL.
          one.transaction((tx) => tx.cases.insert(caseRow('gcw-1')), again),
          one.transaction((tx) => tx.cases.insert(caseRow('gcw-6')), again),
        ]);
        expect(results.map((r) => r.status)).toEqual([
          'fulfilled',
          'rejected',
          'rejected',
          'fulfilled',
          'rejected',
          'fulfilled',
        ]);
        expect((results[4] as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflict);
        const ids = ['gcw-1', 'gcw-2', 'gcw-4', 'gcw-6'];
        const found = await Promise.all(ids.map(async (id) => (await one.cases.get(id)) !== null));
        expect(found).toEqual([true, false, true, true]);
      } finally {
        await one.close();
      }
    });

    it('undoes the timer writes of a commit that lost its revision to a writer it waited for', async () => {
      const one = await openPgStore({ url: TEST_URL, lanes: 1 });
      const other = new pg.Client({ connectionString: TEST_URL });
      await other.connect();
      try {
        await one.cases.insert(caseRow('gcr-1'));
        await one.cases.insert(caseRow('gcr-2'));
        // Another process has moved gcr-1 on and not committed yet.
        await other.query('begin');
        await other.query("update cases set revision = 2 where id = 'gcr-1'");
        const timers = [
          {
            op: 'schedule' as const,
            timer: { caseId: 'gcr-1', timerId: 'stale', fireAt: 1_800_000_000_000, purpose: 'wait' },
          },
        ];
        const patch = {
          status: 'open' as const,
          activeNodes: ['b'],
          variables: {},
          snapshot: { value: 'b', context: {} },
          closedAt: null,
          updatedAt: 1_800_000_000_000,
        };
        const again = { rerunnable: true };
        const first = one.transaction((tx) => tx.cases.commit('gcr-2', 1, patch, [], false), again);
        const stale = one.transaction(async (tx) => {
          // Waits for the other writer's row lock; its timer writes have run by then.
          const committed = await tx.cases.commit('gcr-1', 1, patch, [], false, { timers });
          if (!committed) throw new Error('stale revision');
          return committed;
        }, again);
        await new Promise((r) => setTimeout(r, 300));
        await other.query('commit');
        const results = await Promise.allSettled([first, stale]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
        expect(await one.timers.listByCase('gcr-1')).toEqual([]);
        expect((await one.cases.get('gcr-2'))?.revision).toBe(2);
      } finally {
        await other.end();
        await one.close();
      }
    });

    it('lets transactions that offer work to agents in opposite orders pass, not deadlock', async () => {
      const { release, bothHoldOne } = await twoAgents(a, ['ana', 'bob']);
      const offer = (store: Store, mine: string, theirs: string) =>
        store.transaction(async (tx) => {
          const own = await tx.routing.lockProfileToOffer(mine);
          release();
          await bothHoldOne;
          const other = await tx.routing.lockProfileToOffer(theirs);
          return [own === 'held' ? own : own?.username, other === 'held' ? other : other?.username];
        });
      // ana then bob waits for bob (ordered after ana); bob then ana passes ana over.
      expect(await Promise.all([offer(a, 'ana', 'bob'), offer(b, 'bob', 'ana')])).toEqual([
        ['ana', 'bob'],
        ['bob', 'held'],
      ]);
    });

    it('fails at once, never deadlocks, when presence changes lock agents in opposite orders', async () => {
      const { release, bothHoldOne } = await twoAgents(a, ['cid', 'dee']);
      const change = (store: Store, mine: string, theirs: string) =>
        store.transaction(async (tx) => {
          await tx.routing.lockProfileInOrder(mine);
          release();
          await bothHoldOne;
          return (await tx.routing.lockProfileInOrder(theirs))?.username;
        });
      // cid then dee waits for dee; dee then cid does not wait for cid: 55P03 at once.
      const started = Date.now();
      const [first, second] = await Promise.allSettled([change(a, 'cid', 'dee'), change(b, 'dee', 'cid')]);
      expect(first).toEqual({ status: 'fulfilled', value: 'dee' });
      expect(second.status).toBe('rejected');
      expect(isTransientConflict((second as PromiseRejectedResult).reason)).toBe(true);
      // PostgreSQL finds a deadlock after deadlock_timeout (1 s); nothing waited that long.
      expect(Date.now() - started).toBeLessThan(900);
      // An agent with no profile yet, ordered before one held: the insert could wait out of order.
      const missing = await a
        .transaction(async (tx) => {
          await tx.routing.lockProfileInOrder('dee');
          return tx.routing.lockProfileInOrder('abe');
        })
        .catch((e: unknown) => e);
      expect(isTransientConflict(missing)).toBe(true);
    });

    it('reports the dialect', () => {
      expect(a.dialect).toBe('postgres');
    });
  });
});

/**
 * Saves online profiles of `usernames`, and a rendezvous: `bothHoldOne` settles once
 * `release` was called twice (each of two transactions holds its first agent).
 */
async function twoAgents(store: Store, usernames: string[]) {
  const T = 1_800_000_000_000;
  for (const username of usernames) {
    await store.routing.saveProfile({
      username,
      presence: 'online',
      presenceAt: T,
      skills: [],
      capacity: null,
      calendar: null,
      outOfOffice: [],
      lastOfferedAt: null,
      updatedAt: T,
    });
  }
  let release!: () => void;
  const bothHoldOne = new Promise<void>((r) => {
    let n = 0;
    release = () => {
      if (++n === 2) r();
    };
  });
  return { release, bothHoldOne };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

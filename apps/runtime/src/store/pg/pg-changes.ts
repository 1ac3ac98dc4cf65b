import type { ChangeRow, NewChange, Store } from '../store';
import { type PgClientOf, type PgQueryable, runNamed } from './pg-raw';

const COLUMNS = `xid::text || '.' || seq as cursor, case_id as "caseId", customer_id as "customerId",
  top_level as "topLevel", kinds, public_kinds as "publicKinds", groups, users, at::float8 as at`;
/**
 * The settled horizon, read in a statement of its own before the rows: the oldest transaction id
 * still running in this database (backend xids are 32-bit: widened against the current xid8),
 * else the next id to be handed out. Every change row below it belongs to a transaction that had
 * ended when the horizon was read, so a later statement sees all of them or (rolled back) none.
 * Transactions of other databases on the server never write this table, so they do not hold
 * the stream back (a cluster-wide pg_snapshot_xmin would).
 */
const HORIZON = `with cur as (select pg_snapshot_xmax(pg_current_snapshot())::text::bigint as x)
  select coalesce(
    (select min(cur.x - ((cur.x % 4294967296) - a.backend_xid::text::bigint + 4294967296) % 4294967296)
       from pg_stat_activity a where a.datname = current_database() and a.backend_xid is not null),
    cur.x)::text as horizon
  from cur`;
const SETTLED = 'xid < $1::text::xid8';

/**
 * The change log on PostgreSQL, read in (xid, seq) order below the settled horizon, so that
 * every runtime process sees the same gap-free order (see schema-changes.ts). The runtime's
 * database role must see its own sessions' `backend_xid` in pg_stat_activity (the same role
 * does; PostgreSQL hides it for other roles' sessions).
 */
/** A change row's columns after case_id, as bound: customer_id … at. */
export function changeValues(c: NewChange): unknown[] {
  return [
    c.customerId,
    c.topLevel,
    JSON.stringify(c.kinds),
    JSON.stringify(c.publicKinds),
    JSON.stringify(c.groups),
    JSON.stringify(c.users),
    c.at,
  ];
}

export function pgChanges(client: PgClientOf): Pick<Store, 'changes'> {
  return {
    changes: {
      async append(c) {
        await runNamed(
          client(),
          `insert into case_changes (case_id, customer_id, top_level, kinds, public_kinds, groups, users, at)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [c.caseId, ...changeValues(c)],
        );
      },
      async after(cursor, limit) {
        const [xid, seq] = parse(cursor);
        const horizon = await settledBelow(client());
        const result = await runNamed<ChangeRow>(
          client(),
          `select ${COLUMNS} from case_changes
           where (xid, seq) > ($2::xid8, $3::bigint) and ${SETTLED} order by xid, seq limit $4`,
          [horizon, xid, seq, limit],
        );
        return result.rows;
      },
      async head() {
        const horizon = await settledBelow(client());
        const result = await runNamed<{ cursor: string }>(
          client(),
          `select xid::text || '.' || seq as cursor from case_changes where ${SETTLED}
           order by xid desc, seq desc limit 1`,
          [horizon],
        );
        return result.rows[0]?.cursor ?? '0.0';
      },
      async oldest() {
        const result = await runNamed<{ cursor: string }>(
          client(),
          `select xid::text || '.' || seq as cursor from case_changes order by xid, seq limit 1`,
          [],
        );
        return result.rows[0]?.cursor ?? null;
      },
      async purge(before) {
        const result = await runNamed(client(), 'delete from case_changes where at < $1', [before]);
        return result.rowCount ?? 0;
      },
    },
  };
}

async function settledBelow(db: PgQueryable): Promise<string> {
  const result = await runNamed<{ horizon: string }>(db, HORIZON, []);
  return result.rows[0]!.horizon;
}

/** `<xid>.<seq>` as two decimal strings; a malformed cursor reads as the start. */
function parse(cursor: string | null): [string, string] {
  const m = /^(\d{1,20})\.(\d{1,19})$/.exec(cursor ?? '');
  if (!m || BigInt(m[1]!) >= 2n ** 64n || BigInt(m[2]!) >= 2n ** 63n) return ['0', '0'];
  return [m[1]!, m[2]!];
}

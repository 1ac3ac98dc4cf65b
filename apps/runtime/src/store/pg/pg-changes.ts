import type { ChangeRow, Store } from '../store';
import { type PgClientOf, runNamed } from './pg-raw';

const COLUMNS = `xid::text || '.' || seq as cursor, case_id as "caseId", customer_id as "customerId",
  top_level as "topLevel", kinds, public_kinds as "publicKinds", groups, users, at::float8 as at`;
/** Rows of transactions older than every running one: nothing before them can commit any more. */
const SETTLED = 'xid < pg_snapshot_xmin(pg_current_snapshot())';

/**
 * The change log on PostgreSQL, read in (xid, seq) order below the snapshot's xmin, so that
 * every runtime process sees the same gap-free order (see schema-changes.ts).
 */
export function pgChanges(client: PgClientOf): Pick<Store, 'changes'> {
  return {
    changes: {
      async append(c) {
        await runNamed(
          client(),
          `insert into case_changes (case_id, customer_id, top_level, kinds, public_kinds, groups, users, at)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            c.caseId,
            c.customerId,
            c.topLevel,
            JSON.stringify(c.kinds),
            JSON.stringify(c.publicKinds),
            JSON.stringify(c.groups),
            JSON.stringify(c.users),
            c.at,
          ],
        );
      },
      async after(cursor, limit) {
        const [xid, seq] = parse(cursor);
        const result = await runNamed<ChangeRow>(
          client(),
          `select ${COLUMNS} from case_changes
           where (xid, seq) > ($1::xid8, $2::bigint) and ${SETTLED} order by xid, seq limit $3`,
          [xid, seq, limit],
        );
        return result.rows;
      },
      async head() {
        const result = await runNamed<{ cursor: string }>(
          client(),
          `select xid::text || '.' || seq as cursor from case_changes where ${SETTLED}
           order by xid desc, seq desc limit 1`,
          [],
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

/** `<xid>.<seq>` as two decimal strings; a malformed cursor reads as the start. */
function parse(cursor: string | null): [string, string] {
  const m = /^(\d{1,20})\.(\d{1,19})$/.exec(cursor ?? '');
  if (!m || BigInt(m[1]!) >= 2n ** 64n || BigInt(m[2]!) >= 2n ** 63n) return ['0', '0'];
  return [m[1]!, m[2]!];
}

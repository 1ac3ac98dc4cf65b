import type { ChangeRow, Store } from '../store';
import { RawTable } from './raw-table';
import { caseChanges } from './schema-changes';
import type { SqliteDb } from './sqlite-db';

type Stored = Omit<ChangeRow, 'cursor'> & { seq: number };

/** The change log on SQLite: one writer at a time, so seq order is commit order. */
export function sqliteChanges(db: SqliteDb): Pick<Store, 'changes'> {
  const raw = new RawTable<Stored>(db.$client, caseChanges);
  const toRow = ({ seq, ...rest }: Stored): ChangeRow => ({ cursor: `0.${seq}`, ...rest });
  return {
    changes: {
      async append(change) {
        raw.insert(change as Stored);
      },
      async after(cursor, limit) {
        return raw.all('seq > ? order by seq limit ?', seqOf(cursor), limit).map(toRow);
      },
      async head() {
        const row = db.$client.prepare('select max(seq) as seq from case_changes').get() as {
          seq: number | null;
        };
        return `0.${row.seq ?? 0}`;
      },
      async oldest() {
        const row = db.$client.prepare('select min(seq) as seq from case_changes').get() as {
          seq: number | null;
        };
        return row.seq === null ? null : `0.${row.seq}`;
      },
      async purge(before) {
        return raw.delete('at < ?', before);
      },
    },
  };
}

/** The seq of a cursor (`<xid>.<seq>`); 0 for null or a cursor of another shape. */
function seqOf(cursor: string | null): number {
  const seq = Number(cursor?.split('.')[1]);
  return Number.isSafeInteger(seq) && seq > 0 ? seq : 0;
}

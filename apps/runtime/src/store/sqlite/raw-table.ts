import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

type Kind = 'plain' | 'json' | 'bool';
interface Field {
  prop: string;
  column: string;
  kind: Kind;
}
type Params = unknown[];

/**
 * Hot-path access to one drizzle-declared SQLite table through cached better-sqlite3
 * statements. Building a drizzle query costs ~50 µs here, several times the statement itself;
 * this keeps the drizzle table as the single description (column names, JSON and boolean
 * columns) and prepares each distinct statement once.
 *
 * `where` strings are SQL with `?` parameters over the table's column names; they must be
 * constants (they key the statement cache).
 */
export class RawTable<Row extends object> {
  private readonly fields: Field[];
  private readonly byProp = new Map<string, Field>();
  private readonly name: string;
  /** The quoted column list of the row's properties, for statements built beside this class. */
  readonly selectList: string;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly client: Database.Database,
    table: Table,
    omit: readonly string[] = [],
  ) {
    this.name = getTableName(table);
    this.fields = Object.entries(getTableColumns(table))
      .filter(([prop]) => !omit.includes(prop))
      .map(([prop, col]) => ({ prop, column: col.name, kind: kindOf(col.columnType) }));
    for (const f of this.fields) this.byProp.set(f.prop, f);
    this.selectList = this.fields.map((f) => `"${f.column}"`).join(', ');
  }

  /**
   * Turns a raw result row (column names) into a typed row (property names, parsed JSON).
   * JSON values found in `written` are taken from there instead of re-parsed (an update
   * answering the 2 KB snapshot it has just written does not even select it).
   */
  decode(raw: unknown, written?: Record<string, unknown>): Row {
    const r = raw as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const f of this.fields) {
      if (f.kind === 'json' && written?.[f.prop] !== undefined) {
        out[f.prop] = written[f.prop];
        continue;
      }
      const v = r[f.column];
      if (v === null || v === undefined) out[f.prop] = null;
      else if (f.kind === 'json') out[f.prop] = JSON.parse(v as string);
      else out[f.prop] = f.kind === 'bool' ? v === 1 : v;
    }
    return out as Row;
  }

  /** The first row matching `where`, or null. */
  get(where: string, ...params: Params): Row | null {
    const raw = this.prepare(
      `get:${where}`,
      () => `select ${this.selectList} from "${this.name}" where ${where}`,
    ).get(...params);
    return raw === undefined ? null : this.decode(raw);
  }

  /** Every row matching `where` (which may end in ORDER BY / LIMIT). */
  all(where: string, ...params: Params): Row[] {
    return this.prepare(`all:${where}`, () => `select ${this.selectList} from "${this.name}" where ${where}`)
      .all(...params)
      .map((raw) => this.decode(raw));
  }

  /** Inserts `row` (every selected property; absent ones are NULL) and answers it as stored. */
  insert(row: Row): Row {
    return this.decode(this.insertStatement('').get(...this.encodeRow(row)));
  }

  /**
   * Inserts `row` unless it violates the unique key `target` (a column list, or every key when
   * omitted); answers the stored row, or null when it was ignored.
   */
  insertOrIgnore(row: Row, target = ''): Row | null {
    const raw = this.insertStatement(`on conflict ${target} do nothing`).get(...this.encodeRow(row));
    return raw === undefined ? null : this.decode(raw);
  }

  /**
   * Inserts `row`, or overwrites every other column of the stored row with the same `key`
   * (its unique column names); answers the row as stored.
   */
  upsert(row: Row, key: readonly string[]): Row {
    const others = this.fields.filter((f) => !key.includes(f.column));
    // A key-only table still updates (its key to itself), so that the row is returned.
    const set = (others.length > 0 ? others.map((f) => f.column) : [...key])
      .map((c) => `"${c}" = excluded."${c}"`)
      .join(', ');
    const target = key.map((k) => `"${k}"`).join(', ');
    return this.decode(
      this.insertStatement(`on conflict (${target}) do update set ${set}`).get(...this.encodeRow(row)),
    );
  }

  /**
   * Sets the defined properties of `set` on the rows matching `where` and answers the first
   * updated row, or null when none matched. JSON values written by this call come back as
   * the objects given in `set` (not copies).
   */
  update(set: Record<string, unknown>, where: string, ...params: Params): Row | null {
    const fields: Field[] = [];
    const values: unknown[] = [];
    let key = 'update:';
    for (const prop in set) {
      const value = set[prop];
      if (value === undefined) continue;
      const f = this.byProp.get(prop);
      if (!f) throw new Error(`${this.name}: unknown column ${prop}`);
      fields.push(f);
      values.push(encode(f, value));
      key += `${prop},`;
    }
    if (fields.length === 0) return this.get(where, ...params);
    key += where;
    const stmt = this.prepare(key, () => {
      // JSON columns just written come back from `set` (decode), not as text from SQLite.
      const returning = this.fields
        .filter((f) => !(f.kind === 'json' && fields.includes(f)))
        .map((f) => `"${f.column}"`);
      return `update "${this.name}" set ${fields.map((f) => `"${f.column}" = ?`).join(', ')} where ${where} returning ${returning.join(', ') || '1'}`;
    });
    const raw = stmt.get(...values, ...params);
    return raw === undefined ? null : this.decode(raw, set);
  }

  /** Runs a DELETE with `where`; answers the number of rows deleted. */
  delete(where: string, ...params: Params): number {
    return this.prepare(`delete:${where}`, () => `delete from "${this.name}" where ${where}`).run(...params)
      .changes;
  }

  private insertStatement(conflict: string): Database.Statement {
    return this.prepare(
      `insert:${conflict}`,
      () =>
        `insert into "${this.name}" (${this.selectList}) values (${this.fields.map(() => '?').join(', ')}) ${conflict} returning ${this.selectList}`,
    );
  }

  private encodeRow(row: Row): unknown[] {
    return this.fields.map((f) => encode(f, (row as Record<string, unknown>)[f.prop]));
  }

  private prepare(key: string, sql: () => string): Database.Statement {
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.client.prepare(sql());
      this.statements.set(key, stmt);
    }
    return stmt;
  }
}

function kindOf(columnType: string): Kind {
  if (columnType === 'SQLiteTextJson') return 'json';
  if (columnType === 'SQLiteBoolean') return 'bool';
  return 'plain';
}

function encode(f: Field, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (f.kind === 'json') return JSON.stringify(v);
  if (f.kind === 'bool') return v ? 1 : 0;
  return v;
}

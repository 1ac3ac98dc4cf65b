import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type pg from 'pg';

/** A pool or the checked-out client of an open transaction: both run `{ name, text, values }`. */
export type PgQueryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** Answers the caller's transaction client when there is one, else the pool. */
export type PgClientOf = () => PgQueryable;

/**
 * Opens a statement that writes only when it answers rows (every write of it hangs on the row
 * it returns, as the case commit's without timers): the group committer's write mark then
 * moves only when it answered rows, so a stale revision leaves nothing to undo.
 */
export const WRITES_ONLY_WITH_ROWS = '/* writes only with rows */ ';

const names = new Map<string, string>();

/**
 * Runs `text` as a named prepared statement: each connection parses and plans it once, later
 * calls send only the name and the values. Names are handed out per distinct text, so the
 * same text always has the same name on every connection (pg refuses a name reused for
 * another text).
 */
export async function runNamed<R extends pg.QueryResultRow>(
  client: PgQueryable,
  text: string,
  values: unknown[],
): Promise<pg.QueryResult<R>> {
  let name = names.get(text);
  if (name === undefined) {
    name = `cf${names.size + 1}`;
    names.set(text, name);
  }
  return (client as pg.Pool).query<R>({ name, text, values });
}

type Kind = 'plain' | 'json' | 'ms';
interface Field {
  prop: string;
  column: string;
  kind: Kind;
}

/**
 * Hot-path access to one drizzle-declared PostgreSQL table through named prepared statements
 * (the PostgreSQL twin of sqlite/raw-table.ts). Building a drizzle query per call costs more
 * than the statement's own work on the server; this keeps the drizzle table as the one
 * description and builds each distinct statement text once.
 *
 * Rows come back exactly as drizzle reads them: epoch-ms bigints are selected as float8 (so
 * they arrive as numbers, exact below 2^53), JSON columns parsed, property names as declared.
 * `where` strings are SQL with `$n` parameters numbered after the statement's own values;
 * they must be constants (they are part of the statement text).
 */
export class PgRawTable<Row extends object> {
  readonly name: string;
  private readonly fields: Field[];
  private readonly byProp = new Map<string, Field>();
  /** The select list: `"col" as "prop"` per column. */
  readonly selectList: string;

  constructor(table: Table, omit: readonly string[] = []) {
    this.name = getTableName(table);
    this.fields = Object.entries(getTableColumns(table))
      .filter(([prop]) => !omit.includes(prop))
      .map(([prop, col]) => ({ prop, column: col.name, kind: kindOf(col.columnType) }));
    for (const f of this.fields) this.byProp.set(f.prop, f);
    this.selectList = this.fields.map((f) => `${columnRef(f, '')} as "${f.prop}"`).join(', ');
  }

  /**
   * A `json_build_object(...)` of the row with the declared property names, over the table
   * alias `alias`: what a statement aggregates to answer several child rows in one value
   * (bigints become JSON numbers, JSON columns nest as they are).
   */
  jsonObject(alias: string): string {
    return `json_build_object(${this.fields.map((f) => `'${f.prop}', ${alias}."${f.column}"`).join(', ')})`;
  }

  /** The first row matching `where`, or null. */
  async get(client: PgQueryable, where: string, params: unknown[]): Promise<Row | null> {
    const result = await runNamed<Row>(
      client,
      `select ${this.selectList} from "${this.name}" where ${where}`,
      params,
    );
    return result.rows[0] ?? null;
  }

  /** Every row matching `where` (which may end in ORDER BY / LIMIT). */
  async all(client: PgQueryable, where: string, params: unknown[]): Promise<Row[]> {
    const result = await runNamed<Row>(
      client,
      `select ${this.selectList} from "${this.name}" where ${where}`,
      params,
    );
    return result.rows;
  }

  /**
   * Inserts `row` (every declared property; absent ones are NULL) and answers it as stored.
   * `conflict` is an optional constant `on conflict …` clause.
   */
  async insert(client: PgQueryable, row: Row, conflict = ''): Promise<Row | null> {
    const columns = this.fields.map((f) => `"${f.column}"`).join(', ');
    const placeholders = this.fields.map((_, i) => `$${i + 1}`).join(', ');
    const values = this.fields.map((f) => encode(f, (row as Record<string, unknown>)[f.prop]));
    const result = await runNamed<Row>(
      client,
      `insert into "${this.name}" (${columns}) values (${placeholders}) ${conflict} returning ${this.selectList}`,
      values,
    );
    return result.rows[0] ?? null;
  }

  /**
   * Sets the defined properties of `set` on the rows matching `where` (its parameters numbered
   * from `$1` as if alone: they are shifted past the set values) and answers the first updated
   * row, or null when none matched. With nothing to set it answers the matching row.
   */
  async update(
    client: PgQueryable,
    set: Record<string, unknown>,
    where: string,
    params: unknown[],
  ): Promise<Row | null> {
    const fields: Field[] = [];
    const values: unknown[] = [];
    for (const [prop, value] of Object.entries(set)) {
      if (value === undefined) continue;
      const f = this.byProp.get(prop);
      if (!f) throw new Error(`${this.name}: unknown column ${prop}`);
      fields.push(f);
      values.push(encode(f, value));
    }
    if (fields.length === 0) return this.get(client, where, params);
    const n = fields.length;
    const shifted = where.replace(/\$(\d+)/g, (_, d: string) => `$${Number(d) + n}`);
    const assignments = fields.map((f, i) => `"${f.column}" = $${i + 1}`).join(', ');
    const result = await runNamed<Row>(
      client,
      `update "${this.name}" set ${assignments} where ${shifted} returning ${this.selectList}`,
      [...values, ...params],
    );
    return result.rows[0] ?? null;
  }

  /** Runs a DELETE with `where`; answers the number of rows deleted. */
  async delete(client: PgQueryable, where: string, params: unknown[]): Promise<number> {
    const result = await runNamed(client, `delete from "${this.name}" where ${where}`, params);
    return result.rowCount ?? 0;
  }
}

function kindOf(columnType: string): Kind {
  if (columnType === 'PgJson' || columnType === 'PgJsonb') return 'json';
  if (columnType === 'PgBigInt53') return 'ms';
  return 'plain';
}

function columnRef(f: Field, alias: string): string {
  const ref = `${alias}"${f.column}"`;
  return f.kind === 'ms' ? `${ref}::float8` : ref;
}

/** A value as the driver takes it: JSON as text (as drizzle's json column writes it). */
export function encode(f: { kind: Kind }, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (f.kind === 'json') return JSON.stringify(v);
  return v;
}

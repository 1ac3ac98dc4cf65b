import Database from 'better-sqlite3';
import { statementKind, type TracedStatement } from './statement-trace';

/** The statements of one event transaction that a hand-written raw implementation needs too. */
export interface RawEvent {
  statements: Array<{ sql: string; params: unknown[] }>;
}

/** What the runtime ran per event, against what the raw replay keeps. */
export interface TraceProfile {
  events: number;
  /** Statements per event inside the runtime's transaction (begin/commit/savepoints excluded). */
  runtimeStatements: number;
  runtimeReads: number;
  runtimeWrites: number;
  /** Statements per event the raw replay runs. */
  rawStatements: number;
  /** Characters of string parameters written per event (snapshot, variables, audit data…). */
  writtenChars: number;
  /** Microseconds per event spent inside better-sqlite3 calls, by `verb table`, commit included. */
  sqliteMicrosByKind: Map<string, number>;
  /** Writes per event by `verb table`. */
  writesByKind: Map<string, number>;
}

const WRITE_VERBS = new Set(['insert', 'update', 'delete']);

/**
 * Splits a statement trace into event transactions (`begin immediate` … `commit`) and keeps,
 * for each, what a raw implementation writing the same rows must run as well: the load of the
 * case row (first `select … from cases`), the timeline's `max(seq)` read and every insert,
 * update and delete with exactly the parameters the runtime bound (`returning` clauses are
 * dropped: the raw side does not read rows back). Reads of flow versions, of tasks/SLAs/surveys
 * for the answer body, and savepoints are the runtime's own overhead and are left out.
 */
export function rawEventsFromTrace(trace: TracedStatement[]): { events: RawEvent[]; profile: TraceProfile } {
  const events: RawEvent[] = [];
  const sqliteMicros = new Map<string, number>();
  const writes = new Map<string, number>();
  let current: RawEvent | null = null;
  let loadedCase = false;
  let runtimeStatements = 0;
  let runtimeReads = 0;
  let runtimeWrites = 0;
  let writtenChars = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

  for (const s of trace) {
    const lower = s.sql.toLowerCase();
    if (lower.startsWith('begin')) {
      current = { statements: [] };
      loadedCase = false;
      add(sqliteMicros, 'begin', s.micros);
      continue;
    }
    if (!current) continue;
    if (lower === 'commit') {
      add(sqliteMicros, 'commit', s.micros);
      events.push(current);
      current = null;
      continue;
    }
    const { verb, table } = statementKind(lower);
    if (verb === 'savepoint' || verb === 'release' || verb === 'rollback') {
      add(sqliteMicros, 'savepoint', s.micros);
      continue;
    }
    runtimeStatements += 1;
    add(sqliteMicros, `${verb} ${table}`, s.micros);
    if (WRITE_VERBS.has(verb)) {
      runtimeWrites += 1;
      add(writes, `${verb} ${table}`, 1);
      for (const p of s.params) if (typeof p === 'string') writtenChars += p.length;
      current.statements.push({ sql: withoutReturning(s.sql), params: s.params });
    } else {
      runtimeReads += 1;
      const isCaseLoad = verb === 'select' && table === 'cases' && !loadedCase;
      const isSeq = lower.includes('max(seq)');
      if (isCaseLoad) loadedCase = true;
      if (isCaseLoad || isSeq) current.statements.push({ sql: s.sql, params: s.params });
    }
  }
  const n = Math.max(events.length, 1);
  const perEvent = (m: Map<string, number>) => new Map([...m].map(([k, v]) => [k, v / n] as const));
  const rawStatements = events.reduce((sum, e) => sum + e.statements.length, 0);
  return {
    events,
    profile: {
      events: events.length,
      runtimeStatements: runtimeStatements / n,
      runtimeReads: runtimeReads / n,
      runtimeWrites: runtimeWrites / n,
      rawStatements: rawStatements / n,
      writtenChars: writtenChars / n,
      sqliteMicrosByKind: perEvent(sqliteMicros),
      writesByKind: perEvent(writes),
    },
  };
}

/** The mean of several rounds' profiles (per-event figures averaged, event counts summed). */
export function averageProfiles(profiles: TraceProfile[]): TraceProfile {
  const n = Math.max(profiles.length, 1);
  const mean = (pick: (p: TraceProfile) => number) => profiles.reduce((sum, p) => sum + pick(p), 0) / n;
  const meanMap = (pick: (p: TraceProfile) => Map<string, number>) => {
    const out = new Map<string, number>();
    for (const p of profiles) for (const [k, v] of pick(p)) out.set(k, (out.get(k) ?? 0) + v / n);
    return out;
  };
  return {
    events: profiles.reduce((sum, p) => sum + p.events, 0),
    runtimeStatements: mean((p) => p.runtimeStatements),
    runtimeReads: mean((p) => p.runtimeReads),
    runtimeWrites: mean((p) => p.runtimeWrites),
    rawStatements: mean((p) => p.rawStatements),
    writtenChars: mean((p) => p.writtenChars),
    sqliteMicrosByKind: meanMap((p) => p.sqliteMicrosByKind),
    writesByKind: meanMap((p) => p.writesByKind),
  };
}

function withoutReturning(sql: string): string {
  const i = sql.toLowerCase().lastIndexOf(' returning ');
  return i < 0 ? sql : sql.slice(0, i);
}

/**
 * A plain better-sqlite3 connection with the store's pragmas (WAL, busy timeout, foreign keys,
 * temp_store;
 * `synchronous` FULL — the durability the store gives every answer, a synced WAL — or NORMAL
 * for the naive baseline of issue 12) that
 * replays RawEvents, one `begin immediate … commit` per event, through cached prepared
 * statements.
 */
export class RawReplayer {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Microseconds spent in COMMIT since the last `takeCommitMicros`. */
  private commitMicros = 0;

  constructor(file: string, synchronous: 'FULL' | 'NORMAL' = 'FULL') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('temp_store = MEMORY');
  }

  /** Runs one event transaction; reads step through their result like the runtime's `get`. */
  replay(event: RawEvent): void {
    this.db.exec('begin immediate');
    try {
      for (const s of event.statements) {
        const stmt = this.prepare(s.sql);
        if (stmt.reader) stmt.get(...s.params);
        else stmt.run(...s.params);
      }
      const t0 = performance.now();
      this.db.exec('commit');
      this.commitMicros += (performance.now() - t0) * 1000;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('rollback');
      throw error;
    }
  }

  /** Answers the microseconds spent committing since the last call, and starts again from 0. */
  takeCommitMicros(): number {
    const us = this.commitMicros;
    this.commitMicros = 0;
    return us;
  }

  close(): void {
    this.db.close();
  }

  private prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}

/** Tables an event transaction writes; compared after a run to prove the replay wrote the same. */
const EVENT_TABLES = ['cases', 'timeline', 'timers', 'tasks', 'slas', 'outbox', 'messages', 'surveys'];

/**
 * Compares the event tables of two SQLite files row for row (every column, in key order; tables
 * neither file has are skipped) and answers one line per table that differs: after the runtime (A) and the raw replay (C) ran the
 * same events from the same copy, both databases must be identical.
 */
export function compareEventTables(fileA: string, fileB: string): string[] {
  const a = new Database(fileA, { readonly: true });
  const b = new Database(fileB, { readonly: true });
  try {
    const differences: string[] = [];
    const exists = (db: Database.Database, table: string) =>
      db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table) !== undefined;
    for (const table of EVENT_TABLES) {
      if (!exists(a, table) && !exists(b, table)) continue;
      const dump = (db: Database.Database) =>
        (db.prepare(`select * from "${table}" order by 1, 2`).raw().all() as unknown[][]).map((r) =>
          JSON.stringify(r),
        );
      const rowsA = dump(a);
      const rowsB = dump(b);
      let firstDiff = -1;
      for (let i = 0; i < Math.max(rowsA.length, rowsB.length) && firstDiff < 0; i++) {
        if (rowsA[i] !== rowsB[i]) firstDiff = i;
      }
      if (firstDiff >= 0) {
        differences.push(
          `${table}: ${rowsA.length} vs ${rowsB.length} rows, first difference at row ${firstDiff}`,
        );
      }
    }
    return differences;
  } finally {
    a.close();
    b.close();
  }
}

import Database from 'better-sqlite3';

/** One statement better-sqlite3 ran while a trace was on. */
export interface TracedStatement {
  sql: string;
  /** Bound parameters as passed (strings are the JSON the store serialised). */
  params: unknown[];
  /** `run`, `get`, `all`, `iterate` or `exec`. */
  method: string;
  /** Wall time of the call in microseconds. */
  micros: number;
}

type Fn = (...args: unknown[]) => unknown;

/**
 * Records every statement that any better-sqlite3 connection of this process runs between
 * `start()` and `stop()`, by wrapping the methods of the shared Statement prototype and
 * `Database#exec` once. Lets the bench see exactly which rows (tables, column values, JSON
 * sizes) the runtime writes per event, and what each statement costs, without touching the
 * runtime's code. Off, the wrappers cost one boolean check per call.
 */
export class StatementTrace {
  private active = false;
  private entries: TracedStatement[] = [];

  constructor() {
    const probe = new Database(':memory:');
    const statementProto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, Fn>;
    probe.close();
    for (const method of ['run', 'get', 'all', 'iterate']) this.wrap(statementProto, method, true);
    this.wrap(Database.prototype as unknown as Record<string, Fn>, 'exec', false);
  }

  /** Clears the log and starts recording. */
  start(): void {
    this.entries = [];
    this.active = true;
  }

  /** Stops recording and answers what was recorded. */
  stop(): TracedStatement[] {
    this.active = false;
    const out = this.entries;
    this.entries = [];
    return out;
  }

  private wrap(proto: Record<string, Fn>, method: string, isStatement: boolean): void {
    const original = proto[method];
    if (!original || (original as { traced?: boolean }).traced) return;
    const trace = this;
    const wrapped = function (this: { source?: string }, ...args: unknown[]): unknown {
      if (!trace.active) return original.apply(this, args);
      const t0 = process.hrtime.bigint();
      const result = original.apply(this, args);
      const micros = Number(process.hrtime.bigint() - t0) / 1000;
      const sql = isStatement ? (this.source ?? '') : String(args[0]);
      trace.entries.push({ sql: squash(sql), params: isStatement ? args : [], method, micros });
      return result;
    };
    (wrapped as { traced?: boolean }).traced = true;
    proto[method] = wrapped;
  }
}

function squash(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

/** The verb and table of a statement: `insert timeline`, `update cases`, `select tasks`… */
export function statementKind(sql: string): { verb: string; table: string } {
  const s = sql.toLowerCase();
  const verb = s.split(' ')[0] ?? '';
  const m =
    verb === 'insert'
      ? /insert into "?(\w+)"?/.exec(s)
      : verb === 'update'
        ? /update "?(\w+)"?/.exec(s)
        : /from "?(\w+)"?/.exec(s);
  return { verb, table: m?.[1] ?? '' };
}

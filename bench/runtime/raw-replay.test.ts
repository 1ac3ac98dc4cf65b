import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { compareEventTables, RawReplayer, rawEventsFromTrace } from './raw-replay';
import { StatementTrace, statementKind } from './statement-trace';

const SCHEMA = `
  create table cases (id text primary key, snapshot text not null, revision integer not null);
  create table timeline (case_id text not null, seq integer not null, data text not null, primary key (case_id, seq));
  create table surveys (token text primary key, case_id text not null);
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Two files with the same schema and one case: the "runtime" side and the "raw" side. */
function twoDatabases(): { a: string; c: string } {
  const dir = mkdtempSync(join(tmpdir(), 'raw-replay-test-'));
  dirs.push(dir);
  const files = { a: join(dir, 'a.db'), c: join(dir, 'c.db') };
  for (const file of Object.values(files)) {
    const db = new Database(file);
    db.exec(SCHEMA);
    db.prepare('insert into cases values (?, ?, ?)').run('c1', '{"v":0}', 1);
    db.close();
  }
  return files;
}

/** One event the way the runtime's store runs it: load, writes, a savepoint, answer reads. */
function runtimeEvent(db: Database.Database, n: number): void {
  db.exec('begin immediate');
  db.prepare('select * from cases where id = ?').get('c1');
  db.prepare(
    'update cases set snapshot = ?, revision = revision + 1 where id = ? and revision = ? returning *',
  ).get(JSON.stringify({ v: n }), 'c1', n);
  const { seq } = db
    .prepare('select coalesce(max(seq), 0) as seq from timeline where case_id = ?')
    .get('c1') as {
    seq: number;
  };
  db.exec('savepoint sp1');
  db.prepare('insert into timeline (case_id, seq, data) values (?, ?, ?)').run(
    'c1',
    seq + 1,
    `{"event":${n}}`,
  );
  db.exec('release sp1');
  db.prepare('select * from surveys where case_id = ?').all('c1');
  db.exec('commit');
}

describe('statementKind', () => {
  it('names the verb and the table of inserts, updates, deletes and selects', () => {
    expect(statementKind('insert into "tasks" ("id") values (?)')).toEqual({
      verb: 'insert',
      table: 'tasks',
    });
    expect(statementKind('update cases set a = ? where id = ?')).toEqual({ verb: 'update', table: 'cases' });
    expect(statementKind('delete from timers where id = ?')).toEqual({ verb: 'delete', table: 'timers' });
    expect(statementKind('select "id" from "slas" where case_id = ?')).toEqual({
      verb: 'select',
      table: 'slas',
    });
  });
});

describe('rawEventsFromTrace and RawReplayer', () => {
  it('keep the case load, the seq read and every write, and replay them into identical rows', () => {
    const files = twoDatabases();
    const trace = new StatementTrace();
    const runtime = new Database(files.a);
    trace.start();
    for (let n = 1; n <= 3; n++) runtimeEvent(runtime, n);
    const recorded = trace.stop();
    runtime.close();

    const { events, profile } = rawEventsFromTrace(recorded);
    expect(events).toHaveLength(3);
    expect(events[0]!.statements.map((s) => s.sql)).toEqual([
      'select * from cases where id = ?',
      'update cases set snapshot = ?, revision = revision + 1 where id = ? and revision = ?',
      'select coalesce(max(seq), 0) as seq from timeline where case_id = ?',
      'insert into timeline (case_id, seq, data) values (?, ?, ?)',
    ]);
    expect(profile.runtimeStatements).toBe(5);
    expect(profile.runtimeReads).toBe(3);
    expect(profile.runtimeWrites).toBe(2);
    expect(profile.rawStatements).toBe(4);
    expect(profile.writesByKind.get('insert timeline')).toBe(1);

    const raw = new RawReplayer(files.c);
    for (const event of events) raw.replay(event);
    expect(raw.takeCommitMicros()).toBeGreaterThan(0);
    raw.close();
    expect(compareEventTables(files.a, files.c)).toEqual([]);
  });

  it('reports the tables whose rows differ', () => {
    const files = twoDatabases();
    const db = new Database(files.c);
    db.prepare('insert into timeline values (?, ?, ?)').run('c1', 1, '{}');
    db.close();
    expect(compareEventTables(files.a, files.c)).toEqual([
      'timeline: 0 vs 1 rows, first difference at row 0',
    ]);
  });
});

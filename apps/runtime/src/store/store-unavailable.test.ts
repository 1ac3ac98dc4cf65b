import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainSqliteOpenFailure, storeUnavailable } from './store-unavailable';

const withCode = (message: string, code: string, cause?: unknown) =>
  Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });

describe('storeUnavailable', () => {
  it('sees a refused PostgreSQL connection under the drizzle wrapper', () => {
    const driver = withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    const wrapped = new Error('Failed query: select 1\nparams: ', { cause: driver });
    expect(storeUnavailable(wrapped)).toEqual({
      code: 'unavailable',
      message: 'the database is unavailable; try again shortly',
    });
  });

  it('sees a server shutting down (57P01) and a connection dropped mid-query', () => {
    expect(
      storeUnavailable(withCode('terminating connection due to administrator command', '57P01'))?.code,
    ).toBe('unavailable');
    expect(storeUnavailable(new Error('Connection terminated unexpectedly'))?.code).toBe('unavailable');
    expect(storeUnavailable(withCode('the database system is starting up', '57P03'))?.code).toBe(
      'unavailable',
    );
  });

  it('names the SQLite storage problem without paths', () => {
    expect(storeUnavailable(withCode('attempt to write a readonly database', 'SQLITE_READONLY'))).toEqual({
      code: 'storage',
      message: 'the database file is read-only',
    });
    expect(storeUnavailable(withCode('database or disk is full', 'SQLITE_FULL'))?.message).toMatch(/full/);
    expect(storeUnavailable(withCode('disk I/O error', 'SQLITE_IOERR_WRITE'))?.code).toBe('storage');
  });

  it('leaves every other failure alone (constraint violations, bugs)', () => {
    expect(storeUnavailable(withCode('duplicate key value', '23505'))).toBeNull();
    expect(storeUnavailable(withCode('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storeUnavailable(new TypeError('x is undefined'))).toBeNull();
    expect(storeUnavailable('not an error')).toBeNull();
  });
});

describe('explainSqliteOpenFailure', () => {
  it('leaves failures that are not about storage alone', () => {
    expect(explainSqliteOpenFailure('/tmp/x.db', new Error('boom'))).toBeNull();
  });

  it('names the file and keeps SQLite own words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-explain-'));
    try {
      const text = explainSqliteOpenFailure(
        join(dir, 'caseflow.db'),
        withCode('unable to open database file', 'SQLITE_CANTOPEN'),
      );
      expect(text).toContain(join(dir, 'caseflow.db'));
      expect(text).toMatch(/for writing: .*\(unable to open database file\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

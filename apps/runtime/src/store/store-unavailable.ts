import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Recognises failures that mean "the database cannot take this request right now" — as
 * opposed to a bug or a bad request — so that the API can answer 503 with a stable code and
 * the client can retry: PostgreSQL going away (refused or dropped connections, server shutting
 * down or starting up) and an SQLite file that cannot be written (read-only, disk full, I/O
 * error, locked for longer than the busy timeout).
 */
export interface StoreUnavailable {
  /** API error code: `unavailable` (database unreachable) or `storage` (file cannot be written). */
  code: 'unavailable' | 'storage';
  /** A message safe to show: no SQL, no parameters, no paths. */
  message: string;
}

/** Node socket errors of a connection that is refused, dropped or timed out. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (admin shutdown, crash
 * shutdown, cannot connect now), 53300 (too many connections).
 */
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
/** SQLite result codes (better-sqlite3 sets `code`, extended codes included) per cause. */
const SQLITE_STORAGE: Array<[RegExp, string]> = [
  [/^SQLITE_READONLY/, 'the database file is read-only'],
  [/^SQLITE_FULL/, 'the disk holding the database is full'],
  [/^SQLITE_IOERR/, 'the database file could not be written (I/O error)'],
  [/^SQLITE_CANTOPEN/, 'the database file cannot be opened'],
  [/^SQLITE_BUSY/, 'the database is busy'],
];
/** node-postgres reports a connection lost mid-query with these messages and no code. */
const PG_LOST = /Connection terminated|connection timeout|Client has encountered a connection error/i;

/** The first store-unavailable reason in `err` or its `cause` chain (drizzle wraps driver errors), else null. */
export function storeUnavailable(err: unknown): StoreUnavailable | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code) || PG_UNAVAILABLE.test(code)) {
        return { code: 'unavailable', message: 'the database is unavailable; try again shortly' };
      }
      for (const [pattern, message] of SQLITE_STORAGE) {
        if (pattern.test(code)) return { code: 'storage', message };
      }
    }
    if (PG_LOST.test(e.message)) {
      return { code: 'unavailable', message: 'the database is unavailable; try again shortly' };
    }
  }
  return null;
}

/**
 * Why an SQLite file at `file` could not be opened for writing, in words an operator can act
 * on ("…: the file system is read-only"), or null when `err` is not a storage failure. SQLite
 * itself only says "unable to open database file", so the directory is probed: access(W_OK)
 * answers EROFS on a read-only mount even for root, and statfs shows a full disk.
 */
export function explainSqliteOpenFailure(file: string, err: unknown): string | null {
  const down = storeUnavailable(err);
  if (down?.code !== 'storage') return null;
  const dir = dirname(file);
  let reason = down.message;
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
    const fs = statfsSync(dir);
    if (fs.bavail === 0) reason = 'the disk holding the database is full';
  } catch (probe) {
    const code = (probe as { code?: string }).code;
    if (code === 'EROFS') reason = 'the file system holding the database is read-only';
    else if (code === 'EACCES' || code === 'EPERM')
      reason = 'the database file or its directory is not writable';
  }
  return `cannot open the SQLite database ${file} for writing: ${reason} (${(err as Error).message})`;
}

import { and, type Column, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { Page, PageQuery } from './store';

/** Page size when the caller gives none. */
export const DEFAULT_LIMIT = 50;
/** Largest page size a caller may ask for. */
export const MAX_LIMIT = 500;

/** The effective page size of a query: default 50, clamped to 1..500. */
export function pageLimit(query: PageQuery | undefined): number {
  const limit = query?.limit ?? DEFAULT_LIMIT;
  if (!Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/** A decoded cursor: the sort key and the id of the last row of the previous page. */
export type Cursor = [sortKey: number | string, id: string];

/** Encodes the position after `row` as an opaque string (base64url JSON). */
export function encodeCursor(sortKey: number | string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

/**
 * A part of a cursor a query can bind: a safe integer, or a string without NUL (PostgreSQL
 * refuses NUL in text) of sane length. Cursors come from clients, who can send anything.
 */
function bindable(v: unknown): v is number | string {
  if (typeof v === 'number') return Number.isSafeInteger(v);
  return typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000');
}

/** A cursor this API did not hand out (garbled, or with keys no query can bind): a 400. */
export class InvalidCursor extends Error {
  constructor() {
    super('cursor is not one this list gave: start again without it');
    this.name = 'InvalidCursor';
  }
}

/**
 * Decodes a cursor made by encodeCursor; null when absent. Throws InvalidCursor for anything
 * else: silently starting again at the first page would loop a client paging with a broken one.
 */
export function decodeCursor(cursor: string | null | undefined): Cursor | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    bindable(value[0]) &&
    typeof value[1] === 'string' &&
    bindable(value[1])
  ) {
    return [value[0], value[1]];
  }
  throw new InvalidCursor();
}

/**
 * The keyset condition "strictly after the cursor" for rows ordered by (sortCol, idCol) in
 * `direction`; undefined when there is no cursor. Works on both dialects' columns.
 */
export function afterCursor(
  sortCol: Column,
  idCol: Column,
  cursor: Cursor | null,
  direction: 'asc' | 'desc',
): SQL | undefined {
  if (!cursor) return undefined;
  const [key, id] = cursor;
  // A sort key of the wrong type (a string for a millisecond column) is a garbled cursor: the
  // database would refuse the comparison (PostgreSQL: invalid input syntax for type bigint).
  if ((sortCol.dataType === 'number') !== (typeof key === 'number')) return undefined;
  const beyond = direction === 'asc' ? gt : lt;
  return or(beyond(sortCol, key), and(eq(sortCol, key), beyond(idCol, id)));
}

/**
 * Cuts a result fetched with `limit + 1` rows into a page: the extra row only proves that a
 * next page exists; the cursor points after the last row kept.
 */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => [number | string, string]): Page<T> {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1]!;
  const [sortKey, id] = key(last);
  return { items, next: encodeCursor(sortKey, id) };
}

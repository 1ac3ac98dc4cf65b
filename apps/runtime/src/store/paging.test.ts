import { describe, expect, it } from 'vitest';
import { afterCursor, decodeCursor, encodeCursor, InvalidCursor } from './paging';
import { customers, tasks } from './sqlite/schema';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor(1767600000000, 'cmk0abc'))).toEqual([1767600000000, 'cmk0abc']);
    expect(decodeCursor(encodeCursor('c-1001', 'c-1001'))).toEqual(['c-1001', 'c-1001']);
  });

  it('refuses keys a query cannot bind and text that is no cursor (InvalidCursor), never a query error', () => {
    for (const bad of [
      [1e300, 'x'],
      [1.5, 'x'],
      [Number.MAX_SAFE_INTEGER + 2, 'x'],
      [1, 'a\u0000b'],
      ['\u0000', 'x'],
      [1, 'x'.repeat(5000)],
      [1, 2],
      [null, 'x'],
    ]) {
      expect(() => decodeCursor(raw(bad)), JSON.stringify(bad)).toThrow(InvalidCursor);
    }
    expect(() => decodeCursor('%%%')).toThrow(InvalidCursor);
    expect(() => decodeCursor('garbage')).toThrow(InvalidCursor);
    expect(decodeCursor('')).toBeNull();
  });
});

describe('afterCursor', () => {
  it('ignores a sort key of the wrong type for the column (a string for created_at)', () => {
    expect(afterCursor(tasks.createdAt, tasks.id, ['', ''], 'asc')).toBeUndefined();
    expect(afterCursor(customers.id, customers.id, [5, 'x'], 'asc')).toBeUndefined();
  });

  it('builds the keyset condition for a key of the right type', () => {
    expect(afterCursor(tasks.createdAt, tasks.id, [1767600000000, 'x'], 'asc')).toBeDefined();
    expect(afterCursor(customers.id, customers.id, ['c-1001', 'c-1001'], 'asc')).toBeDefined();
  });
});

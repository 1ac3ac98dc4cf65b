import { describe, expect, it } from 'vitest';
import { onlyKeys, textOrNothing, withEntry } from './text-map';

describe('text maps', () => {
  it('sets and removes an entry, and leaves no empty map', () => {
    expect(withEntry(undefined, 'a', 'A')).toEqual({ a: 'A' });
    expect(withEntry({ a: 'A', b: 'B' }, 'a', undefined)).toEqual({ b: 'B' });
    expect(withEntry({ a: 'A' }, 'a', textOrNothing('  '))).toBeUndefined();
  });

  it('keeps only the named keys', () => {
    expect(onlyKeys({ a: 1, b: 2 }, ['b', 'c'])).toEqual({ b: 2 });
    expect(onlyKeys({ a: 1 }, [])).toBeUndefined();
    expect(onlyKeys(undefined, ['a'])).toBeUndefined();
  });
});

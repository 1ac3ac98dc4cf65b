import { describe, expect, it } from 'vitest';
import { countdown, formatSpan } from './format';

describe('formatSpan', () => {
  it('uses the two largest units', () => {
    expect(formatSpan(2 * 86400_000 + 3 * 3600_000)).toBe('2d 3h');
    expect(formatSpan(3900_000)).toBe('1h 05m');
    expect(formatSpan(250_000)).toBe('4m 10s');
    expect(formatSpan(12_000)).toBe('12s');
  });
});

describe('countdown', () => {
  it('says how long until due, or how long overdue', () => {
    expect(countdown(10 * 60_000, 0)).toBe('due in 10m 00s');
    expect(countdown(0, 180_000)).toBe('overdue by 3m 00s');
    expect(countdown(null, 0)).toBe('no due time');
  });
});

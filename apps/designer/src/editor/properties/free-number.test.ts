import { describe, expect, it } from 'vitest';
import { freeNumber } from './free-number';

describe('a free id number', () => {
  it('skips numbers in use', () => {
    expect(freeNumber(['L1', 'L3'], 'L', 3)).toBe(4);
    expect(freeNumber(['L1', 'L2'], 'L', 3)).toBe(3);
    expect(freeNumber([], 'sla-', 0)).toBe(1);
  });
});

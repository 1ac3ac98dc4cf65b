import { describe, expect, it } from 'vitest';
import { fitCount } from './fit-count';

describe('fitCount', () => {
  it('keeps every item when all fit, gaps included', () => {
    expect(fitCount([100, 100, 100], 10, 320, 50)).toBe(3);
    expect(fitCount([], 10, 0, 50)).toBe(0);
  });

  it('leaves room for the "more" control once they do not', () => {
    // 3 items need 320; only 319: two items (210) beside "more" (50) need 270, a third 380.
    expect(fitCount([100, 100, 100], 10, 319, 50)).toBe(2);
    expect(fitCount([100, 100, 100], 10, 269, 50)).toBe(1);
    expect(fitCount([100, 100, 100], 10, 100, 50)).toBe(0);
  });

  it('never skips an item to fit a later, narrower one', () => {
    expect(fitCount([50, 300, 20], 0, 200, 60)).toBe(1);
  });
});

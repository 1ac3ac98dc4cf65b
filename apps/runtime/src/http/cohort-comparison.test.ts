import { describe, expect, it } from 'vitest';
import { twoProportionZ } from './cohort-comparison';

describe('twoProportionZ', () => {
  it('is null without observations on a side', () => {
    expect(twoProportionZ(1, 0, 3, 10)).toBeNull();
  });

  it('calls a small-sample difference noise', () => {
    // 3/5 against 2/5: far too few cases to tell.
    const z = twoProportionZ(3, 5, 2, 5)!;
    expect(Math.abs(z)).toBeLessThan(1.96);
  });

  it('calls the same rates on large samples a real difference', () => {
    // 60 % against 40 % over 500 cases each.
    expect(twoProportionZ(300, 500, 200, 500)!).toBeGreaterThan(1.96);
  });
});

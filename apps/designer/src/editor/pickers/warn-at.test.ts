import { describe, expect, it } from 'vitest';
import { warnAtFractions, warnAtPercents } from './warn-at';

describe('SLA warnings in percent', () => {
  it('shows fractions as percentages without floating-point noise', () => {
    expect(warnAtPercents([0.5, 0.7, 0.125])).toEqual(['50', '70', '12.5']);
    expect(warnAtPercents(undefined)).toEqual([]);
  });

  it('reads typed percentages as sorted fractions, once each', () => {
    expect(warnAtFractions(['80%', '50', ' 12.5 ', '80'])).toEqual([0.125, 0.5, 0.8]);
  });

  it('leaves out what is no share of the target', () => {
    expect(warnAtFractions(['0', '100', '150', '-5', 'soon', ''])).toEqual([]);
  });
});

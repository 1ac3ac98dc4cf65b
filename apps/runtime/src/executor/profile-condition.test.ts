import { describe, expect, it } from 'vitest';
import { profileCondition } from './profile-condition';

describe('profileCondition', () => {
  it('holds like a FEEL condition over the profile', () => {
    expect(profileCondition('segment = "gold"', { segment: 'gold' }, 0)).toBe(true);
    expect(profileCondition('segment = "gold"', { segment: 'basic' }, 0)).toBe(false);
  });

  it('does not hold, rather than failing, when the segment goes over the expression budget', () => {
    expect(profileCondition('count(for i in 1..100000000 return i) > 0', {}, 0)).toBe(false);
  });
});

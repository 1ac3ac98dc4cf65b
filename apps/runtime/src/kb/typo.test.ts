import { describe, expect, it } from 'vitest';
import { corrections, editDistance, maxEdits } from './typo';

describe('typo tolerance', () => {
  it('measures edits with transpositions and stops past the limit', () => {
    expect(editDistance('password', 'pasword', 2)).toBe(1);
    expect(editDistance('crad', 'card', 1)).toBe(1);
    expect(editDistance('senha', 'snha', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('allows no edit under 4 letters, one up to 5, two beyond', () => {
    expect([3, 4, 5, 6, 12].map(maxEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  it('answers the nearest words first', () => {
    expect(corrections('bloqeuar', ['bloquear', 'bloqueio', 'blog', 'bloqueado'])).toEqual(['bloquear']);
    expect(corrections('cart', ['card', 'cart', 'carta'])).toEqual(['card', 'carta']);
    expect(corrections('abc', ['abd'])).toEqual([]);
  });
});

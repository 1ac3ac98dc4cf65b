import { describe, expect, it } from 'vitest';
import { passwordProblem, passwordProblemOf } from './password-rules';

describe('passwordProblem', () => {
  it('accepts a long enough password typed twice alike', () => {
    expect(passwordProblem('a-good-one', 'a-good-one')).toBeNull();
  });
  it('names what is wrong', () => {
    expect(passwordProblem('short', 'short')).toMatch(/at least 8/);
    expect(passwordProblem('x'.repeat(257), 'x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('         ', '         ')).toMatch(/blank/);
    expect(passwordProblem('a-good-one', 'a-good-two')).toMatch(/differ/);
  });

  it('names each problem by a message id with the limits as values', () => {
    expect(passwordProblemOf('short', 'short')).toEqual({
      id: 'password.tooShort',
      values: { min: 8, max: 256 },
    });
    expect(passwordProblemOf('a-good-one', 'a-good-two')?.id).toBe('password.mismatch');
    expect(passwordProblemOf('a-good-one', 'a-good-one')).toBeNull();
  });
});

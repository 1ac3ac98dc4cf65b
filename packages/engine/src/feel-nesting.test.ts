import { describe, expect, it } from 'vitest';
import { feelSyntaxError } from './feel';
import { FEEL_MAX_NESTING, tooDeepAt } from './feel-nesting';
import { feelPatternLiterals } from './feel-patterns';

const nested = (n: number) => `${'{a:'.repeat(n)}1${'}'.repeat(n)}`;

describe('tooDeepAt', () => {
  it('finds the first bracket past the limit, counting (, [ and { alike', () => {
    expect(tooDeepAt(nested(FEEL_MAX_NESTING))).toBe(-1);
    expect(tooDeepAt(nested(FEEL_MAX_NESTING + 1))).toBe(3 * FEEL_MAX_NESTING);
    expect(tooDeepAt(`${'(['.repeat(40)}1${'])'.repeat(40)}`)).toBe(FEEL_MAX_NESTING);
  });

  it('skips brackets inside string literals, escaped quotes included', () => {
    expect(tooDeepAt(`"${'('.repeat(500)}"`)).toBe(-1);
    expect(tooDeepAt(`"\\"${'('.repeat(500)}"`)).toBe(-1);
  });
});

describe('a deeply nested expression', () => {
  it('is a syntax error naming where it went too deep, found without parsing it', () => {
    const expression = nested(2000);
    const error = feelSyntaxError(expression);
    expect(error?.message).toContain(`more than ${FEEL_MAX_NESTING}`);
    expect(error?.from).toBe(3 * FEEL_MAX_NESTING);
    expect(feelPatternLiterals(`matches(x, "a") and ${expression}`)).toEqual([]);
  });

  it('leaves expressions within the limit to the parser', () => {
    expect(feelSyntaxError(nested(FEEL_MAX_NESTING))).toBeNull();
  });
});

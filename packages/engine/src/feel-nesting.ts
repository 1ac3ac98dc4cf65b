/**
 * Brackets (`(`, `[`, `{`) an expression may nest. FEEL's parser takes seconds on an expression
 * nested a few thousand deep before it fails on it; no real expression nests past a dozen.
 */
export const FEEL_MAX_NESTING = 64;

/**
 * The offset of the first bracket nested deeper than FEEL_MAX_NESTING in `expression` (string
 * literals skipped), or -1. One pass over the text: it runs before any parse.
 */
export function tooDeepAt(expression: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > FEEL_MAX_NESTING) return i;
    } else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return -1;
}

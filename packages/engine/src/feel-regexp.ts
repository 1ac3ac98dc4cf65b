import { RE2JS } from 're2js';

/**
 * Regular expressions from flows and forms (FEEL `matches`, `replace`, `split`, form field
 * `pattern`s) run on RE2 (the `re2js` port): matching time is linear in the input whatever the
 * pattern, so a pattern such as `^(\w|\d)+$` cannot backtrack for seconds. RE2 has no
 * backreferences or lookaround; a pattern that uses them is reported, never run.
 */

/** Patterns longer than this are refused: they come from flows and forms, not from prose. */
export const MAX_PATTERN_LENGTH = 1000;

const cache = new Map<string, RE2JS | string>();
const CACHE_LIMIT = 1000;

/** ECMAScript escapes RE2 spells differently: `\u00e9` and `\u{1F600}` become `\x{…}`. */
function fromEcmaScript(pattern: string): string {
  if (!pattern.includes('\\u')) return pattern;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = pattern[i + 1];
    const braced = next === 'u' ? /^\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(i + 2, i + 11)) : null;
    const four = next === 'u' && !braced ? /^[0-9A-Fa-f]{4}/.exec(pattern.slice(i + 2, i + 6)) : null;
    if (braced) {
      out += `\\x{${braced[1]}}`;
      i += 1 + braced[0].length;
    } else if (four) {
      out += `\\x{${four[0]}}`;
      i += 5;
    } else {
      out += char + (next ?? '');
      i++;
    }
  }
  return out;
}

function flagBits(flags: string): number {
  let bits = 0;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  return bits;
}

/**
 * The compiled pattern, or why it cannot be used (in words, for a problem or an error
 * message). `flags` may hold i, m and s; others (g, u) change nothing here. Memoised.
 */
export function compilePattern(pattern: string, flags = ''): RE2JS | string {
  const bits = flagBits(flags);
  const key = `${bits}/${pattern}`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    if (pattern.length > MAX_PATTERN_LENGTH) compiled = `is longer than ${MAX_PATTERN_LENGTH} characters`;
    else {
      try {
        compiled = RE2JS.compile(fromEcmaScript(pattern), bits);
      } catch (error) {
        const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
        compiled = `cannot be used (${reason}); patterns may not use lookaround or backreferences`;
      }
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, compiled);
  }
  return compiled;
}

/** Why `pattern` cannot be used, or null when it compiles. */
export function patternProblem(pattern: string): string | null {
  const compiled = compilePattern(pattern);
  return typeof compiled === 'string' ? compiled : null;
}

/**
 * Whether `value` contains a match of `pattern` (anchor it with ^…$ to match the whole), as
 * JSON Schema's `pattern` and FEEL's `matches` do; null when the pattern cannot be used.
 * Linear in the length of `value`.
 */
export function patternMatches(pattern: string, value: string, flags = ''): boolean | null {
  const compiled = compilePattern(pattern, flags);
  return typeof compiled === 'string' ? null : compiled.test(value);
}

/** A replacement text cut into literal parts and references to the match (0) or a group. */
type Part = string | number | { name: string };

function replacementParts(replacement: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  const reference = (part: Part, length: number) => {
    parts.push(literal, part);
    literal = '';
    return length;
  };
  for (let i = 0; i < replacement.length; i++) {
    const char = replacement[i]!;
    if (char !== '$') {
      literal += char;
      continue;
    }
    const rest = replacement.slice(i + 1, i + 64);
    const group = /^\d{1,2}/.exec(rest);
    const named = /^<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (rest.startsWith('$')) {
      literal += '$';
      i++;
    } else if (rest.startsWith('&')) i += reference(0, 1);
    else if (group) i += reference(Number(group[0]), group[0].length);
    else if (named) i += reference({ name: named[1]! }, named[0].length);
    else literal += char;
  }
  parts.push(literal);
  return parts;
}

/**
 * `input` with every match of `pattern` replaced, as JavaScript's `replace` with a global
 * pattern does (`$&` or `$0` the match, `$1`… groups, `$<name>`, `$$`). Throws `tooLong(size)`'s
 * error as soon as the result would pass `maxLength`, before building it.
 */
export function replaceAll(
  pattern: RE2JS,
  input: string,
  replacement: string,
  maxLength: number,
  tooLong: (size: number) => Error,
): string {
  const parts = replacementParts(replacement);
  let out = '';
  let last = 0;
  for (const match of pattern.matchAll(input)) {
    const index = match.index ?? 0;
    out += input.slice(last, index);
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else if (typeof part === 'number') out += match[part] ?? '';
      else out += match.groups?.[part.name] ?? '';
    }
    if (out.length > maxLength) throw tooLong(out.length);
    last = index + match[0].length;
  }
  out += input.slice(last);
  if (out.length > maxLength) throw tooLong(out.length);
  return out;
}

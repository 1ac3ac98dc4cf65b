/** The deepest nesting of arrays and objects a JSON body may have (DESIGN §8 "Limits"). */
export const MAX_JSON_DEPTH = 64;

/** What scanJson found wrong, and where (a dotted path like zod's: "variables.a.0"). */
export interface JsonScanProblem {
  code: 'too-deep' | 'nul' | 'lone-surrogate' | 'reserved-key';
  path: string;
  message: string;
}

interface Level {
  array: boolean;
  /** The current member: the last key read (objects) or the element index (arrays). */
  key: string | number;
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const HEX4 = /^[0-9a-fA-F]{4}$/;
/**
 * A run of string characters that need no look: everything but a quote, a backslash, NUL and
 * the surrogate halves. Skipped by the regex engine, so the megabytes of a base64 attachment are
 * not walked one character at a time in JavaScript.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters it stops at
const PLAIN_RUN = /[^"\\\u0000\ud800-\udfff]+/y;

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** The code unit of a `\uXXXX` escape starting at `i` (the backslash), or -1 if there is none. */
function escapedUnit(text: string, i: number): number {
  if (text.charCodeAt(i) !== BACKSLASH || text.charCodeAt(i + 1) !== 0x75) return -1;
  const hex = text.slice(i + 2, i + 6);
  return HEX4.test(hex) ? Number.parseInt(hex, 16) : -1;
}

/**
 * Checks JSON text before it is parsed, in one pass and without recursion: nesting deeper than
 * `maxDepth`, a NUL character (raw or escaped as `\u0000`) and a lone UTF-16 surrogate
 * (`\ud800` without its pair) in any string or key, and a `__proto__` key (JSON.parse makes it
 * an own member, but every copy or schema parse after it drops it or sets a prototype). PostgreSQL refuses the last two in text and
 * jsonb, and deep nesting overflows the stack of the recursive code that later walks the value.
 * Malformed JSON is not reported here: JSON.parse rejects it afterwards. Pure.
 */
export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonScanProblem | null {
  const stack: Level[] = [];
  let expectKey = false;
  let inString = false;
  let stringStart = 0;
  let stringIsKey = false;
  const pathOf = (levels: Level[]) => levels.map((l) => String(l.key)).join('.');
  // A bad key belongs to its object; a bad value to the member that holds it.
  const here = () => (stringIsKey ? pathOf(stack.slice(0, -1)) : pathOf(stack));

  for (let i = 0; i < text.length; i++) {
    if (inString) {
      PLAIN_RUN.lastIndex = i;
      if (PLAIN_RUN.test(text)) {
        i = PLAIN_RUN.lastIndex - 1;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) {
        const unit = escapedUnit(text, i);
        if (unit < 0) {
          i++; // a two-character escape such as \" or \\: skip the escaped character
          continue;
        }
        if (unit === 0) return nul(here());
        if (isHigh(unit)) {
          if (!isLow(escapedUnit(text, i + 6))) return lone(here());
          i += 6;
        } else if (isLow(unit)) {
          return lone(here());
        }
        i += 5;
        continue;
      }
      if (c === QUOTE) {
        inString = false;
        if (stringIsKey) {
          const key = keyText(text.slice(stringStart, i + 1));
          stack[stack.length - 1]!.key = key;
          // Parsed, it would set the object's prototype instead of a member: lost without a word.
          if (key === '__proto__') {
            return {
              code: 'reserved-key',
              path: pathOf(stack),
              message: 'the key "__proto__" is not accepted',
            };
          }
        }
        continue;
      }
      if (c === 0) return nul(here());
      if (isHigh(c)) {
        if (!isLow(text.charCodeAt(i + 1))) return lone(here());
        i++;
      } else if (isLow(c)) {
        return lone(here());
      }
      continue;
    }
    switch (c) {
      case QUOTE: {
        const top = stack[stack.length - 1];
        inString = true;
        stringStart = i;
        stringIsKey = top !== undefined && !top.array && expectKey;
        break;
      }
      case 0x7b: // {
      case 0x5b: // [
        if (stack.length >= maxDepth) {
          return {
            code: 'too-deep',
            path: pathOf(stack),
            message: `JSON is nested deeper than ${maxDepth} levels`,
          };
        }
        stack.push({ array: c === 0x5b, key: c === 0x5b ? 0 : '' });
        expectKey = c === 0x7b;
        break;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        expectKey = false;
        break;
      case 0x2c: {
        // ,
        const top = stack[stack.length - 1];
        if (top?.array) top.key = (top.key as number) + 1;
        else expectKey = true;
        break;
      }
      case 0x3a: // :
        expectKey = false;
        break;
      case 0:
        return nul(pathOf(stack));
    }
  }
  return null;
}

function nul(path: string): JsonScanProblem {
  return { code: 'nul', path, message: 'NUL characters (\\u0000) are not allowed' };
}

function lone(path: string): JsonScanProblem {
  return { code: 'lone-surrogate', path, message: 'unpaired UTF-16 surrogates are not allowed' };
}

/** A key's text as JSON.parse reads it; the raw text when it does not parse (JSON.parse then fails anyway). */
function keyText(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted.slice(1, -1);
  }
}

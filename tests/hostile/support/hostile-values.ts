import fc from 'fast-check';

/**
 * JSON text written verbatim where a value stands: numbers JSON.stringify cannot write (NaN,
 * 1e400), nesting too deep to build as objects in the test process, malformed fragments.
 */
export class RawJson {
  constructor(
    readonly text: string,
    /** How reports show it (the text may be megabytes). */
    readonly label: string,
  ) {}
}

/**
 * An object built key by key on a null prototype, so that keys such as `__proto__` are sent
 * as keys instead of changing the object's prototype in the test process.
 */
export function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = Object.create(null);
  for (const [k, v] of entries) o[k] = v;
  return o;
}

/** JSON text of a value that may hold RawJson parts (written as they are). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A short readable form of a value for failure reports: long strings and raw texts abbreviated. */
export function abbreviate(value: unknown, depth = 0): string {
  if (value instanceof RawJson) return `<${value.label}>`;
  if (typeof value === 'string') {
    const shown = value.length > 120 ? `${value.slice(0, 60)}…(${value.length} chars)` : value;
    return JSON.stringify(shown);
  }
  if (depth > 6) return '…';
  if (Array.isArray(value)) {
    const head = value.slice(0, 8).map((v) => abbreviate(v, depth + 1));
    return `[${head.join(',')}${value.length > 8 ? `,…(${value.length} items)` : ''}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const head = entries.slice(0, 12).map(([k, v]) => `${JSON.stringify(k)}:${abbreviate(v, depth + 1)}`);
    return `{${head.join(',')}${entries.length > 12 ? `,…(${entries.length} keys)` : ''}}`;
  }
  return String(value);
}

const raw = (text: string, label = text) => new RawJson(text, label);

/** Numbers at and past the edges, including ones JSON cannot carry (sent raw: a parser must refuse them). */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, -2147483649, 2147483648, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324),
  fc.constantFrom(
    ...[
      'NaN',
      'Infinity',
      '-Infinity',
      '1e400',
      '-1e400',
      '1e-400',
      '-0',
      '123456789012345678901234567890',
    ].map((t) => raw(t)),
  ),
  fc.integer(),
  fc.double(),
);

/** Characters that break naive string handling: NUL, lone surrogates, bidi, joiners, BOM, separators. */
const oddUnit = fc.constantFrom(
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u2028',
  '\u0301',
  '\uffff',
  '\u{10ffff}',
  '\u0130',
  '\ufb01',
  '\u001b',
  '\r',
  '\n',
  '\\',
  '"',
  '%',
  'a',
);

const sizes = [5_000, 70_000, 300_000, 1_100_000];

/** Strings over every bound: ASCII, multi-byte, astral, NUL-filled and lone-surrogate-filled. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...sizes), fc.constantFrom('a', 'é', '😀', '\u0000', '\ud800', '<a>'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** Hostile strings: NUL bytes, unicode oddities, injection-looking text, huge strings. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    'lost-card\u0000',
    '\ud800',
    'x\udc00y',
    '\ufeff',
    '\u202eevil',
    'e\u0301\u0301\u0301',
    '\u2028\u2029',
    '👨‍👩‍👧‍👦',
    '\ufb01le',
    '\u0130',
    "' OR '1'='1",
    '"; drop table cases; --',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template injection text, sent as data
    '${7*7}',
    '{{7*7}}',
    '__proto__',
    'constructor',
    'toString',
    '../../../etc/passwd',
    '<script>alert(1)</script>',
    '%00',
    '%zz',
    '\\',
    'null',
    'NaN',
    '-1',
    '1e400',
    '9999-99-99',
    '2026-02-30T25:61:61Z',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.001Z',
    'P200000Y',
    'PT',
  ),
  fc.string({ unit: oddUnit, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  hugeString,
);

/** Nesting past any sane depth, written as raw text (the test process never builds it). */
export const deepNesting: fc.Arbitrary<RawJson> = fc
  .tuple(fc.constantFrom(64, 65, 1_000, 12_000, 120_000), fc.boolean())
  .map(([n, arrays]) =>
    arrays
      ? raw(`${'['.repeat(n)}${']'.repeat(n)}`, `array nested ${n} deep`)
      : raw(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`, `object nested ${n} deep`),
  );

/** Very wide values: long arrays and objects with many keys. */
export const wideValue: fc.Arbitrary<RawJson> = fc.constantFrom(
  raw(`[${Array.from({ length: 100_000 }, () => '0').join(',')}]`, 'array of 100000 zeros'),
  raw(`{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`, 'object with 20000 keys'),
  raw(`[${Array.from({ length: 5_000 }, () => '{"a":[{"b":"c"}]}').join(',')}]`, 'array of 5000 objects'),
);

/** Keys that mean something to JavaScript, SQL JSON paths or the engine. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '',
    '\u0000',
    'a.b',
    '$.x',
    "'",
    'id',
    'x'.repeat(5000),
  ),
  fc.string({ unit: oddUnit, maxLength: 12 }),
);

const scalarOfAnyType: fc.Arbitrary<unknown> = fc.constantFrom(null, true, false, 0, '', 'x', [], {});

/** Any hostile value: wrong type, edge number, hostile string, deep or wide structure. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { weight: 3, arbitrary: scalarOfAnyType },
    { weight: 3, arbitrary: hostileNumber },
    { weight: 4, arbitrary: hostileString },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: wideValue },
    {
      weight: 1,
      arbitrary: fc.array(tie('value'), { maxLength: 3, depthIdentifier: 'hostile' }),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(hostileKey, tie('value')), { maxLength: 3, depthIdentifier: 'hostile' })
        .map(objectOf),
    },
  ),
})).value;

/** Whole request bodies that are not the JSON the route expects. */
export const hostileBodyText: fc.Arbitrary<RawJson> = fc.constantFrom(
  raw('', 'empty body'),
  raw('null'),
  raw('[]'),
  raw('"x"'),
  raw('{'),
  raw('{"a":1}garbage'),
  raw('outcome=done&x=1', 'form-encoded text'),
  raw('\u0000', 'a NUL byte'),
  raw('\ufeff{}', 'BOM then {}'),
  raw('{"a":1,"a":2}', 'duplicate keys'),
  raw('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', 'prototype keys'),
  raw(`"${'\\u0000'.repeat(1000)}"`, 'escaped NULs'),
  raw('{"x":"\\ud800"}', 'escaped lone surrogate'),
);

/** Path segments that are not ids: hostile strings (URL-encoded by the caller) and raw escapes. */
export const hostileSegment: fc.Arbitrary<{ raw: string } | { text: string }> = fc.oneof(
  // At most ~3,000 characters once percent-encoded: request heads stay under 16 KB.
  { weight: 4, arbitrary: hostileString.filter((s) => s.length <= 500).map((text) => ({ text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('%', '%zz', '%C0%80', '%00', '%E0%A4%A', '%FF%FE', '..', '.', '%2e%2e')
      .map((r) => ({
        raw: r,
      })),
  },
);

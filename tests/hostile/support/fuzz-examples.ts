import { encodeLoosely, FuzzRequest, type FuzzWorld, type Sender } from './fuzz-request';
import { objectOf, RawJson } from './hostile-values';
import { type FuzzRoute, type JsonSchema, routeKey } from './openapi-routes';
import type { Hints } from './schema-values';

/** The smallest value `schema` accepts, preferring a hint (a real id) by property name. */
export function minimalValue(schema: JsonSchema, hints: Hints, name = ''): unknown {
  const hinted = hints(name);
  if (hinted?.length) return hinted[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternative = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (alternative) return minimalValue(alternative, hints, name);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'email') return 'fuzz@example.com';
      if (schema.format === 'date-time') return '2026-01-05T08:00:00.000Z';
      if (schema.format === 'date') return '2026-01-05';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => minimalValue(schema.items ?? {}, hints));
    case 'object': {
      const props = schema.properties ?? {};
      return objectOf((schema.required ?? []).map((k) => [k, minimalValue(props[k] ?? {}, hints, k)]));
    }
    default:
      return {};
  }
}

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const deep = (n: number) => new RawJson(`${'['.repeat(n)}${']'.repeat(n)}`, `array nested ${n} deep`);

/** Values every field gets once: NUL, lone surrogate, wrong types, null, a long string, deep nesting. */
const FIELD_VALUES: unknown[] = [
  'a\u0000b',
  '\ud800',
  null,
  {},
  [],
  -1,
  2147483648,
  new RawJson('1e400', '1e400'),
  'x'.repeat(100_000),
  deep(20_000),
  deep(120_000),
];

/**
 * Requests every run sends first, whatever the seed: the hostile classes that have broken
 * routes before (deep nesting, NUL bytes in bodies, paths and queries, null for required
 * objects, cursors of the wrong type, huge values) applied to each field of a minimal valid
 * request, and the valid request as every role. Random generation explores around them.
 */
export function examplesFor(route: FuzzRoute, world: FuzzWorld): FuzzRequest[] {
  const key = routeKey(route);
  const admin: Sender = { kind: 'user', role: 'admin', username: world.users.admin ?? 'admin' };
  const senders: Sender[] = [
    { kind: 'anonymous' },
    ...Object.entries(world.users).map(([role, username]) => ({ kind: 'user' as const, role, username })),
  ];
  const goodSegment = (name: string, schema: JsonSchema) =>
    encodeLoosely(String(world.hints(`path:${name}`)?.[0] ?? minimalValue(schema, () => undefined)));
  const pathWith = (override?: { name: string; segment: string }) => {
    let url = route.template;
    for (const p of route.pathParams) {
      const segment = override?.name === p.name ? override.segment : goodSegment(p.name, p.schema);
      url = url.replace(`{${p.name}}`, segment);
    }
    return url;
  };
  const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
  const valid = route.body ? minimalValue(route.body.schema, world.hints) : undefined;
  const json = hasBody && route.body ? 'application/json' : undefined;
  const make = (url: string, sender: Sender, body: unknown) =>
    new FuzzRequest(
      key,
      route.method,
      url,
      sender,
      hasBody ? body : undefined,
      body === undefined ? undefined : json,
    );

  /** Integers past 32 and 64 bits (database column types), and not quite integers. */
  const numeric = (schema: JsonSchema) =>
    schema.type === 'integer' || schema.type === 'number' || schema.anyOf?.some((s) => s.type === 'integer')
      ? ['0', '-1', '2147483648', '9223372036854775808', '1e3', '1.5', 'NaN']
      : [];
  const out: FuzzRequest[] = senders.map((s) => make(pathWith(), s, valid));
  for (const p of route.pathParams) {
    for (const segment of [
      '%00',
      'a%00b',
      '%zz',
      '%ED%A0%80',
      encodeLoosely('x'.repeat(3000)),
      '..%2F..%2Fetc',
      ...numeric(p.schema),
    ]) {
      out.push(make(pathWith({ name: p.name, segment }), admin, valid));
    }
  }
  for (const q of route.query) {
    for (const value of ['\u0000', '-1', '1e400', 'x'.repeat(3000), '', ...numeric(q.schema)]) {
      out.push(make(`${pathWith()}?${q.name}=${encodeLoosely(value)}`, admin, valid));
    }
    if (q.name === 'cursor') {
      for (const c of [['', ''], [1e300, 'x'], ['\u0000', '\u0000'], [1.5, 'x'], 'x']) {
        out.push(make(`${pathWith()}?cursor=${cursor(c)}`, admin, valid));
      }
    }
  }
  if (hasBody && route.body) {
    for (const whole of [deep(120_000), deep(12_000), null, [], 'x', new RawJson('', 'empty body')]) {
      out.push(make(pathWith(), admin, whole));
    }
    const base =
      valid !== null && typeof valid === 'object' && !Array.isArray(valid)
        ? (valid as Record<string, unknown>)
        : {};
    for (const field of Object.keys(route.body.schema.properties ?? {})) {
      for (const value of FIELD_VALUES) {
        out.push(
          make(
            pathWith(),
            admin,
            objectOf([...Object.entries(base).filter(([k]) => k !== field), [field, value]]),
          ),
        );
      }
    }
    out.push(make(pathWith(), admin, objectOf([...Object.entries(base), ['__proto__', { admin: true }]])));
    out.push(make(pathWith(), admin, objectOf([...Object.entries(base), ['', deep(120_000)]])));
  }
  return out;
}

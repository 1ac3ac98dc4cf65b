import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  abbreviate,
  hostileBodyText,
  hostileKey,
  hostileNumber,
  hostileSegment,
  hostileString,
  hostileValue,
  objectOf,
  RawJson,
  toJsonText,
} from './hostile-values';
import { type FuzzRoute, type RouteParam, routeKey } from './openapi-routes';
import { type Hints, schemaValue } from './schema-values';

/** Who sends a request: nobody, a demo user (by username), or a literal Authorization header. */
export type Sender =
  | { kind: 'anonymous' }
  | { kind: 'user'; role: string; username: string }
  | { kind: 'header'; label: string; value: string };

/** One generated request; reports show it abbreviated (bodies can be megabytes). */
export class FuzzRequest {
  constructor(
    readonly route: string,
    readonly method: string,
    /** Path and query below the origin, already encoded. */
    readonly url: string,
    readonly sender: Sender,
    /** The body value (RawJson parts written verbatim), or undefined for none. */
    readonly body: unknown,
    readonly contentType: string | undefined,
  ) {}

  /** The body as sent. */
  bodyText(): string | undefined {
    return this.body === undefined ? undefined : toJsonText(this.body);
  }

  /** One line for reports. */
  describe(): string {
    const who =
      this.sender.kind === 'user'
        ? `as ${this.sender.username} (${this.sender.role})`
        : this.sender.kind === 'header'
          ? `with Authorization ${this.sender.label}`
          : 'anonymous';
    const url = this.url.length > 300 ? `${this.url.slice(0, 300)}…(${this.url.length} chars)` : this.url;
    const body = this.body === undefined ? 'no body' : `body ${abbreviate(this.body)}`;
    return `${this.method} ${url} ${who}, ${body}${this.contentType ? `, content-type ${this.contentType}` : ''}`;
  }

  [fc.toStringMethod](): string {
    return this.describe();
  }
}

/** What the generators draw from besides the schemas: users, known ids, the token secret. */
export interface FuzzWorld {
  /** Role → username of the demo user who signs in as it. */
  users: Record<string, string>;
  /** Valid tokens (by username) to tamper with. */
  tokens: Record<string, string>;
  /** The runtime's token secret: tokens with hostile claims are forged with it. */
  secret: string;
  /** Known-good values by property or parameter name. */
  hints: Hints;
}

/** Signs `claims` the way the runtime signs tokens (auth/tokens.ts), with `secret`. */
function forge(claims: unknown, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const mac = createHmac('sha256', secret).update(`caseflow-token.${payload}`).digest('base64url');
  return `${payload}.${mac}`;
}

/**
 * Bad, absent, tampered and forged credentials. Tokens signed with the real key carry only
 * claims the runtime itself could have signed (no NUL in a username: usernames are checked on
 * creation): whoever holds the key can sign in as anyone anyway.
 */
function badHeaders(world: FuzzWorld): Array<{ label: string; value: string }> {
  const token = world.tokens[world.users.admin ?? 'admin'] ?? 'x.y';
  const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
  const year2100 = Date.UTC(2100, 0, 1);
  const claims = (sub: unknown, exp: unknown = year2100) => forge({ sub, iat: 0, exp }, world.secret);
  return [
    { label: 'Bearer (empty)', value: 'Bearer ' },
    { label: 'Bearer garbage', value: 'Bearer not-a-token' },
    { label: 'Bearer of two dots', value: 'Bearer a.b.c' },
    { label: 'a tampered admin token', value: `Bearer ${flipped}` },
    { label: 'a token without "Bearer"', value: token },
    { label: 'Basic credentials', value: `Basic ${Buffer.from('admin:demo1234').toString('base64')}` },
    {
      label: 'a token of the wrong key',
      value: `Bearer ${forge({ sub: 'admin', iat: 0, exp: year2100 }, 'guess')}`,
    },
    {
      label: 'an unsigned token',
      value: `Bearer ${Buffer.from('{"sub":"admin","exp":4102444800000}').toString('base64url')}.`,
    },
    { label: 'an 8 KB token', value: `Bearer ${'A'.repeat(8000)}.${'B'.repeat(43)}` },
    { label: 'a signed token for an unknown user', value: `Bearer ${claims('mallory')}` },
    { label: 'a signed token with an object subject', value: `Bearer ${claims({ $ne: null })}` },
    { label: 'a signed token for a 5000-char user', value: `Bearer ${claims('x'.repeat(5000))}` },
    { label: 'a signed token with a string expiry', value: `Bearer ${claims('admin', 'never')}` },
    { label: 'an expired signed token', value: `Bearer ${claims('admin', 1)}` },
  ];
}

function senderArb(world: FuzzWorld): fc.Arbitrary<Sender> {
  const users = Object.entries(world.users).map(([role, username]) => ({
    kind: 'user' as const,
    role,
    username,
  }));
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...users) },
    { weight: 2, arbitrary: fc.constant({ kind: 'anonymous' as const }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...badHeaders(world).map((h) => ({ kind: 'header' as const, ...h }))),
    },
  );
}

/**
 * encodeURIComponent that does not throw: a lone surrogate (no UTF-8 form) becomes the raw
 * bytes of its CESU-8 form, %ED%A0%80 and the like, which is malformed UTF-8 for the server.
 */
export function encodeLoosely(text: string): string {
  return text
    .split(/(\p{Cs})/u)
    .map((part) => {
      if (!/^\p{Cs}$/u.test(part)) return encodeURIComponent(part);
      const c = part.charCodeAt(0);
      const bytes = [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
      return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

/** Strings short enough for a URL (Node refuses request heads over 16 KB before any route runs). */
const urlSafeHostile = hostileString.filter((s) => encodeLoosely(s).length <= 2000);

/** A path segment: a known id, a schema value, a hostile string (encoded) or a raw bad escape. */
function segmentArb(param: RouteParam, hints: Hints): fc.Arbitrary<string> {
  const known = hints(`path:${param.name}`) ?? [];
  const options: Array<fc.WeightedArbitrary<string>> = [
    {
      weight: 2,
      arbitrary: schemaValue(param.schema, () => undefined).map((v) => encodeLoosely(String(v))),
    },
    { weight: 3, arbitrary: hostileSegment.map((s) => ('raw' in s ? s.raw : encodeLoosely(s.text))) },
  ];
  if (known.length) {
    options.push({
      weight: 5,
      arbitrary: fc.constantFrom(...known.map((k) => encodeLoosely(String(k)))),
    });
  }
  return fc.oneof(...options);
}

/** A query parameter value as text: schema-valid, hinted, hostile or an edge number. */
function queryValueArb(param: RouteParam, hints: Hints): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: schemaValue(param.schema, hints, param.name).map((v) => String(v)) },
    { weight: 3, arbitrary: urlSafeHostile },
    { weight: 1, arbitrary: hostileNumber.map((n) => (n instanceof RawJson ? n.text : String(n))) },
    {
      // Cursors that decode to keys of the wrong type or size.
      weight: param.name === 'cursor' ? 3 : 0,
      arbitrary: fc
        .tuple(
          fc.oneof(hostileNumber, urlSafeHostile, fc.constant(null)),
          fc.oneof(urlSafeHostile, fc.integer()),
        )
        .map(([k, id]) => Buffer.from(toJsonText([k, id])).toString('base64url')),
    },
  );
}

function queryArb(route: FuzzRoute, hints: Hints): fc.Arbitrary<string> {
  const declared = route.query.map((p) =>
    fc.option(
      queryValueArb(p, hints).map((v) => [p.name, v] as [string, string]),
      { nil: undefined, freq: 2 },
    ),
  );
  const extra = fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...route.query.map((p) => p.name), 'limit', 'cursor', '__proto__'),
        fc.string({ maxLength: 8 }),
      ),
      fc.oneof(urlSafeHostile, fc.constant('')),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...declared), extra).map(([pairs, more]) => {
    const all = [...pairs.filter((p): p is [string, string] => p !== undefined), ...more];
    if (all.length === 0) return '';
    // Whole request heads stay under Node's 16 KB limit (its 431 comes before any route).
    const encoded = all.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`);
    while (encoded.join('&').length > 5000) encoded.pop();
    return encoded.length ? `?${encoded.join('&')}` : '';
  });
}

type Path = Array<string | number>;

/** Paths to the containers and values inside `value` (depth-first, bounded). */
function pathsIn(value: unknown, limit = 400): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Path) => {
    if (out.length >= limit || path.length > 10) return;
    out.push(path);
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, i]);
    } else if (v !== null && typeof v === 'object' && !(v instanceof RawJson)) {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    }
  };
  walk(value, []);
  return out;
}

const REMOVE = Symbol('remove');

/** A copy of `value` with the thing at `path` replaced (or removed with REMOVE). */
function setIn(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next === REMOVE ? undefined : next;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (next === REMOVE && rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = setIn(copy[Number(head)], rest, next);
    return copy;
  }
  const entries = Object.entries(value as object);
  if (next === REMOVE && rest.length === 0) return objectOf(entries.filter(([k]) => k !== head));
  return objectOf(entries.map(([k, v]) => [k, k === head ? setIn(v, rest, next) : v]));
}

/** A copy of `value` with `key: extra` added to the object at `path`. */
function addIn(value: unknown, path: Path, key: string, extra: unknown): unknown {
  const target = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
  if (target === null || typeof target !== 'object' || Array.isArray(target) || target instanceof RawJson) {
    return setIn(value, path, objectOf([[key, extra]]));
  }
  return setIn(value, path, objectOf([...Object.entries(target), [key, extra]]));
}

const pick = <T>(list: T[], i: number): T => list[i % list.length] as T;

/**
 * Bodies for a route: valid ones (to reach the handler), the whole body hostile, and a valid
 * body with one place replaced by a hostile value, one field dropped, or a hostile key added.
 */
function bodyValueArb(route: FuzzRoute, hints: Hints): fc.Arbitrary<unknown> {
  const valid = schemaValue(route.body?.schema ?? {}, hints);
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: hostileBodyText },
    {
      weight: 5,
      arbitrary: fc.tuple(valid, fc.nat(), hostileValue).map(([v, i, h]) => {
        const inner = pathsIn(v).filter((p) => p.length > 0);
        return inner.length ? setIn(v, pick(inner, i), h) : h;
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.nat()).map(([v, i]) => {
        const inner = pathsIn(v).filter((p) => p.length > 0);
        return inner.length ? setIn(v, pick(inner, i), REMOVE) : v;
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.nat(), hostileKey, hostileValue).map(([v, i, k, h]) => {
        const objects = pathsIn(v).filter((p) => {
          const t = p.reduce<unknown>((x, key) => (x as Record<string | number, unknown>)[key], v);
          return t !== null && typeof t === 'object' && !Array.isArray(t);
        });
        return objects.length ? addIn(v, pick(objects, i), k, h) : objectOf([[k, h]]);
      }),
    },
  );
}

const contentTypeArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
      'multipart/form-data; boundary=x',
    ),
  },
);

/** Every request the fuzz may send to `route`. */
export function requestArb(route: FuzzRoute, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const segments = route.pathParams.map((p) => segmentArb(p, world.hints).map((s) => [p.name, s] as const));
  const path = fc.tuple(...segments).map((pairs) => {
    let url = route.template;
    for (const [name, s] of pairs) url = url.replace(`{${name}}`, s);
    return url;
  });
  const canHaveBody = route.method !== 'GET' && route.method !== 'HEAD';
  const body: fc.Arbitrary<{ value: unknown; type: string | undefined }> = !canHaveBody
    ? fc.constant({ value: undefined, type: undefined })
    : route.body
      ? fc.oneof(
          {
            weight: 12,
            arbitrary: fc.record({ value: bodyValueArb(route, world.hints), type: contentTypeArb }),
          },
          { weight: 1, arbitrary: fc.constant({ value: undefined, type: undefined }) },
        )
      : fc.oneof(
          { weight: 3, arbitrary: fc.constant({ value: undefined, type: undefined }) },
          { weight: 1, arbitrary: fc.record({ value: hostileValue, type: contentTypeArb }) },
        );
  const key = routeKey(route);
  return fc
    .tuple(path, queryArb(route, world.hints), senderArb(world), body)
    .map(([p, q, sender, b]) => new FuzzRequest(key, route.method, `${p}${q}`, sender, b.value, b.type));
}

import { isCredentialHeader } from '@caseflow/schema';

/** What a redacted value reads as. */
export const REDACTED = '[redacted]';

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i;
const SECRET_QUERY = /([?&][^=&#]*(?:auth|token|secret|key|passw|signature|session)[^=&#]*=)[^&#]*/gi;

/**
 * A copy of a JSON value with credentials written into http actions hidden (defence in depth
 * for flows from before connections, DESIGN §8): in every `headers` object, the values of
 * credential-looking headers (Authorization, Cookie, X-Api-Key, …); in every `url` string, user
 * info and secret-looking query values. Used on flow definitions, compiled configs, diffs and
 * outbox payloads before they are answered. Pure; depth-bounded like the input that made it.
 */
export function redactCredentials<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') return key === 'url' ? redactUrl(value) : value;
  if (Array.isArray(value)) return value.map((v) => walk(v, undefined));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'headers' && isRecord(v) ? redactHeaders(v) : walk(v, k);
  }
  return out;
}

function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, v]) => [name, isCredentialHeader(name) ? REDACTED : v]),
  );
}

function redactUrl(url: string): string {
  return url.replace(USERINFO, `$1${REDACTED}@`).replace(SECRET_QUERY, `$1${REDACTED}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

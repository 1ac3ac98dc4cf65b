import type { EffectOf } from '@caseflow/schema';
import { type CallTargetResolver, flowHeaders } from '../connections/call-target';
import { describeFetchError, isRetryableStatus } from './webhook-transport';

/** The outcome of one attempt at a flow's HTTP action. */
export interface HttpCallResult {
  ok: boolean;
  status?: number;
  /** Parsed JSON response, or its text when it is not JSON. */
  result?: unknown;
  error?: string;
  /** False when repeating the call cannot change the answer (a 4xx other than 408/425/429). */
  retryable: boolean;
}

/** Largest response body kept as the node's result (the rest is cut off). */
const MAX_RESULT_CHARS = 64 * 1024;

/** How one attempt is made: the idempotency key, the timeout and the connection resolver. */
export interface HttpCallOptions {
  idempotencyKey: string;
  timeoutMs: number;
  /** Resolves a call that names a connection; without it such calls fail. */
  resolveTarget?: CallTargetResolver;
}

/**
 * Performs the HTTP request of an `http.call` effect once, with a timeout. Never throws.
 * `idempotencyKey` goes out as `Idempotency-Key` so the far side can deduplicate retries.
 * Object bodies are sent as JSON; string bodies as they are.
 *
 * A call naming a connection is resolved now (DESIGN §8): its URL must stay under the
 * connection's base URL and hosts, or nothing is sent and the attempt fails for good; the
 * connection's auth header is added last (a flow's own credential-looking headers are dropped)
 * and redirects are not followed, so the credential never goes anywhere else.
 */
export async function performHttpCall(
  call: EffectOf<'http.call'>,
  options: HttpCallOptions,
): Promise<HttpCallResult> {
  let url = call.url;
  let headers: Record<string, string> = { 'idempotency-key': options.idempotencyKey, ...call.headers };
  if (call.connection !== undefined) {
    if (!options.resolveTarget)
      return { ok: false, error: 'connections are not available', retryable: false };
    const target = await options.resolveTarget(call.connection, call.path ?? '');
    if (!target.ok) return { ok: false, error: target.error, retryable: false };
    url = target.url;
    headers = { 'idempotency-key': options.idempotencyKey, ...flowHeaders(call.headers), ...target.headers };
  }
  let body: string | undefined;
  if (call.body !== undefined && call.body !== null && call.method !== 'GET') {
    body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
    if (typeof call.body !== 'string' && !hasHeader(headers, 'content-type')) {
      headers['content-type'] = 'application/json';
    }
  }
  try {
    const response = await fetch(url, {
      method: call.method,
      headers,
      body,
      redirect: call.connection !== undefined ? 'manual' : 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const result = await readBody(response);
    if (response.ok) return { ok: true, status: response.status, result, retryable: false };
    return {
      ok: false,
      status: response.status,
      result,
      error: `HTTP ${response.status}`,
      retryable: isRetryableStatus(response.status),
    };
  } catch (error) {
    return { ok: false, error: describeFetchError(error), retryable: true };
  }
}

/** `method host/path` of a call for logs: no query string, no credentials, no headers. */
export function describeCall(
  call: Pick<EffectOf<'http.call'>, 'method' | 'url' | 'connection' | 'path'>,
): string {
  if (call.connection !== undefined)
    return `${call.method} connection:${call.connection}${(call.path ?? '').split(/[?#]/)[0]}`;
  try {
    const u = new URL(call.url);
    return `${call.method} ${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return `${call.method} <invalid url>`;
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = (await response.text()).slice(0, MAX_RESULT_CHARS);
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

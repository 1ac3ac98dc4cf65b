import type { EffectOf } from '@caseflow/schema';
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

/**
 * Performs the HTTP request of an `http.call` effect once, with a timeout. Never throws.
 * `idempotencyKey` goes out as `Idempotency-Key` so the far side can deduplicate retries.
 * Object bodies are sent as JSON; string bodies as they are.
 */
export async function performHttpCall(
  call: EffectOf<'http.call'>,
  options: { idempotencyKey: string; timeoutMs: number },
): Promise<HttpCallResult> {
  const headers: Record<string, string> = { 'idempotency-key': options.idempotencyKey, ...call.headers };
  let body: string | undefined;
  if (call.body !== undefined && call.body !== null && call.method !== 'GET') {
    body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
    if (typeof call.body !== 'string' && !hasHeader(headers, 'content-type')) {
      headers['content-type'] = 'application/json';
    }
  }
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers,
      body,
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
export function describeCall(call: Pick<EffectOf<'http.call'>, 'method' | 'url'>): string {
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

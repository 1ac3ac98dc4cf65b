import { describe, expect, it } from 'vitest';
import { toApiError } from './api-error';

describe('toApiError', () => {
  it('names each bad field of a 400 in the message', () => {
    const e = toApiError(400, {
      error: {
        code: 'validation',
        message: 'invalid request',
        details: [{ path: 'values.amount', message: 'must be at least 1' }],
      },
    });
    expect(e.status).toBe(400);
    expect(e.describe()).toBe('invalid request: values.amount: must be at least 1');
    expect(e.byField()).toEqual({ amount: 'must be at least 1' });
  });

  it('reads form field errors given as {field, code, message}', () => {
    const e = toApiError(400, {
      error: {
        code: 'validation',
        message: 'invalid values',
        details: [{ field: 'email', code: 'format', message: 'not an email' }],
      },
    });
    expect(e.byField()).toEqual({ email: 'not an email' });
  });

  it('keeps the problems of a refused publish', () => {
    const problem = { severity: 'error', code: 'missing-start', message: 'no start', path: [] };
    const e = toApiError(422, {
      error: { code: 'invalid-flow', message: 'flow is invalid', details: { problems: [problem] } },
    });
    expect(e.problems).toEqual([problem]);
    expect(e.fields).toEqual([]);
  });

  it('lists the events the engine allows on a 409', () => {
    const e = toApiError(409, {
      error: { code: 'event-not-allowed', message: 'no', details: { allowed: ['signal'] } },
    });
    expect(e.allowed).toEqual(['signal']);
  });

  it('falls back to the status when the body is not JSON', () => {
    const e = toApiError(502, undefined);
    expect(e.code).toBe('http-502');
    expect(e.message).toContain('502');
  });
});

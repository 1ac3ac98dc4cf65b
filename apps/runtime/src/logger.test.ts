import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { createLogger, isSecretField, redactSecrets } from './logger';

/** A logger whose lines are collected as text. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', sink), text: () => lines.join('') };
}

const HASH = 'scrypt$16384$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

describe('logger', () => {
  it('never prints the parameters of a failed query, down the cause chain', () => {
    const { logger, text } = capture();
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "users_pkey"'), {
      code: '23505',
      constraint: 'users_pkey',
      detail: `Key (username)=(${HASH}) already exists.`,
      where: `JSON data, line 1: ${HASH}`,
    });
    const err = new DrizzleQueryError('insert into "users" values ($1, $2)', ['lena', HASH], pgError);
    logger.error({ err, path: '/api/users' }, 'unhandled error');
    logger.error({ wrapped: { inner: err } }, 'nested');
    const out = text();
    expect(out).not.toContain(HASH);
    expect(out).not.toContain('lena');
    expect(out).toContain('Failed query: insert into \\"users\\" values ($1, $2)');
    expect(out).toContain('users_pkey');
    expect(out).toContain('23505');
    expect(out).toContain('    at ');
  });

  it('redacts secret-named fields at any depth', () => {
    const { logger, text } = capture();
    logger.info(
      { a: { b: { c: { d: { password: 'hunter2', webhookSecret: 'w1', list: [{ token: 't1' }] } } } } },
      'deep',
    );
    logger.info({ headers: { Authorization: 'Bearer abc', 'x-api-key': 'k1' } }, 'headers');
    const out = text();
    for (const secret of ['hunter2', 'w1', 't1', 'Bearer abc', 'k1']) expect(out).not.toContain(secret);
    expect(out.match(/\[redacted\]/g)).toHaveLength(5);
  });

  it('names secret fields by suffix and spelling', () => {
    expect(
      ['passwordHash', 'password_hash', 'accessToken', 'Set-Cookie', 'clientSecret'].every(isSecretField),
    ).toBe(true);
    expect(['username', 'tokens_used', 'keys'].some(isSecretField)).toBe(false);
  });

  it('copies instead of changing the logged object, and survives cycles', () => {
    const value: Record<string, unknown> = { password: 'p' };
    value.self = value;
    const shared = { token: 't' };
    value.a = shared;
    value.b = shared;
    expect(redactSecrets(value)).toEqual({
      password: '[redacted]',
      self: '[circular]',
      a: { token: '[redacted]' },
      b: { token: '[redacted]' },
    });
    expect(value.password).toBe('p');
  });
});

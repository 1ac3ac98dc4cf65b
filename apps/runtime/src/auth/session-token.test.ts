import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSessionToken, sessionIdOf } from './session-token';

const secret = 'a-test-secret-of-enough-length';

describe('session tokens', () => {
  it('name a fresh random session id, verified with the secret', () => {
    const a = newSessionToken(secret);
    const b = newSessionToken(secret);
    expect(a.id).not.toBe(b.id);
    expect(sessionIdOf(a.token, secret)).toBe(a.id);
  });

  it('are refused when signed with another key', () => {
    const { token } = newSessionToken('another-secret-entirely!');
    expect(sessionIdOf(token, secret)).toBeNull();
  });

  it('are refused when the id is swapped for another', () => {
    const { token } = newSessionToken(secret);
    const other = newSessionToken(secret).id;
    expect(sessionIdOf(`${other}${token.slice(token.indexOf('.'))}`, secret)).toBeNull();
  });

  it('do not accept an old-style claims token, even one signed with the right key', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'admin', iat: 0, exp: 4102444800000 })).toString(
      'base64url',
    );
    const sig = createHmac('sha256', secret).update(`caseflow-token.${payload}`).digest('base64url');
    expect(sessionIdOf(`${payload}.${sig}`, secret)).toBeNull();
  });

  it('refuses malformed tokens without throwing', () => {
    for (const bad of ['', '.', 'abc', 'a.b.c', '.sig', 'payload.', `${'a'.repeat(32)}.${'b'.repeat(43)}`])
      expect(sessionIdOf(bad, secret)).toBeNull();
  });
});

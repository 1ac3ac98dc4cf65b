import { describe, expect, it } from 'vitest';
import { signToken, TOKEN_TTL_MS, verifyToken } from './tokens';

const secret = 'a-test-secret-of-enough-length';
const now = Date.parse('2026-01-05T09:00:00Z');

describe('bearer tokens', () => {
  it('round-trips the username while unexpired', () => {
    const token = signToken('lena', secret, now);
    expect(verifyToken(token, secret, now + 1000)).toMatchObject({
      sub: 'lena',
      iat: now,
      exp: now + TOKEN_TTL_MS,
    });
  });

  it('rejects a token at or after its expiry', () => {
    const token = signToken('lena', secret, now, 60_000);
    expect(verifyToken(token, secret, now + 59_999)).not.toBeNull();
    expect(verifyToken(token, secret, now + 60_000)).toBeNull();
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyToken(signToken('lena', 'another-secret-entirely!', now), secret, now)).toBeNull();
  });

  it('rejects a token whose claims were edited', () => {
    const [, sig] = signToken('lena', secret, now).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', iat: now, exp: now + TOKEN_TTL_MS })).toString(
      'base64url',
    );
    expect(verifyToken(`${forged}.${sig}`, secret, now)).toBeNull();
  });

  it('rejects malformed tokens without throwing', () => {
    for (const bad of ['', '.', 'abc', 'a.b.c', '.sig', 'payload.'])
      expect(verifyToken(bad, secret, now)).toBeNull();
  });
});

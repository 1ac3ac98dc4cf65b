import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dataKeyId, openSecret, SecretBoxError, sealSecret } from './secret-box';

const KEY = randomBytes(32);

describe('secret box', () => {
  it('opens what it sealed, with the key id in clear and the secret not', () => {
    const sealed = sealSecret(KEY, 's3cr3t-token', 'core-banking');
    expect(sealed.startsWith(`cf1.${dataKeyId(KEY)}.`)).toBe(true);
    expect(sealed).not.toContain('s3cr3t');
    expect(openSecret(KEY, sealed, 'core-banking')).toBe('s3cr3t-token');
  });

  it('uses a fresh IV per seal', () => {
    const a = sealSecret(KEY, 'same', 'c');
    const b = sealSecret(KEY, 'same', 'c');
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it('refuses a tampered ciphertext, IV or tag', () => {
    const sealed = sealSecret(KEY, 'token-value', 'c');
    const parts = sealed.split('.');
    for (const i of [2, 3, 4]) {
      const bytes = Buffer.from(parts[i]!, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      const forged = parts.map((p, j) => (j === i ? bytes.toString('base64url') : p)).join('.');
      expect(() => openSecret(KEY, forged, 'c')).toThrow(SecretBoxError);
    }
  });

  it('refuses another context (a secret copied onto another connection)', () => {
    const sealed = sealSecret(KEY, 'token-value', 'core-banking');
    expect(() => openSecret(KEY, sealed, 'other')).toThrow(/authentication failed/);
  });

  it('names a different key by its id instead of decrypting garbage', () => {
    const sealed = sealSecret(KEY, 'token-value', 'c');
    const other = randomBytes(32);
    expect(() => openSecret(other, sealed, 'c')).toThrow(new RegExp(`id ${dataKeyId(KEY)}`));
    // Even with a forged key id, the tag refuses the wrong key.
    const forged = sealed.replace(dataKeyId(KEY), dataKeyId(other));
    expect(() => openSecret(other, forged, 'c')).toThrow(SecretBoxError);
  });

  it('refuses text that is not a seal and keys that are not 32 bytes', () => {
    expect(() => openSecret(KEY, 'plain-token', 'c')).toThrow(/not a sealed secret/);
    expect(() => sealSecret(randomBytes(16), 'x', 'c')).toThrow(/32 bytes/);
  });
});

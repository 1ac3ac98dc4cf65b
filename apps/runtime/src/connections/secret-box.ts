import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/*
 * Sealed secrets at rest (DESIGN §8): AES-256-GCM under CASEFLOW_DATA_KEY.
 *
 *   cf1.<key id>.<iv>.<ciphertext>.<tag>        (base64url parts)
 *
 * - `cf1` names this format, so a later one can be told apart.
 * - The key id is a fingerprint of the key (not the key): after a rotation, a reader holding
 *   several keys picks the right one, and a wrong key is named instead of failing obscurely.
 * - A fresh random 12-byte IV per seal; the 16-byte tag makes any change to the text fail.
 * - `context` is bound as additional data (the connection name): a sealed secret copied onto
 *   another connection's row does not open there.
 */

const FORMAT = 'cf1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed secret could not be opened: wrong key, tampered text, wrong context or not a seal. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** The id of a data key: 8 hex digits of a domain-separated SHA-256 of it. */
export function dataKeyId(key: Buffer): string {
  return createHash('sha256').update('caseflow-data-key\0').update(key).digest('hex').slice(0, 8);
}

/** Encrypts `plaintext` under `key` (32 bytes), bound to `context`. */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, dataKeyId(key), b64(iv), b64(ciphertext), b64(tag)].join('.');
}

/**
 * Decrypts a sealed secret. Throws SecretBoxError when the format, key id, context or tag does
 * not match; the message never contains the secret or the key.
 */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  assertKey(key);
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== FORMAT) throw new SecretBoxError('not a sealed secret');
  const [, keyId, ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
  if (keyId !== dataKeyId(key)) {
    throw new SecretBoxError(
      `sealed with another data key (id ${keyId}; CASEFLOW_DATA_KEY has id ${dataKeyId(key)})`,
    );
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('not a sealed secret');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertextText, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SecretBoxError('the sealed secret was altered or belongs elsewhere (authentication failed)');
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new SecretBoxError('the data key must be 32 bytes');
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}

import { randomBytes } from 'node:crypto';

/**
 * A new case id: `c` + base-36 time + random, lower-case letters and digits only (no dots:
 * the engine derives `${caseId}.t1` task ids from it), roughly ordered by creation time.
 */
export function newCaseId(now: number): string {
  return `c${now.toString(36)}${randomBase36(6)}`;
}

/** A new row id with a readable prefix (`m` message, `o` outbox…). */
export function newRowId(prefix: string, now: number): string {
  return `${prefix}-${now.toString(36)}${randomBase36(6)}`;
}

/** An unguessable token (144 random bits, URL-safe): survey links. */
export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

function randomBase36(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += (b % 36).toString(36);
  return out;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the header that carries the webhook signature. */
export const SIGNATURE_HEADER = 'X-Caseflow-Signature';

/**
 * `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the shared secret (CASEFLOW_WEBHOOK_SECRET).
 * Receivers recompute it over the raw body they got, before parsing it.
 */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Constant-time check of a `sha256=<hex>` signature against a body. */
export function verifySignature(body: string, signature: string | null | undefined, secret: string): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

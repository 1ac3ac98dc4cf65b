import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Meta signs webhook deliveries with. */
export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

/** `sha256=<hex HMAC-SHA256 of the raw body with the app secret>`, as Meta sends it. */
export function metaSignature(rawBody: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Whether `header` is Meta's signature of exactly these bytes under `appSecret` (Graph API
 * webhooks, "Validating payloads"). Compared in constant time; any malformed header is false.
 */
export function verifyMetaSignature(
  rawBody: Uint8Array | string,
  header: string | undefined,
  appSecret: string,
): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header.trim())) return false;
  const given = Buffer.from(header.trim().slice(7).toLowerCase(), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Twilio signs webhook requests with. */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed with the account's auth token, of the
 * full URL Twilio requested followed by every POST parameter's name and value, sorted by name
 * (case-sensitive, byte order; a repeated name's values in order). Pure.
 */
export function twilioSignature(
  url: string,
  params: ReadonlyArray<[string, string]>,
  authToken: string,
): string {
  const sorted = [...params].sort(([a, av], [b, bv]) =>
    a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  const data = url + sorted.map(([k, v]) => k + v).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Whether `header` is Twilio's signature of this request; compared in constant time. */
export function verifyTwilioSignature(
  url: string,
  params: ReadonlyArray<[string, string]>,
  header: string | undefined,
  authToken: string,
): boolean {
  if (!header || header.length > 200) return false;
  const given = Buffer.from(header.trim(), 'utf8');
  const expected = Buffer.from(twilioSignature(url, params, authToken), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

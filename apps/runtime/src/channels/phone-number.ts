/**
 * A phone number as E.164 (`+` and 8–15 digits), the form customers' phones are matched in;
 * null when `raw` is not one. Accepts what providers send: WhatsApp's bare digits
 * (`5511999990000`), Twilio's `+5511999990000`, spaces, dashes and parentheses. Pure.
 */
export function e164(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed.length > 40) return null;
  const digits = trimmed.replace(/[\s().-]/g, '').replace(/^\+/, '');
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
}

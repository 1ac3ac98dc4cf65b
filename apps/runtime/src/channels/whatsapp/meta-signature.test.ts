import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { metaSignature, verifyMetaSignature } from './meta-signature';

const secret = 'app-secret-0123456789';
const body = '{"object":"whatsapp_business_account","entry":[]}';
// As Meta documents it: "sha256=" and the hex HMAC-SHA256 of the raw payload with the app secret.
const documented = `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

describe('Meta webhook signature (X-Hub-Signature-256)', () => {
  it('accepts the signature of exactly these bytes', () => {
    expect(metaSignature(body, secret)).toBe(documented);
    expect(verifyMetaSignature(Buffer.from(body), documented, secret)).toBe(true);
    expect(verifyMetaSignature(body, documented.toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(
      true,
    );
  });

  it('refuses another body, another secret, a malformed or missing header', () => {
    expect(verifyMetaSignature(`${body} `, documented, secret)).toBe(false);
    expect(verifyMetaSignature(body, documented, 'other')).toBe(false);
    expect(verifyMetaSignature(body, documented.replace('sha256=', 'sha1='), secret)).toBe(false);
    expect(verifyMetaSignature(body, 'sha256=abc', secret)).toBe(false);
    expect(verifyMetaSignature(body, undefined, secret)).toBe(false);
  });
});

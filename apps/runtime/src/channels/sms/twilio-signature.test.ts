import { describe, expect, it } from 'vitest';
import { twilioSignature, verifyTwilioSignature } from './twilio-signature';

// Twilio's own test vector (twilio-ruby spec/util/request_validator_spec.rb, "SMS request").
const token = '2bd9e9638872de601313dc77410d3b23';
const url = 'http://twiliotests.heroku.com/validate/sms';
const params: Array<[string, string]> = Object.entries({
  ToState: 'CA',
  FromState: 'CA',
  AccountSid: 'ACba8bc05eacf94afdae398e642c9cc32d',
  SmsMessageSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
  Body: 'Orly',
  From: '+14159354345',
  FromCity: 'SAN FRANCISCO',
  SmsStatus: 'received',
  FromZip: '94107',
  FromCountry: 'US',
  To: '+14158141819',
  ToCity: 'SAN FRANCISCO',
  ToZip: '94105',
  ToCountry: 'US',
  ApiVersion: '2010-04-01',
  SmsSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
});

describe('Twilio request signature', () => {
  it('matches the signature Twilio documents for an SMS request', () => {
    expect(twilioSignature(url, params, token)).toBe('mxeiv65lEe0b8L6LdVw2jgJi8yw=');
    expect(verifyTwilioSignature(url, params, 'mxeiv65lEe0b8L6LdVw2jgJi8yw=', token)).toBe(true);
  });

  it('refuses a changed body, URL, token or a missing header', () => {
    const changed = params.map(([k, v]): [string, string] => [k, k === 'Body' ? 'Orly?' : v]);
    expect(verifyTwilioSignature(url, changed, 'mxeiv65lEe0b8L6LdVw2jgJi8yw=', token)).toBe(false);
    expect(verifyTwilioSignature(`${url}?x=1`, params, 'mxeiv65lEe0b8L6LdVw2jgJi8yw=', token)).toBe(false);
    expect(verifyTwilioSignature(url, params, 'mxeiv65lEe0b8L6LdVw2jgJi8yw=', 'other')).toBe(false);
    expect(verifyTwilioSignature(url, params, undefined, token)).toBe(false);
    expect(verifyTwilioSignature(url, params, 'short', token)).toBe(false);
  });
});

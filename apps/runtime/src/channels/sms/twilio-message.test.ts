import { describe, expect, it } from 'vitest';
import { MAX_SMS_BODY, MAX_SMS_ID, twilioMessage } from './twilio-message';

const params = (over: Record<string, string> = {}): Array<[string, string]> =>
  Object.entries({
    From: '+14159354345',
    MessageSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
    Body: 'Where is my refund?',
    NumMedia: '0',
    ...over,
  });

describe('twilioMessage', () => {
  it('reads the sender, message id and text of an incoming SMS', () => {
    expect(twilioMessage(params())).toEqual({
      phone: '+14159354345',
      externalId: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
      body: 'Where is my refund?',
    });
  });

  it('names the parameter that is missing or out of bounds', () => {
    expect(twilioMessage(params({ From: 'client:alice' }))).toMatchObject({ path: 'From' });
    expect(twilioMessage(params().filter(([k]) => k !== 'MessageSid'))).toMatchObject({ path: 'MessageSid' });
    expect(twilioMessage(params({ MessageSid: 'S'.repeat(MAX_SMS_ID + 1) }))).toMatchObject({
      path: 'MessageSid',
    });
    expect(twilioMessage(params({ Body: 'x'.repeat(MAX_SMS_BODY + 1) }))).toMatchObject({ path: 'Body' });
    for (const n of ['1e309', '-5', 'abc', '11', '']) {
      expect(twilioMessage(params({ NumMedia: n })), n).toMatchObject({ path: 'NumMedia' });
    }
  });

  it('drops control characters and says how many media an empty text came with', () => {
    expect(twilioMessage(params({ Body: 'a\u0000b\u0007c\nd' }))).toMatchObject({ body: 'abc\nd' });
    expect(twilioMessage(params({ Body: ' \u0000 ', NumMedia: '3' }))).toMatchObject({ body: '[3 media]' });
    expect(twilioMessage(params({ Body: '' }))).toMatchObject({ body: '[empty]' });
    // The older SmsSid stands in for a missing MessageSid.
    const old = params().filter(([k]) => k !== 'MessageSid');
    old.push(['SmsSid', 'SMold']);
    expect(twilioMessage(old)).toMatchObject({ externalId: 'SMold' });
  });
});

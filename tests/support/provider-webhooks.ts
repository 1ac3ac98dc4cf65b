import { createHmac } from 'node:crypto';

/*
 * Signing as WhatsApp (Meta Cloud API) and Twilio document it, for tests that post to the
 * runtime's messaging webhooks with the configured secrets.
 */

/** Meta's X-Hub-Signature-256: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export const metaSign = (body: string | Uint8Array, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Twilio's X-Twilio-Signature: base64 HMAC-SHA1 of the URL and the POST parameters sorted by name. */
export function twilioSign(url: string, params: Record<string, string>, token: string): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join('');
  return createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

/** A WhatsApp Cloud API delivery to `phoneNumberId` carrying `messages` (with contacts for `from`s). */
export function whatsappDelivery(
  phoneNumberId: string,
  messages: Array<Record<string, unknown>>,
  contacts: Array<{ wa_id: string; name: string }> = [],
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              contacts: contacts.map((c) => ({ profile: { name: c.name }, wa_id: c.wa_id })),
              messages,
            },
          },
        ],
      },
    ],
  };
}

/** One WhatsApp text message as Meta sends it. */
export const whatsappText = (from: string, id: string, body: string) => ({
  from,
  id,
  timestamp: '1749416383',
  type: 'text',
  text: { body },
});

/** The form parameters of a Twilio incoming SMS. */
export const smsParams = (from: string, sid: string, body: string): Record<string, string> => ({
  ToCountry: 'US',
  SmsMessageSid: sid,
  NumMedia: '0',
  SmsSid: sid,
  SmsStatus: 'received',
  Body: body,
  To: '+14158141819',
  NumSegments: '1',
  MessageSid: sid,
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  From: from,
  ApiVersion: '2010-04-01',
});

/** A flow that takes new WhatsApp and SMS conversations: one answer task, then done. */
export const messagingFlow = {
  key: 'messaging-support',
  name: 'Messaging support',
  kind: 'case',
  calendar: '24x7',
  tiers: [{ id: 'L1', name: 'Service desk', group: 'service-desk' }],
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'case', channels: ['whatsapp', 'sms'] } },
    { id: 'answer', type: 'task', title: 'Answer the customer', assign: { tier: 'L1' }, outcomes: ['done'] },
    { id: 'closed', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'answer' },
    { from: 'answer', to: 'closed', on: 'done' },
  ],
};

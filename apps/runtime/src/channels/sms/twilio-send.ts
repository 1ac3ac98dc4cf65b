import { cut } from '../whatsapp/whatsapp-send';

/** Twilio's longest message body; a longer reply is cut with an ellipsis. */
export const SMS_TEXT_MAX = 1600;

/**
 * The Twilio Messages API request that sends `body` to `to` (E.164): `POST /Messages.json`
 * under the connection's base URL (`https://api.twilio.com/2010-04-01/Accounts/<AccountSid>`),
 * form-encoded, from a number (`+…`) or a messaging service (`MG…`). Pure.
 */
export function twilioMessageRequest(sender: string, to: string, body: string) {
  const form = new URLSearchParams();
  form.set('To', to);
  form.set(sender.startsWith('MG') ? 'MessagingServiceSid' : 'From', sender);
  form.set('Body', cut(body, SMS_TEXT_MAX));
  return { path: '/Messages.json', contentType: 'application/x-www-form-urlencoded', body: form.toString() };
}

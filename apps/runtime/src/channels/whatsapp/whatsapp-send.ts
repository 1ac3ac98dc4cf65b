/** WhatsApp's longest text message; a longer reply is cut with an ellipsis. */
export const WHATSAPP_TEXT_MAX = 4096;

/**
 * The Cloud API request that sends `body` as a text message from the business number
 * `phoneNumberId` to `to` (E.164): `POST /<phone number id>/messages` under the Graph API base
 * URL of the connection, JSON. Pure.
 */
export function whatsappTextRequest(phoneNumberId: string, to: string, body: string) {
  return {
    path: `/${encodeURIComponent(phoneNumberId)}/messages`,
    contentType: 'application/json',
    body: JSON.stringify({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: to.replace(/^\+/, ''),
      type: 'text',
      text: { preview_url: false, body: cut(body, WHATSAPP_TEXT_MAX) },
    }),
  };
}

/** `text` within `max` characters (code points), an ellipsis marking a cut. Pure. */
export function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

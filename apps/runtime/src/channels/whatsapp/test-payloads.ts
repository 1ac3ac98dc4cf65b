/* WhatsApp Cloud API payloads for tests, shaped as Meta's documentation shows them. */

/** A text message notification as Meta's Cloud API documentation shows it. */
export function textNotification(
  over: { from?: string; id?: string; body?: string; phoneNumberId?: string } = {},
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: '15550783881',
                phone_number_id: over.phoneNumberId ?? '106540352242922',
              },
              contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: over.from ?? '16505551234' }],
              messages: [
                {
                  from: over.from ?? '16505551234',
                  id: over.id ?? 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
                  timestamp: '1749416383',
                  type: 'text',
                  text: { body: over.body ?? 'Does it come in another color?' },
                },
              ],
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

import { describe, expect, it } from 'vitest';
import { textNotification } from './test-payloads';
import { WhatsAppWebhook, whatsappMessages } from './whatsapp-payload';

describe('WhatsApp webhook payload', () => {
  it('reads the sender, name, message id and text of a documented notification', () => {
    const payload = WhatsAppWebhook.parse(textNotification());
    expect(whatsappMessages(payload, '106540352242922')).toEqual([
      {
        phone: '+16505551234',
        name: 'Sheena Nelson',
        externalId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        body: 'Does it come in another color?',
      },
    ]);
  });

  it('ignores other numbers, status updates and senders that are not phones', () => {
    expect(whatsappMessages(WhatsAppWebhook.parse(textNotification()), 'another')).toEqual([]);
    const statuses = {
      object: 'whatsapp_business_account',
      entry: [
        { changes: [{ field: 'messages', value: { metadata: { phone_number_id: 'p' }, statuses: [{}] } }] },
      ],
    };
    expect(whatsappMessages(WhatsAppWebhook.parse(statuses), 'p')).toEqual([]);
    expect(
      whatsappMessages(WhatsAppWebhook.parse(textNotification({ from: 'abc' })), '106540352242922'),
    ).toEqual([]);
  });

  it('names media and locations when there is no text', () => {
    const payload = textNotification();
    const message = payload.entry[0]!.changes[0]!.value.messages[0]! as Record<string, unknown>;
    message.type = 'image';
    delete message.text;
    message.image = { id: 'media-1', mime_type: 'image/jpeg' };
    expect(whatsappMessages(WhatsAppWebhook.parse(payload), '106540352242922')[0]!.body).toBe('[image]');
  });
});

import { describe, expect, it } from 'vitest';
import { textNotification } from './test-payloads';
import { MAX_DELIVERY_MESSAGES, WhatsAppWebhook, whatsappMessages } from './whatsapp-payload';

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

  it('drops control characters from texts and makes a profile name one line', () => {
    const raw = textNotification({ body: 'before\u0007after\ttab\nline' });
    raw.entry[0]!.changes[0]!.value.contacts[0]!.profile.name = 'Eve\r\nBcc: x';
    const [message] = whatsappMessages(WhatsAppWebhook.parse(raw), '106540352242922');
    expect(message).toMatchObject({ body: 'beforeafter\ttab\nline', name: 'Eve Bcc: x' });
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

  it('takes a message id once per delivery, and refuses more messages than a delivery carries', () => {
    const payload = textNotification();
    const value = payload.entry[0]!.changes[0]!.value;
    value.messages.push({ ...value.messages[0]!, text: { body: 'again' } });
    expect(whatsappMessages(WhatsAppWebhook.parse(payload), '106540352242922')).toHaveLength(1);

    const message = (i: number) => ({
      from: '16505551234',
      id: `wamid.${i}`,
      type: 'text',
      text: { body: 'x' },
    });
    const change = (from: number) => ({
      field: 'messages',
      value: {
        metadata: { phone_number_id: 'p' },
        messages: Array.from({ length: 100 }, (_, i) => message(from + i)),
      },
    });
    const delivery = (changes: number) => ({
      object: 'whatsapp_business_account',
      entry: [{ changes: Array.from({ length: changes }, (_, i) => change(i * 100)) }],
    });
    const full = WhatsAppWebhook.parse(delivery(MAX_DELIVERY_MESSAGES / 100));
    expect(whatsappMessages(full, 'p')).toHaveLength(MAX_DELIVERY_MESSAGES);
    const over = WhatsAppWebhook.safeParse(delivery(MAX_DELIVERY_MESSAGES / 100 + 1));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]).toMatchObject({ path: ['entry'] });
  });
});

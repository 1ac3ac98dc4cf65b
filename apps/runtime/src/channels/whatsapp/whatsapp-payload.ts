import { z } from 'zod';
import { cleanText } from '../clean-text';
import { e164 } from '../phone-number';

/*
 * The WhatsApp Business Cloud API webhook payload (Graph API "messages" field). Only what
 * Caseflow reads is described; everything else passes through unread. Status updates
 * (sent/delivered/read) carry no customer text and are ignored.
 */

const Text = z.string().max(20_000);
const Media = z.object({ caption: Text.optional() }).passthrough();
const Message = z
  .object({
    from: z.string().max(40),
    id: z.string().min(1).max(200),
    timestamp: z.string().max(20).optional(),
    type: z.string().max(40),
    text: z.object({ body: Text }).optional(),
    button: z.object({ text: Text }).optional(),
    interactive: z
      .object({
        button_reply: z.object({ title: Text }).optional(),
        list_reply: z.object({ title: Text }).optional(),
      })
      .optional(),
    image: Media.optional(),
    video: Media.optional(),
    document: Media.extend({ filename: z.string().max(500).optional() }).optional(),
    location: z.object({ latitude: z.number(), longitude: z.number() }).passthrough().optional(),
  })
  .passthrough();
const Value = z
  .object({
    metadata: z
      .object({ phone_number_id: z.string().max(100) })
      .passthrough()
      .optional(),
    contacts: z
      .array(
        z.object({ wa_id: z.string().max(40), profile: z.object({ name: z.string().max(500) }).optional() }),
      )
      .max(100)
      .optional(),
    messages: z.array(Message).max(100).optional(),
  })
  .passthrough();
/**
 * Most customer messages one delivery may carry, over all its entries and changes: the caps of
 * each list alone multiply to a million, each message its own transaction. Meta batches far fewer.
 */
export const MAX_DELIVERY_MESSAGES = 1000;
export const WhatsAppWebhook = z
  .object({
    object: z.string().max(100),
    entry: z
      .array(
        z.object({
          changes: z.array(z.object({ field: z.string().max(100), value: Value })).max(100),
        }),
      )
      .max(100),
  })
  .refine(
    (payload) =>
      payload.entry.reduce(
        (n, entry) => n + entry.changes.reduce((m, change) => m + (change.value.messages?.length ?? 0), 0),
        0,
      ) <= MAX_DELIVERY_MESSAGES,
    { path: ['entry'], message: `at most ${MAX_DELIVERY_MESSAGES} messages in one delivery` },
  );

/** One customer message out of a webhook delivery. */
export interface WhatsAppInbound {
  /** E.164 phone of the sender. */
  phone: string;
  /** The WhatsApp profile name, when sent. */
  name?: string;
  /** The provider's message id (wamid…): deliveries are retried, this keeps them single. */
  externalId: string;
  body: string;
}

/** The text a customer sees as the message: the text itself, a reply's title, a caption or the kind. */
function bodyOf(m: z.infer<typeof Message>): string {
  const text =
    m.text?.body ??
    m.button?.text ??
    m.interactive?.button_reply?.title ??
    m.interactive?.list_reply?.title ??
    m.image?.caption ??
    m.video?.caption ??
    m.document?.caption;
  const clean = text === undefined ? '' : cleanText(text);
  if (clean.trim()) return clean;
  if (m.location) return `[location ${m.location.latitude}, ${m.location.longitude}]`;
  if (m.document?.filename) return `[document ${cleanText(m.document.filename)}]`;
  return `[${m.type}]`;
}

/**
 * The customer messages of a delivery addressed to `phoneNumberId` (messages for another
 * number of the same business account are not ours). Senders that are not a phone number are
 * skipped, and so is a message id the delivery already carried; control characters are dropped
 * from texts and names. Pure.
 */
export function whatsappMessages(
  payload: z.infer<typeof WhatsAppWebhook>,
  phoneNumberId: string,
): WhatsAppInbound[] {
  const out: WhatsAppInbound[] = [];
  const seen = new Set<string>();
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = change.value;
      if (value.metadata?.phone_number_id !== phoneNumberId) continue;
      const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const m of value.messages ?? []) {
        const phone = e164(m.from);
        if (!phone || seen.has(m.id)) continue;
        seen.add(m.id);
        // A profile name is one line of text (it names a new customer).
        const name = names
          .get(m.from)
          // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
          ?.replace(/[\u0000-\u001f\u007f]+/g, ' ')
          .trim();
        out.push({ phone, externalId: m.id, body: bodyOf(m), ...(name ? { name } : {}) });
      }
    }
  }
  return out;
}

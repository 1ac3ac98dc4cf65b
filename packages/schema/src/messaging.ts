import { z } from 'zod';
import { ConnectionName } from './connection';

/*
 * WhatsApp and SMS accounts (DESIGN §10 "Messaging"): which connection replies go out through
 * (base URL and credentials, DESIGN §8) and the write-only secrets the provider signs its
 * webhooks with. Answers never carry a secret, only `"set"`.
 */

export const MessagingChannel = z.enum(['whatsapp', 'sms']);
export type MessagingChannel = z.infer<typeof MessagingChannel>;

const Secret = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[^\r\n\0]*$/, 'must not contain line breaks or NUL');

/** PUT /channels/:channel/account (admin). A secret left out keeps the stored one. */
export const MessagingAccountInput = z.object({
  /** The connection replies are sent through (Graph API or Twilio base URL and credentials). */
  connection: ConnectionName,
  /** WhatsApp: the phone number id; SMS: the Twilio number (E.164) or messaging service SID. */
  sender: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9+]+$/, 'letters, digits and +'),
  /** SMS: the webhook URL exactly as configured at Twilio (it is part of what Twilio signs). */
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** The Meta app secret (WhatsApp) or the Twilio auth token (SMS): webhook signatures. */
  secret: Secret.optional(),
  /** WhatsApp: the verify token of the subscription handshake. */
  verifyToken: Secret.optional(),
});
export type MessagingAccountInput = z.infer<typeof MessagingAccountInput>;

export const MessagingAccount = z.object({
  channel: MessagingChannel,
  connection: z.string(),
  sender: z.string(),
  webhookUrl: z.string().nullable(),
  secret: z.literal('set').optional(),
  verifyToken: z.literal('set').optional(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type MessagingAccount = z.infer<typeof MessagingAccount>;

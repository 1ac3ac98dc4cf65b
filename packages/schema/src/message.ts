import { z } from 'zod';
import { Channel } from './primitives';

/*
 * One conversation per case (DESIGN §10): every channel's messages have this shape, whatever
 * protocol brought them in or takes them out.
 */

export const MessageDirection = z.enum(['in', 'out']);
export type MessageDirection = z.infer<typeof MessageDirection>;

/** `internal` notes are for staff only: never sent to the customer, never in their views. */
export const MessageVisibility = z.enum(['public', 'internal']);
export type MessageVisibility = z.infer<typeof MessageVisibility>;

export const PartyKind = z.enum(['customer', 'agent', 'system']);
export type PartyKind = z.infer<typeof PartyKind>;

/** Who wrote a message: the customer's id, the agent's username, or the runtime itself (id null). */
export const MessageParty = z.object({
  kind: PartyKind,
  id: z.string().nullable(),
  /** The channel address it came from or went to (an e-mail address, a phone number). */
  address: z.string().optional(),
});
export type MessageParty = z.infer<typeof MessageParty>;

/** Limits of stored attachments, chosen where files enter (HTTP, SMTP, webhooks). */
export const ATTACHMENT_LIMITS = {
  /** Bytes of one file. */
  fileBytes: 10 * 1024 * 1024,
  /** Files of one message. */
  files: 10,
  /** Characters of a file name. */
  nameChars: 200,
} as const;

/**
 * Media types that may be stored. Whatever the type, a file is served as a download
 * (`Content-Disposition: attachment`, `nosniff`), never rendered by the browser in our origin;
 * the list keeps out executables and scripts that a customer could be tricked into opening.
 */
const ALLOWED_TYPES = new Set([
  'application/pdf',
  'application/zip',
  'application/json',
  'application/xml',
  'application/rtf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/octet-stream',
  'message/rfc822',
  'text/plain',
  'text/csv',
  'text/calendar',
]);
const ALLOWED_FAMILIES = ['image/', 'audio/', 'video/'];
const REFUSED_IMAGES = new Set(['image/svg+xml']);

/** The media type without parameters, lower-case. */
export function baseContentType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** Whether a file of this media type may be stored as an attachment. */
export function isAllowedAttachmentType(contentType: string): boolean {
  const base = baseContentType(contentType);
  if (ALLOWED_TYPES.has(base)) return true;
  return !REFUSED_IMAGES.has(base) && ALLOWED_FAMILIES.some((family) => base.startsWith(family));
}

/**
 * A file name safe to show and to send back in Content-Disposition: no directories, no
 * control characters, bounded; `attachment` when nothing is left.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean.replace(/^\.+/, '') || 'attachment').slice(0, ATTACHMENT_LIMITS.nameChars);
}

/** A stored file as messages list it (the bytes are at GET /attachments/:id). */
export const Attachment = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  contentType: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

/** A file sent with a new message: its bytes as base64. */
export const AttachmentUpload = z.object({
  name: z.string().min(1).max(ATTACHMENT_LIMITS.nameChars),
  contentType: z.string().max(200).refine(isAllowedAttachmentType, 'this type of file is not accepted'),
  content: z
    .string()
    .max(Math.ceil(ATTACHMENT_LIMITS.fileBytes / 3) * 4, `at most ${ATTACHMENT_LIMITS.fileBytes} bytes`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type AttachmentUpload = z.infer<typeof AttachmentUpload>;

/**
 * POST /cases/:id/messages. Staff may write internal notes and pick the channel (default: the
 * one the customer last wrote on); customers always write public messages. `from: "customer"`
 * lets an agent record what a customer said on the phone or at the desk.
 */
export const MessageCreate = z.object({
  body: z.string().min(1).max(20000),
  visibility: MessageVisibility.optional(),
  channel: Channel.optional(),
  attachments: z.array(AttachmentUpload).max(ATTACHMENT_LIMITS.files).optional(),
  from: PartyKind.optional(),
});
export type MessageCreate = z.infer<typeof MessageCreate>;

/** A message on a case as the API answers it (DESIGN §10). */
export const Message = z.object({
  id: z.string(),
  caseId: z.string(),
  channel: Channel,
  direction: MessageDirection,
  visibility: MessageVisibility,
  from: MessageParty,
  /** The signed-in user who recorded it (null: the runtime, or a message that came in by a channel). */
  author: z.string().nullable(),
  /** The author's display name (a person's name, not their username). */
  authorName: z.string().nullable().optional(),
  body: z.string(),
  /** Sanitised HTML of a message that came with one (e-mail); the body is its text. */
  html: z.string().optional(),
  attachments: z.array(Attachment),
  /** The channel's own id of the message (an e-mail Message-ID, a provider's message id). */
  externalId: z.string().optional(),
  createdAt: z.string(),
  /** Same instant as createdAt (the earlier name of the field). */
  at: z.string(),
});
export type Message = z.infer<typeof Message>;

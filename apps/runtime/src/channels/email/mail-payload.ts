import type { Locale } from '@caseflow/schema';
import type { OutboxRow } from '../../store/store';

/**
 * One e-mail as the outbox keeps it until it is sent (mail-transport.ts composes the MIME):
 * the payload of a `message` row (an agent's reply) or the `mail` of a `notify` or `survey` row. Everything
 * is fixed when it is queued, in the case's transaction, so every attempt sends the same mail.
 */
export interface MailPayload {
  channel: 'email';
  /** The message row the mail carries (replies); null for a notification. */
  messageId: string | null;
  to: string;
  toName: string;
  locale: Locale;
  /** Our Message-ID (mail-ids.ts): a reply's In-Reply-To names the case with it. */
  headerId: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  /** The text written to the customer. */
  text: string;
  /** How to answer, in the customer's language. */
  footer: string;
  /** Files from the attachment store, sent with the mail. */
  attachments: Array<{ id: string; name: string; contentType: string; size: number }>;
}

/** The mail an outbox row carries, or null when it carries none. */
export function mailOfRow(row: Pick<OutboxRow, 'kind' | 'payload'>): MailPayload | null {
  if (row.kind === 'message' && row.payload.channel === 'email') return row.payload as unknown as MailPayload;
  const carriesMail = row.kind === 'notify' || row.kind === 'survey';
  const mail = carriesMail ? (row.payload.mail as MailPayload | undefined) : undefined;
  return mail?.channel === 'email' ? mail : null;
}

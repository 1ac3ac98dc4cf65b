import { ATTACHMENT_LIMITS, isAllowedAttachmentType } from '@caseflow/schema';
import type { ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import type { InboundMessage } from '../../executor/inbound-message';
import { cleanText } from '../clean-text';
import { caseFromReferences, caseNumberInSubject } from './mail-ids';
import { trimQuotedReply } from './quote-trim';

/** Characters of a mail body kept (the rest is cut with a note; the files are kept whole). */
export const BODY_CHARS = 50_000;

/** What one mail becomes: the message to deliver, and what was left out of it. */
export interface MailInput {
  message: InboundMessage;
  /** Files refused (type or count), by name, so the case can say so. */
  skippedFiles: string[];
}

/** The HTML of a mail as staff may see it: no scripts, styles, forms or remote loads. */
export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(cleanText(html), {
    allowedTags: sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'),
    allowedAttributes: { a: ['href', 'title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
    },
  });
}

/**
 * Turns a parsed mail into the message deliverInboundMessage takes, or null when it has no
 * usable sender address. Pure. The text is the plain part (or mailparser's text of the HTML),
 * with the quoted reply trimmed; the HTML is sanitised; files of refused types, past the count
 * or over the size limit are left out by name; the Message-ID makes a re-delivery a duplicate.
 */
export function mailToInbound(mail: ParsedMail): MailInput | null {
  const sender = mail.from?.value.find((a) => a.address && /^[^\s@]+@[^\s@]+$/.test(a.address));
  if (!sender?.address) return null;
  const subject = cleanText(mail.subject ?? '').slice(0, 500);
  let text = trimQuotedReply(cleanText(mail.text ?? ''));
  if (text.length > BODY_CHARS) text = `${text.slice(0, BODY_CHARS)}\n[…]`;
  const skippedFiles: string[] = [];
  const attachments: NonNullable<InboundMessage['attachments']>[number][] = [];
  for (const file of mail.attachments) {
    const name = file.filename ?? 'attachment';
    const fits =
      isAllowedAttachmentType(file.contentType) &&
      file.content.length <= ATTACHMENT_LIMITS.fileBytes &&
      attachments.length < ATTACHMENT_LIMITS.files;
    if (fits) attachments.push({ name, contentType: file.contentType, data: file.content });
    else skippedFiles.push(name);
  }
  const body = text || subject || (attachments.length > 0 ? '(files only)' : '(empty message)');
  const html =
    typeof mail.html === 'string' && mail.html
      ? sanitizeMailHtml(mail.html).slice(0, 4 * BODY_CHARS)
      : undefined;
  const caseId = caseFromReferences(mail.inReplyTo, mail.references);
  const caseNumber = caseNumberInSubject(subject);
  const messageId = mail.messageId?.trim().slice(0, 300);
  return {
    message: {
      channel: 'email',
      sender: {
        kind: 'email',
        address: sender.address.toLowerCase(),
        name: cleanText(sender.name ?? '').slice(0, 200),
      },
      body,
      ...(html ? { html } : {}),
      subject: subject.replace(/^\s*((re|fwd?|enc|res|aw|sv)\s*:\s*)+/i, '').slice(0, 500),
      attachments,
      ...(messageId ? { externalId: messageId } : {}),
      ...(caseId ? { caseId } : {}),
      ...(caseNumber ? { caseNumber } : {}),
    },
    skippedFiles,
  };
}

import type { ParsedMail } from 'mailparser';
import { isOurMessageId } from './mail-ids';

/*
 * Mail no person wrote must never open a case, or two systems answer each other forever:
 * auto-replies (RFC 3834 Auto-Submitted, vacation responders' own headers), bounces (a null
 * envelope sender, delivery status reports, mailer daemons), list and bulk mail, and our own
 * mail coming back.
 */

const AUTOMATED_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i;

/** Why a mail is automated, or null when a person sent it. Pure. */
export function automatedReason(
  mail: Pick<ParsedMail, 'headers' | 'messageId' | 'from'>,
  envelopeFrom: string | null,
  ownAddress: string,
): string | null {
  const header = (name: string) => {
    const v = mail.headers.get(name);
    return typeof v === 'string'
      ? v.trim().toLowerCase()
      : v === undefined
        ? undefined
        : JSON.stringify(v).toLowerCase();
  };
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (header('x-autoreply') !== undefined || header('x-autorespond') !== undefined)
    return 'auto-responder header';
  if (header('x-auto-response-suppress')?.match(/\b(all|autoreply|oof)\b/)) return 'X-Auto-Response-Suppress';
  const precedence = header('precedence');
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence))
    return `Precedence: ${precedence}`;
  if (header('list-id') !== undefined) return 'mailing list';
  const contentType = header('content-type') ?? '';
  if (contentType.includes('multipart/report')) return 'delivery or disposition report';
  if (envelopeFrom === null || envelopeFrom === '') return 'null envelope sender (bounce)';
  if (AUTOMATED_SENDERS.test(envelopeFrom)) return `sender ${envelopeFrom}`;
  // Every From address, not the first only: inbound-mail.ts takes the first usable one, which
  // may sit behind a group or a malformed entry.
  const froms = (mail.from?.value ?? []).map((a) => a.address ?? '').filter(Boolean);
  const automatedFrom = froms.find((f) => AUTOMATED_SENDERS.test(f));
  if (automatedFrom) return `sender ${automatedFrom}`;
  if (header('x-caseflow-message') !== undefined || isOurMessageId(mail.messageId)) return 'our own mail';
  if (froms.some((f) => f.toLowerCase() === ownAddress.toLowerCase())) return 'our own address';
  return null;
}

import type { SendMailOptions } from 'nodemailer';
import type { DeliveryResult, Transport } from '../../outbox/transport';
import type { OutboxRow, Store } from '../../store/store';
import { mailAddressOf } from './mail-config';
import { type MailPayload, mailOfRow } from './mail-payload';
import type { MailSender } from './mail-sender';

/** Why an e-mail is not sent when no sender is configured (the outbox row's last error). */
export const MAIL_OUT_OFF = 'not sent: e-mail out is off (CASEFLOW_SMTP_URL is not set)';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain text as HTML paragraphs (blank lines part them, line breaks kept). Pure. */
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * The mail of a payload as nodemailer takes it: our Message-ID, In-Reply-To and References,
 * the case number in the subject, a text and an HTML body (the text escaped, then the footer),
 * the files. `Auto-Submitted` marks notifications (RFC 3834) so auto-responders stay quiet;
 * `X-Caseflow-Message` lets our own listener know its mail if it comes back. Pure.
 */
export function composeMail(
  mail: MailPayload,
  from: string,
  rowId: string,
  files: Array<{ filename: string; contentType: string; content: Buffer }>,
): SendMailOptions {
  const html = [
    '<!doctype html>',
    `<html lang="${escapeHtml(mail.locale)}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    paragraphs(mail.text),
    '<hr>',
    `<p style="color: #555; font-size: 90%">${escapeHtml(mail.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return {
    from,
    to: { name: mail.toName, address: mail.to },
    subject: mail.subject,
    messageId: mail.headerId,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references.length > 0 ? { references: mail.references } : {}),
    text: `${mail.text}\n\n-- \n${mail.footer}\n`,
    html,
    attachments: files,
    headers: {
      'X-Caseflow-Message': rowId,
      ...(mail.messageId === null ? { 'Auto-Submitted': 'auto-generated' } : {}),
      'Content-Language': mail.locale,
    },
    envelope: { from: mailAddressOf(from), to: mail.to },
  };
}

/**
 * Sends the outbox's e-mail (agents' replies, `message` rows on the email channel, and the
 * `mail` of notifications and survey invitations to e-mail customers) through `sender`; every
 * other row goes to `next`. Without a sender a reply is not sent and says so (dead,
 * MAIL_OUT_OFF: an admin can retry it once mail is configured), while a notification or a
 * survey goes to `next` as before. A 5xx
 * answer (a refused recipient) is final; connection errors, timeouts and 4xx are retried by
 * the outbox policy (the sender keeps the SMTP URL's credentials out of errors). Never throws.
 */
export function mailTransport(
  next: Transport,
  deps: { store: Store; sender: MailSender | null; from: string },
): Transport {
  const { sender } = deps;
  async function send(row: OutboxRow, mail: MailPayload): Promise<DeliveryResult> {
    if (!sender) return { ok: false, error: MAIL_OUT_OFF, retryable: false };
    const files: Array<{ filename: string; contentType: string; content: Buffer }> = [];
    for (const a of mail.attachments) {
      const file = await deps.store.channels.attachment(a.id);
      if (!file) return { ok: false, error: `attachment ${a.name} is no longer stored`, retryable: false };
      files.push({ filename: file.name, contentType: file.contentType, content: file.data });
    }
    try {
      await sender.send(composeMail(mail, deps.from, row.id, files), row.id);
      return { ok: true };
    } catch (error) {
      const e = error as { message?: string; responseCode?: number; code?: string };
      const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
      const text = String(e.message ?? error).slice(0, 500);
      return {
        ok: false,
        ...(code ? { status: code } : {}),
        error: `mail to ${mail.to} via ${sender.name}: ${text}`,
        // A refused recipient or message is refused again; a login failure may be fixed.
        retryable: code === undefined || code < 500 || e.code === 'EAUTH',
      };
    }
  }
  return {
    name: `${next.name}+mail`,
    deliver(row) {
      const mail = mailOfRow(row);
      if (!mail || (row.kind !== 'message' && !sender)) return next.deliver(row);
      return send(row, mail);
    },
  };
}

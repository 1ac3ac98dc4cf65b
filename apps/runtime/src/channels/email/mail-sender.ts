import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { MailConfig } from './mail-config';

/** Where composed mail goes: an SMTP server, or (demo) a directory of `.eml` files. */
export interface MailSender {
  /** What the outbox and the log say mail goes to (never a password). */
  readonly name: string;
  /** Sends one mail; rejects with nodemailer's error (responseCode, code) when it fails. */
  send(mail: SendMailOptions, rowId: string): Promise<void>;
  close(): void;
}

/**
 * One pooled SMTP transporter for the process (nodemailer): connections are reused across
 * mails and closed by `close`. The URL may carry credentials: `name` shows host and port only,
 * and errors come out with the URL's user and password replaced.
 */
export function smtpSender(url: string, options: { timeoutMs?: number } = {}): MailSender {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transporter = createTransport({
    url,
    pool: true,
    maxConnections: 3,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    debug: false,
  });
  let name = 'smtp';
  try {
    const u = new URL(url);
    name = `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    // The configuration checked the scheme; a URL that does not parse fails at sending.
  }
  return {
    name,
    async send(mail) {
      try {
        await transporter.sendMail(mail);
      } catch (error) {
        // A server may repeat what it was sent (user, password) in its answer: not past here.
        const e = error as Error & { responseCode?: number; code?: string };
        throw Object.assign(new Error(redactSmtpSecrets(String(e.message ?? error), url)), {
          responseCode: e.responseCode,
          code: e.code,
        });
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * The demo's local sink: each mail is composed exactly as it would be sent (nodemailer's
 * stream transport) and written to `dir/<outbox id>.eml`, which any mail client opens.
 */
export function sinkSender(dir: string): MailSender {
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    name: `files in ${dir}`,
    async send(mail, rowId) {
      const info = await transporter.sendMail(mail);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${rowId.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`), info.message as Buffer);
    },
    close: () => transporter.close(),
  };
}

/** The sender the configuration names: SMTP, the demo sink, or null (e-mail out is off). */
export function mailSenderFromConfig(config: MailConfig): MailSender | null {
  if (config.smtpUrl) return smtpSender(config.smtpUrl);
  if (config.sinkDir) return sinkSender(config.sinkDir);
  return null;
}

/**
 * `text` with every secret of the SMTP URL (password, user, the URL itself) replaced, for
 * errors, logs and the outbox screen. Pure.
 */
export function redactSmtpSecrets(text: string, url: string | null): string {
  if (!url) return text;
  const secrets = [url];
  try {
    const u = new URL(url);
    for (const part of [u.password, u.username]) {
      if (part) secrets.push(part, decodeURIComponent(part));
    }
  } catch {
    // Nothing more to find in a URL that does not parse.
  }
  let out = text;
  for (const secret of secrets.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('[redacted]');
  }
  return out;
}

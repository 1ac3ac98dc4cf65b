import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One mail the sink accepted: parsed, as sent (latin1, for header checks) and its recipients. */
export interface SunkMail {
  mail: ParsedMail;
  raw: string;
  rcpt: string[];
}

/** A running SMTP sink: what it received, in order, and the URL the runtime sends through. */
export interface SmtpSink {
  port: number;
  /** `smtp://relay:<password>@127.0.0.1:<port>`, for CASEFLOW_SMTP_URL. */
  url: string;
  received: SunkMail[];
  close(): Promise<void>;
}

/**
 * An `smtp-server` on loopback standing in for the deployment's mail server: plain SMTP, the
 * login `relay` with `password` only; `onRcptTo` may refuse recipients.
 */
export async function startSmtpSink(options: {
  password: string;
  onRcptTo?: SMTPServerOptions['onRcptTo'];
}): Promise<SmtpSink> {
  const received: SunkMail[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'relay' && auth.password === options.password) {
        return callback(null, { user: 'relay' });
      }
      callback(new Error('bad login'));
    },
    ...(options.onRcptTo ? { onRcptTo: options.onRcptTo } : {}),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((mail) => {
            received.push({
              mail,
              raw: raw.toString('latin1'),
              rcpt: session.envelope.rcptTo.map((r) => r.address),
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const port = (sink.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://relay:${options.password}@127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => sink.close(() => resolve())),
  };
}

/** Sends one mail, as a customer's mail client would, to an SMTP port on loopback. */
export function sendMailTo(port: number, mail: SendMailOptions) {
  return createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }).sendMail(mail);
}

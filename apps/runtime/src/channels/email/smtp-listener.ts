import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { AppError } from '../../executor/errors';
import type { Runtime } from '../../executor/types';
import type { Logger } from '../../logger';
import { automatedReason } from './automated-mail';
import { mailToInbound } from './inbound-mail';
import type { MailConfig } from './mail-config';

/** What became of one accepted mail (logged; tests read it). */
export type MailOutcome =
  | { kind: 'delivered'; outcome: 'threaded' | 'opened' | 'duplicate'; caseId: string }
  | { kind: 'ignored'; reason: string };

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply with a code: smtp-server answers an error's responseCode. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Reads the DATA stream up to `max` bytes. Past it the rest is drained (the client must get
 * to the end of DATA to read our 552) and null is answered: nothing of it is kept.
 */
async function readLimited(stream: SMTPServerDataStream, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= max) chunks.push(chunk);
  }
  return size > max || stream.sizeExceeded ? null : Buffer.concat(chunks, size);
}

/**
 * The inbound mail listener (DESIGN §10): plain SMTP (no AUTH: it receives, it relays
 * nothing) for the configured domains. Limits are refused while the client is still talking,
 * so nothing is half-stored: SIZE over the limit at MAIL FROM and over-long DATA get 552,
 * recipients past the limit 452, other domains 550, connections past maxClients are turned
 * away by smtp-server, more MIME parts or header bytes than mailparser takes 554. A mail is answered 250 only once its message is committed (or when it
 * is an automated mail, dropped on purpose so no loop starts); a failure the sender may retry
 * gets 451, and retrying is safe: the Message-ID makes a second delivery a duplicate.
 */
export async function startSmtpListener(options: {
  runtime: Runtime;
  config: MailConfig;
  logger: Logger;
  /** Port to bind; 0 for any free port. Default: config.smtpPort. */
  port?: number;
  onMail?: (outcome: MailOutcome) => void;
}): Promise<SmtpListener> {
  const { runtime, config, logger } = options;
  const ownAddress = /<([^>]+)>/.exec(config.from)?.[1] ?? config.from;
  const handle = async (raw: Buffer, session: SMTPServerSession): Promise<MailOutcome> => {
    const mail = await simpleParser(raw, {
      skipImageLinks: true,
      maxHtmlLengthToParse: 2 * 1024 * 1024,
    }).catch((error: { code?: string }) => {
      // Past mailparser's own limits (MIME parts, header size): the same mail would fail the
      // same way on every retry, so the sender is told at once instead of retrying for days.
      if (error.code === 'EMAXLEN') throw smtpError(554, 'message structure over the limits');
      throw error;
    });
    const envelopeFrom = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address;
    const automated = automatedReason(mail, envelopeFrom, ownAddress);
    if (automated) return { kind: 'ignored', reason: automated };
    const input = mailToInbound(mail);
    if (!input) return { kind: 'ignored', reason: 'no sender address' };
    const result = await runtime.deliverInboundMessage({
      ...input.message,
      reopenWithinMs: config.reopenDays * 86_400_000,
    });
    if (input.skippedFiles.length > 0 && result.message) {
      await runtime.addMessage(result.caseId, {
        body: `Files not kept (type, count or size over the limits): ${input.skippedFiles.join(', ')}`.slice(
          0,
          2000,
        ),
        channel: 'email',
        visibility: 'internal',
        from: 'system',
        author: null,
      });
    }
    return { kind: 'delivered', outcome: result.outcome, caseId: result.caseId };
  };

  const server = new SMTPServer({
    name: config.from.split('@')[1]?.replace(/>$/, '') || 'caseflow',
    banner: 'Caseflow',
    size: config.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    maxClients: config.maxClients,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    logger: false,
    onMailFrom(address, _session, callback) {
      // smtp-server checks SIZE= against `size` itself; a sender address is all we look at here.
      if (address.address.length > 320) return callback(smtpError(501, 'sender address too long'));
      callback();
    },
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= config.maxRecipients) {
        return callback(smtpError(452, `too many recipients (at most ${config.maxRecipients})`));
      }
      const domain = address.address.split('@')[1]?.toLowerCase() ?? '';
      if (config.domains.length > 0 && !config.domains.includes(domain)) {
        return callback(smtpError(550, `no mailbox here for ${domain}`));
      }
      callback();
    },
    onData(stream, session, callback) {
      readLimited(stream, config.maxBytes)
        .then(async (raw) => {
          if (raw === null) throw smtpError(552, `message exceeds the limit of ${config.maxBytes} bytes`);
          const outcome = await handle(raw, session);
          logger.info({ smtp: session.id, ...outcome }, 'mail received');
          options.onMail?.(outcome);
          callback(null, outcome.kind === 'delivered' ? `accepted for ${outcome.caseId}` : 'accepted');
        })
        .catch((error: unknown) => {
          if ((error as { responseCode?: number }).responseCode) return callback(error as Error);
          if (error instanceof AppError && error.status === 422) {
            logger.warn({ smtp: session.id, err: error.message }, 'mail refused');
            return callback(smtpError(550, error.message));
          }
          logger.error({ smtp: session.id, err: error }, 'mail not stored; the sender will retry');
          callback(smtpError(451, 'temporary failure, try again later'));
        });
    },
  });
  server.on('error', (err) => logger.warn({ err }, 'smtp listener'));
  const port = options.port ?? config.smtpPort ?? 0;
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(port, config.smtpHost, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

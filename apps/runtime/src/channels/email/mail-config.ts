import { join } from 'node:path';
import { z } from 'zod';
import { Port } from '../../config';

/** How the runtime takes in and sends e-mail (DESIGN §10), from the environment only. */
export interface MailConfig {
  /** SMTP listener port; null: no listener (the demo listens on 2525, or a free port if taken). */
  smtpPort: number | null;
  smtpHost: string;
  /** Recipient domains accepted (lower-case); empty: any. */
  domains: string[];
  /** Largest message accepted, in bytes (refused with 552 at SMTP time). */
  maxBytes: number;
  /** Recipients of one message; more get 452. */
  maxRecipients: number;
  /** SMTP connections at once: bounds the memory and work a flood can take. */
  maxClients: number;
  /**
   * A reply to a case closed at most this many days ago reopens it (a follow-up on the same
   * flow); to one closed longer ago, a new case linked to it.
   */
  reopenDays: number;
  /** Outbound: the SMTP URL mail is sent through (nodemailer), or null. */
  smtpUrl: string | null;
  /** Outbound: the From address of the deployment. */
  from: string;
  /** The domain of `from`: our Message-IDs end in it. */
  fromDomain: string;
  /**
   * Where the links our messages carry point (the help centre's articles, survey pages): the
   * address customers reach this deployment at, without a trailing slash.
   */
  publicUrl: string;
  /**
   * Outbound without an SMTP URL in demo mode: the directory each composed mail is written to
   * as an `.eml` file (a local sink anyone can open). Null outside demo mode: mail stays unsent.
   */
  sinkDir: string | null;
}

const Env = z.object({
  CASEFLOW_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  CASEFLOW_SMTP_HOST: z.string().min(1).optional(),
  CASEFLOW_MAIL_DOMAINS: z.string().optional(),
  CASEFLOW_MAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  CASEFLOW_MAIL_MAX_RECIPIENTS: z.coerce.number().int().min(1).max(1000).default(50),
  CASEFLOW_SMTP_MAX_CLIENTS: z.coerce.number().int().min(1).max(1000).default(20),
  CASEFLOW_MAIL_REOPEN_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  CASEFLOW_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  CASEFLOW_MAIL_FROM: z
    .string()
    .max(320)
    .regex(/^([^<>]*<)?[^<>@\s]+@[^<>@\s]+>?$/, 'must be an address or "Name <address>"')
    .optional(),
  CASEFLOW_MAIL_SINK_DIR: z.string().min(1).optional(),
  CASEFLOW_PUBLIC_URL: z
    .string()
    .max(500)
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'must be an http:// or https:// address without ? or #')
    .optional(),
  PORT: Port,
});

/** Reads the mail settings; throws a plain Error naming each bad variable. */
export function loadMailConfig(env: NodeJS.ProcessEnv, demo: boolean): MailConfig {
  const raw = Object.fromEntries(Object.keys(Env.shape).map((k) => [k, env[k]?.trim() || undefined]));
  const parsed = Env.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const e = parsed.data;
  const domains = (e.CASEFLOW_MAIL_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  const from = e.CASEFLOW_MAIL_FROM ?? `support@${domains[0] ?? 'caseflow.localhost'}`;
  const smtpUrl = e.CASEFLOW_SMTP_URL ?? null;
  return {
    smtpPort: e.CASEFLOW_SMTP_PORT ?? (demo ? 2525 : null),
    smtpHost: e.CASEFLOW_SMTP_HOST ?? env.HOST?.trim() ?? '0.0.0.0',
    domains,
    maxBytes: e.CASEFLOW_MAIL_MAX_BYTES,
    maxRecipients: e.CASEFLOW_MAIL_MAX_RECIPIENTS,
    maxClients: e.CASEFLOW_SMTP_MAX_CLIENTS,
    reopenDays: e.CASEFLOW_MAIL_REOPEN_DAYS,
    smtpUrl,
    from,
    fromDomain: mailDomainOf(from),
    publicUrl: (e.CASEFLOW_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    // Beside the default database of `npm start`, in the working directory (never on the
    // database's own disk: a full mail directory must not starve it).
    sinkDir:
      smtpUrl !== null ? null : (e.CASEFLOW_MAIL_SINK_DIR ?? (demo ? join('.', 'data', 'mail-out') : null)),
  };
}

/** The domain of an address or of `Name <address>`, lower-case. Pure. */
export function mailDomainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return (address.split('@')[1] ?? 'caseflow.localhost').trim().toLowerCase();
}

/** The address part of `Name <address>` (or the address itself). Pure. */
export function mailAddressOf(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
}

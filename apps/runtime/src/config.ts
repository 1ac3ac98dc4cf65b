import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './outbox/retry-policy';

const Flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** PORT: where the runtime listens (also the default of the public address, mail-config.ts). */
export const Port = z.coerce.number().int().min(0).max(65535).default(3000);

const EnvSchema = z.object({
  PORT: Port,
  HOST: z.string().min(1).default('0.0.0.0'),
  CASEFLOW_DB: z.string().min(1).default('./data/caseflow.db'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CASEFLOW_CLOCK: z.enum(['real', 'manual']).default('real'),
  CASEFLOW_ADMIN_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
  CASEFLOW_DEMO: Flag,
  /** Unset: the demo seeds its 90 days of history when the clock is real (tests use a manual one). */
  CASEFLOW_DEMO_HISTORY: z.enum(['0', '1', 'true', 'false', 'yes', 'no']).optional(),
  /** Unset: in demo mode agents at work per their calendar are online at start and on sign-in. */
  CASEFLOW_DEMO_PRESENCE: z.enum(['0', '1', 'true', 'false', 'yes', 'no']).optional(),
  CASEFLOW_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  CASEFLOW_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  CASEFLOW_DATA_KEY: z
    .string()
    .refine((v) => dataKeyBytes(v) !== null, '32 bytes as 64 hex digits or base64')
    .optional(),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CASEFLOW_WEBHOOK_URL: z.url().optional(),
  /** Request body limit in bytes (not a DESIGN contract; useful for tests). */
  CASEFLOW_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Proxies in front of the runtime whose X-Forwarded-For is trusted (0: use the socket address). */
  CASEFLOW_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Open connections one address may hold (0: no cap); unset: 256, or none behind a proxy. */
  CASEFLOW_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000).optional(),
  /** Bytes of a POST /cases/:id/messages body: files travel in it as base64. */
  CASEFLOW_MESSAGE_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  /** Bytes of files one user may upload per hour (messages with attachments). */
  CASEFLOW_UPLOAD_BYTES_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024 * 1024),
  /** How long a client may take to send one whole request, body included. */
  CASEFLOW_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  CASEFLOW_SESSION_MAX_AGE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 90)
    .default(12 * 60),
  CASEFLOW_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 90)
    .default(2 * 60),
  CASEFLOW_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(DEFAULT_RETRY_POLICY.maxAttempts),
  CASEFLOW_OUTBOX_BACKOFF_MS: z.coerce.number().int().min(1).default(DEFAULT_RETRY_POLICY.backoffMs),
  CASEFLOW_OUTBOX_BACKOFF_CAP_MS: z.coerce.number().int().min(1).default(DEFAULT_RETRY_POLICY.backoffCapMs),
});

/** The runtime's whole configuration, read from the environment only (DESIGN §4). */
export interface Config {
  port: number;
  host: string;
  db: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  clock: 'real' | 'manual';
  adminPassword: string | undefined;
  demo: boolean;
  /** The demo seeds ~90 days of cases made by the engine on a simulated clock (CASEFLOW_DEMO_HISTORY). */
  demoHistory: boolean;
  /**
   * In demo mode, agents at work per their calendar are set online at start and an agent who
   * signs in is set online (CASEFLOW_DEMO_PRESENCE, default on; seed/demo-presence.ts).
   */
  demoPresence: boolean;
  /** Signs session tokens only (CASEFLOW_SECRET). */
  secret: string;
  /** Signs outgoing webhooks only (CASEFLOW_WEBHOOK_SECRET). */
  webhookSecret: string;
  /** AES-256-GCM key for stored credentials (CASEFLOW_DATA_KEY), 32 bytes. */
  dataKey: Buffer;
  /** The keys that were unset and generated for this process (demo, tests); the caller warns. */
  generatedKeys: string[];
  /** True when CASEFLOW_SECRET was unset and a random one was generated for this process. */
  secretGenerated: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  webhookUrl: string | undefined;
  bodyLimit: number;
  /** The body limit of a message with files (CASEFLOW_MESSAGE_BODY_LIMIT). */
  messageBodyLimit: number;
  /** Bytes of files one user may upload per hour (CASEFLOW_UPLOAD_BYTES_PER_HOUR). */
  uploadBytesPerHour: number;
  /** How the outbox retries messages the receiver did not take (CASEFLOW_OUTBOX_*). */
  outbox: RetryPolicy;
  /** How many proxies' X-Forwarded-For entries name the client (CASEFLOW_TRUST_PROXY; 0: none). */
  trustProxy: number;
  /** Session lifetimes, the server's: absolute and idle (CASEFLOW_SESSION_*_MINUTES). */
  sessions: { maxAgeMs: number; idleMs: number };
  /**
   * What one client may hold of the HTTP server: open connections per address (0: no cap) and
   * the time to send a request (CASEFLOW_MAX_CONNECTIONS_PER_ADDRESS, CASEFLOW_REQUEST_TIMEOUT_MS).
   */
  connections: { perAddress: number; requestTimeoutMs: number };
}

/** Thrown by loadConfig with one line per bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the configuration from `env`. Throws ConfigError naming every bad
 * variable. Generates a random secret when CASEFLOW_SECRET is unset (the caller warns).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, blankToUndefined(env[k])]));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production' && !e.CASEFLOW_DEMO;
  const missing = KEY_VARIABLES.filter((k) => e[k] === undefined);
  if (production && missing.length > 0) {
    // One key per purpose (DESIGN §8): a generated key would end every session and make stored
    // credentials unreadable at the next restart, so production names what is missing instead.
    throw new ConfigError(
      `invalid configuration:\n${missing.map((k) => `  ${k}: required when NODE_ENV=production`).join('\n')}`,
    );
  }
  if (e.CASEFLOW_OUTBOX_BACKOFF_CAP_MS < e.CASEFLOW_OUTBOX_BACKOFF_MS) {
    throw new ConfigError(
      'invalid configuration:\n  CASEFLOW_OUTBOX_BACKOFF_CAP_MS: must not be below CASEFLOW_OUTBOX_BACKOFF_MS',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    db: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: e.CASEFLOW_DB },
    clock: e.CASEFLOW_CLOCK,
    adminPassword: e.CASEFLOW_ADMIN_PASSWORD,
    demo: e.CASEFLOW_DEMO,
    demoHistory:
      e.CASEFLOW_DEMO &&
      (e.CASEFLOW_DEMO_HISTORY === undefined
        ? e.CASEFLOW_CLOCK === 'real'
        : ['1', 'true', 'yes'].includes(e.CASEFLOW_DEMO_HISTORY)),
    demoPresence:
      e.CASEFLOW_DEMO &&
      (e.CASEFLOW_DEMO_PRESENCE === undefined || ['1', 'true', 'yes'].includes(e.CASEFLOW_DEMO_PRESENCE)),
    secret: e.CASEFLOW_SECRET ?? randomBytes(32).toString('base64url'),
    webhookSecret: e.CASEFLOW_WEBHOOK_SECRET ?? randomBytes(32).toString('base64url'),
    dataKey: (e.CASEFLOW_DATA_KEY && dataKeyBytes(e.CASEFLOW_DATA_KEY)) || randomBytes(32),
    generatedKeys: missing,
    secretGenerated: e.CASEFLOW_SECRET === undefined,
    logLevel: e.LOG_LEVEL,
    webhookUrl: e.CASEFLOW_WEBHOOK_URL,
    bodyLimit: e.CASEFLOW_BODY_LIMIT,
    messageBodyLimit: Math.max(e.CASEFLOW_MESSAGE_BODY_LIMIT, e.CASEFLOW_BODY_LIMIT),
    uploadBytesPerHour: e.CASEFLOW_UPLOAD_BYTES_PER_HOUR,
    outbox: {
      maxAttempts: e.CASEFLOW_OUTBOX_MAX_ATTEMPTS,
      backoffMs: e.CASEFLOW_OUTBOX_BACKOFF_MS,
      backoffCapMs: e.CASEFLOW_OUTBOX_BACKOFF_CAP_MS,
    },
    trustProxy: e.CASEFLOW_TRUST_PROXY,
    sessions: {
      maxAgeMs: e.CASEFLOW_SESSION_MAX_AGE_MINUTES * 60_000,
      idleMs: e.CASEFLOW_SESSION_IDLE_MINUTES * 60_000,
    },
    connections: {
      // Behind a proxy every client has the proxy's address: a cap there would be on everyone.
      perAddress: e.CASEFLOW_MAX_CONNECTIONS_PER_ADDRESS ?? (e.CASEFLOW_TRUST_PROXY > 0 ? 0 : 256),
      requestTimeoutMs: e.CASEFLOW_REQUEST_TIMEOUT_MS,
    },
  };
}

const KEY_VARIABLES = ['CASEFLOW_SECRET', 'CASEFLOW_WEBHOOK_SECRET', 'CASEFLOW_DATA_KEY'] as const;

/** A 32-byte key written as 64 hex digits or as base64 / base64url; null when it is neither. */
function dataKeyBytes(text: string): Buffer | null {
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  return bytes.length === 32 ? bytes : null;
}

function blankToUndefined(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

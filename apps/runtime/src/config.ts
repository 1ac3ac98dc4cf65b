import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './outbox/retry-policy';

const Flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
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
  CASEFLOW_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CASEFLOW_WEBHOOK_URL: z.url().optional(),
  /** Request body limit in bytes (not a DESIGN contract; useful for tests). */
  CASEFLOW_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
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
  secret: string;
  /** True when CASEFLOW_SECRET was unset and a random one was generated for this process. */
  secretGenerated: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  webhookUrl: string | undefined;
  bodyLimit: number;
  /** How the outbox retries messages the receiver did not take (CASEFLOW_OUTBOX_*). */
  outbox: RetryPolicy;
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
    secret: e.CASEFLOW_SECRET ?? randomBytes(32).toString('base64url'),
    secretGenerated: e.CASEFLOW_SECRET === undefined,
    logLevel: e.LOG_LEVEL,
    webhookUrl: e.CASEFLOW_WEBHOOK_URL,
    bodyLimit: e.CASEFLOW_BODY_LIMIT,
    outbox: {
      maxAttempts: e.CASEFLOW_OUTBOX_MAX_ATTEMPTS,
      backoffMs: e.CASEFLOW_OUTBOX_BACKOFF_MS,
      backoffCapMs: e.CASEFLOW_OUTBOX_BACKOFF_CAP_MS,
    },
  };
}

function blankToUndefined(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

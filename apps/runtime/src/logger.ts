import pino from 'pino';

/** The runtime's logger (pino). */
export type Logger = pino.Logger;

/** Field names whose values never reach the log (compared lower-case, without `-` and `_`). */
const SECRET_FIELDS = new Set([
  'authorization',
  'proxyauthorization',
  'password',
  'passwordhash',
  'token',
  'secret',
  'cookie',
  'setcookie',
  'apikey',
  'xapikey',
]);
/** Names ending in these are secret too (`webhookSecret`, `accessToken`, `newPassword`). */
const SECRET_SUFFIX = /(password|secret|token)$/;
const CENSOR = '[redacted]';
/** How deep redaction looks into a logged value; deeper parts are cut. */
const MAX_DEPTH = 8;

/** True for a field name whose value must never be logged. */
export function isSecretField(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_]/g, '');
  return SECRET_FIELDS.has(n) || SECRET_SUFFIX.test(n);
}

/**
 * A copy of `value` with every secret-named field censored at any depth (pino's own `redact`
 * needs each path spelled out). Errors are serialized without their query parameters; those
 * under a top-level `err` / `error` key are left to pino, which applies the same serializer.
 */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return safeErrorSerializer(value);
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  // `seen` holds the ancestors only: a value shared by two fields is copied twice, a cycle cut.
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((v) => redactSecrets(v, depth + 1, seen));
  else {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (isSecretField(k)) copy[k] = CENSOR;
      else if (depth === 0 && (k === 'err' || k === 'error') && v instanceof Error) copy[k] = v;
      else copy[k] = redactSecrets(v, depth + 1, seen);
    }
    out = copy;
  }
  seen.delete(value);
  return out;
}

/** Error fields that carry bound values or row contents (drizzle; node-postgres `detail`, `where`). */
const VALUE_FIELDS = new Set(['params', 'parameters', 'values', 'detail', 'where']);

/**
 * The error serializer of every log line: type, message, stack, the error's own fields and its
 * `cause` chain, minus query parameters. Drizzle puts them in `params` and in the message
 * ("Failed query: …\nparams: …", a password hash when a login query fails); PostgreSQL's
 * `detail` quotes row values ("Key (x)=(…) already exists"). The SQL text, SQLSTATE and
 * constraint stay: they locate the bug without exposing data.
 */
export function safeErrorSerializer(err: unknown): unknown {
  return serializeError(err, 0);
}

function serializeError(err: unknown, depth: number): unknown {
  if (!(err instanceof Error)) return redactSecrets(err, 1);
  const message = safeMessage(err);
  const out: Record<string, unknown> = { type: err.constructor?.name ?? err.name, message };
  if (typeof err.stack === 'string') {
    // The stack begins with "name: message"; keep only the frames after the original message.
    const header = `${err.name}: ${err.message}`;
    if (err.stack.startsWith(header)) out.stack = `${err.name}: ${message}${err.stack.slice(header.length)}`;
    else if (message === err.message) out.stack = err.stack;
  }
  for (const [k, v] of Object.entries(err)) {
    if (VALUE_FIELDS.has(k) || k === 'message' || k === 'stack' || k === 'cause') continue;
    out[k] = isSecretField(k) ? CENSOR : redactSecrets(v, 1);
  }
  if (err.cause !== undefined)
    out.cause = depth < MAX_DEPTH ? serializeError(err.cause, depth + 1) : '[too deep]';
  return out;
}

/** The message without bound values: drizzle's query error is rebuilt from its SQL text alone. */
function safeMessage(err: Error): string {
  const { query, params } = err as { query?: unknown; params?: unknown };
  if (typeof query === 'string' && params !== undefined) return `Failed query: ${query}`;
  return err.message;
}

/**
 * JSON logger (stdout unless `destination` is given, which tests use to read the lines).
 * Secrets are redacted by field name at any depth, and errors lose their query parameters, as
 * a second line of defence: the request log never passes headers or bodies in the first place.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'caseflow-runtime' },
    serializers: { err: safeErrorSerializer, error: safeErrorSerializer },
    formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

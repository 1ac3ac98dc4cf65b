import pino from 'pino';

export type Logger = pino.Logger;

/** Field names whose values never reach the log, wherever they appear (two levels deep). */
const SECRET_FIELDS = ['authorization', 'password', 'token', 'secret', 'cookie', 'passwordHash'];
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `headers["${f}"]`]);

/** JSON logger on stdout; secrets are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'caseflow-runtime' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

import pino from 'pino';

/** The runtime's logger (pino). */
export type Logger = pino.Logger;

/** Field names whose values never reach the log, wherever they appear (two levels deep). */
const SECRET_FIELDS = ['authorization', 'password', 'token', 'secret', 'cookie', 'passwordHash'];
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `headers["${f}"]`]);

/**
 * JSON logger (stdout unless `destination` is given, which tests use to read the lines).
 * Secrets are redacted by field name as a second line of defence: the request log never
 * passes headers or bodies in the first place.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'caseflow-runtime' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

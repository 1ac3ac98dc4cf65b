import type { Problem } from '@caseflow/schema';

/** One field-level message from a 400 answer, keyed by a dotted path ("values.amount"). */
export interface FieldMessage {
  field: string;
  message: string;
}

/**
 * An error answered by the runtime (`{error:{code,message,details}}`) or a network failure.
 * `fields` lists field-level details (400), `problems` flow problems (422), `allowed` the
 * events the engine would accept (409).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldMessage[] = [],
    readonly problems: Problem[] = [],
    readonly allowed: string[] = [],
    /** The answer's `error.details` as sent, for errors with details of their own shape. */
    readonly details: unknown = undefined,
  ) {
    super(message);
  }

  /** The message a person reads: the summary followed by each field named with its problem. */
  describe(): string {
    if (this.fields.length === 0) return this.message;
    return `${this.message}: ${this.fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ')}`;
  }

  /** Messages keyed by field name, with a leading `values.` stripped (form errors). */
  byField(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) {
      const name = f.field.replace(/^values\./, '');
      if (out[name] === undefined) out[name] = f.message;
    }
    return out;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fieldOf(d: Record<string, unknown>): string {
  if (typeof d.field === 'string') return d.field;
  if (typeof d.path === 'string') return d.path;
  if (Array.isArray(d.path)) return d.path.map(String).join('.');
  return '';
}

/**
 * Reads an error body of any shape the runtime answers with into an ApiError. Pure.
 * Details may be `[{path,message}]`, `[{field,code,message}]`, `{problems}` or `{allowed}`.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof err.code === 'string' ? err.code : `http-${status}`;
  const message = typeof err.message === 'string' ? err.message : `request failed with status ${status}`;
  const details = err.details;
  const fields: FieldMessage[] = [];
  let problems: Problem[] = [];
  let allowed: string[] = [];
  const list = Array.isArray(details)
    ? details
    : isRecord(details) && Array.isArray(details.fields)
      ? details.fields
      : isRecord(details) && Array.isArray(details.errors)
        ? details.errors
        : [];
  for (const d of list) {
    if (isRecord(d) && typeof d.message === 'string' && typeof d.severity !== 'string') {
      fields.push({ field: fieldOf(d), message: d.message });
    }
  }
  if (isRecord(details) && Array.isArray(details.problems)) problems = details.problems as Problem[];
  else if (Array.isArray(details) && details.every((d) => isRecord(d) && typeof d.severity === 'string')) {
    problems = details as Problem[];
  }
  if (isRecord(details) && Array.isArray(details.allowed)) allowed = details.allowed.map(String);
  if (isRecord(body) && Array.isArray(body.problems)) problems = body.problems as Problem[];
  return new ApiError(status, code, message, fields, problems, allowed, details);
}

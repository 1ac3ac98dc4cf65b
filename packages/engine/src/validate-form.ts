import type { FieldError, FormField, FormSchema } from '@caseflow/schema';

/** Values checked against a form: the accepted (normalised) values and one error per bad field. */
export interface FormValidation {
  values: Record<string, unknown>;
  errors: FieldError[];
}

/** A form as stored or as authored: `required` may be omitted. */
export type FormInput = Pick<FormSchema, 'properties' | 'order'> & { required?: readonly string[] };

/** Strings longer than this are not matched against a pattern: backtracking cost grows with length. */
export const MAX_PATTERN_INPUT = 1000;
const MAX_PATTERN_LENGTH = 1000;

const patternCache = new Map<string, RegExp | string>();

/**
 * Whether a pattern repeats a group that itself contains a repetition, such as `(a+)+` or
 * `(\w*){2,}`: the classic shape of exponential backtracking. Such patterns are refused rather
 * than run on user input. A linear scan that skips escapes and character classes.
 */
function nestsRepetition(pattern: string): boolean {
  const repeated: boolean[] = [];
  let inner = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (char === '(') {
      repeated.push(inner);
      inner = false;
    } else if (char === ')') {
      const rest = pattern.slice(i + 1, i + 12);
      const quantified = /^(?:[+*]|\{\d*,\d*\}|\{(?:[2-9]|\d{2,})\})/.test(rest);
      if (quantified && inner) return true;
      inner = (repeated.pop() ?? false) || inner || quantified;
    } else if (char === '+' || char === '*' || (char === '{' && /^\{\d*,/.test(pattern.slice(i, i + 12)))) {
      inner = true;
    }
  }
  return false;
}

/** The compiled pattern, or the reason it cannot be used. Memoised. */
function compilePattern(pattern: string): RegExp | string {
  let compiled = patternCache.get(pattern);
  if (compiled === undefined) {
    if (pattern.length > MAX_PATTERN_LENGTH) compiled = 'is longer than 1000 characters';
    else if (nestsRepetition(pattern)) compiled = 'nests repetitions, which can take exponential time';
    else {
      try {
        compiled = new RegExp(pattern, 'u');
      } catch (error) {
        compiled = `is not a valid regular expression (${(error as Error).message})`;
      }
    }
    if (patternCache.size > 1000) patternCache.clear();
    patternCache.set(pattern, compiled);
  }
  return compiled;
}

const EMAIL =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d|60)(?:\.\d{1,9})?)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
/** Web URLs need a host: `http:foo` is a valid URI but no address anyone can open. */
const WEB_URL = /^[a-z]+:\/\/[^\s/?#@]+(?::\d+)?(?:[/?#]\S*)?$/i;
const PHONE = /^\+?[0-9 ().\-/]+$/;

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether a string has the given `format`; `textarea` is a rendering hint and accepts anything. */
function hasFormat(format: NonNullable<FormField['format']>, value: string): boolean {
  switch (format) {
    case 'email':
      return value.length <= 254 && EMAIL.test(value);
    case 'date':
      return isDate(value);
    case 'date-time': {
      const match = DATE_TIME.exec(value);
      return match !== null && isDate(match[1]!);
    }
    case 'uri':
      return URI.test(value) && (!/^(https?|ftp):/i.test(value) || WEB_URL.test(value));
    case 'phone': {
      const digits = value.replace(/\D/g, '').length;
      return PHONE.test(value) && digits >= 5 && digits <= 15;
    }
    case 'textarea':
      return true;
  }
}

const FORMAT_NAMES: Record<string, string> = {
  email: 'an e-mail address',
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time with a time zone (e.g. 2026-01-05T09:00:00Z)',
  uri: 'an absolute URL',
  phone: 'a phone number',
};

/** Reads numbers and booleans that arrive as strings (HTML forms, query strings). */
function coerce(field: FormField, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim();
  if ((field.type === 'number' || field.type === 'integer') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) {
    return Number(text);
  }
  if (field.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return raw;
}

/** Length in characters (code points), as JSON Schema counts it; no copy of a huge string. */
function codePoints(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

type Check = { code: string; message: string } | undefined;

/** The first problem with one present value, or undefined; `label` names the field for people. */
function checkValue(field: FormField, value: unknown, label: string): Check {
  const fail = (code: string, message: string) => ({ code, message });
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') return fail('type', `${label} must be text`);
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return fail('type', `${label} must be a number`);
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        return fail('type', `${label} must be a whole number`);
      }
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return fail('type', `${label} must be true or false`);
      break;
  }
  if (field.enum && !field.enum.some((option) => option === value)) {
    return fail('enum', `${label} must be one of ${field.enum.map((o) => JSON.stringify(o)).join(', ')}`);
  }
  if (typeof value === 'string') {
    const length = codePoints(value);
    if (field.maxLength !== undefined && length > field.maxLength) {
      return fail('max-length', `${label} must be at most ${field.maxLength} characters`);
    }
    if (field.minLength !== undefined && length < field.minLength) {
      return fail('min-length', `${label} must be at least ${field.minLength} characters`);
    }
    if (field.format && !hasFormat(field.format, value)) {
      return fail('format', `${label} must be ${FORMAT_NAMES[field.format]}`);
    }
    if (field.pattern !== undefined) {
      const pattern = compilePattern(field.pattern);
      if (typeof pattern === 'string')
        return fail('invalid-pattern', `${label} cannot be checked: its pattern ${pattern}`);
      if (value.length > MAX_PATTERN_INPUT) {
        return fail('pattern', `${label} is too long to check against its pattern`);
      }
      if (!pattern.test(value)) return fail('pattern', `${label} does not have the expected form`);
    }
  }
  if (typeof value === 'number') {
    if (field.minimum !== undefined && value < field.minimum) {
      return fail('minimum', `${label} must be at least ${field.minimum}`);
    }
    if (field.maximum !== undefined && value > field.maximum) {
      return fail('maximum', `${label} must be at most ${field.maximum}`);
    }
  }
  return undefined;
}

/** Sets an own property even for names like `__proto__`, which plain assignment would misread. */
function put(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Checks submitted values against a form (the JSON Schema subset of `FormSchema`). Pure.
 * - `null`, `undefined` and blank strings count as absent: a required field then fails with
 *   `required`, an optional one takes its `default` (if any) or is left out.
 * - Numbers and booleans sent as strings ("42", "true") are converted.
 * - Each field gets at most one error: `type`, `enum`, `max-length`, `min-length`, `format`,
 *   `pattern` (or `invalid-pattern` when the form's own pattern is unusable), `minimum`, `maximum`.
 * - Fields the form does not declare fail with `unknown-field`; non-object input fails with
 *   `type` on field "".
 * Messages name the field by its title. `values` holds the accepted values only.
 */
export function validateFormValues(form: FormInput, values: unknown): FormValidation {
  const out: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  if (values === null || values === undefined) values = {};
  if (typeof values !== 'object' || Array.isArray(values)) {
    return { values: out, errors: [{ field: '', code: 'type', message: 'Form values must be an object' }] };
  }
  const given = values as Record<string, unknown>;
  const declared = (name: string) => Object.hasOwn(form.properties, name);
  const required = new Set(form.required ?? []);
  const names = [
    ...new Set([...(form.order ?? []).filter(declared), ...Object.keys(form.properties), ...required]),
  ];
  for (const name of names) {
    const field = declared(name) ? form.properties[name] : undefined;
    const label = field?.title ?? name;
    const raw = Object.hasOwn(given, name) ? given[name] : undefined;
    const absent = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (absent) {
      if (field?.default !== undefined) put(out, name, field.default);
      else if (required.has(name))
        errors.push({ field: name, code: 'required', message: `${label} is required` });
      continue;
    }
    if (!field) continue;
    const value = coerce(field, raw);
    const problem = checkValue(field, value, label);
    if (problem) errors.push({ field: name, ...problem });
    else put(out, name, value);
  }
  for (const name of Object.keys(given)) {
    if (!declared(name)) {
      errors.push({ field: name, code: 'unknown-field', message: `${name} is not a field of this form` });
    }
  }
  return { values: out, errors };
}

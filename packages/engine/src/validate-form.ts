import type { FieldError, FormField, FormSchema } from '@caseflow/schema';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { compilePattern } from './feel-regexp';

/** Values checked against a form: the accepted (normalised) values and one error per bad field. */
export interface FormValidation {
  values: Record<string, unknown>;
  errors: FieldError[];
}

/** A form as stored or as authored: `required` may be omitted. */
export type FormInput = Pick<FormSchema, 'properties' | 'order'> & { required?: readonly string[] };

/** Strings longer than this are not matched against a pattern (RE2 is linear, but not free). */
export const MAX_PATTERN_INPUT = 10_000;

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

/**
 * The `format`s forms may use, as ajv format validators. Lengths are checked first, so the
 * (linear or nearly so) expressions only ever see short text; `textarea` is a rendering hint.
 */
const FORMATS: Record<NonNullable<FormField['format']>, (value: string) => boolean> = {
  email: (value) => value.length <= 254 && EMAIL.test(value),
  date: (value) => value.length === 10 && isDate(value),
  'date-time': (value) => {
    const match = value.length <= 64 ? DATE_TIME.exec(value) : null;
    return match !== null && isDate(match[1]!);
  },
  // A web address, as the form builder calls it: other schemes (javascript:, data:, file:) would
  // hand whoever follows the value something other than a page.
  uri: (value) => value.length <= 8192 && /^https?:/i.test(value) && URI.test(value) && WEB_URL.test(value),
  phone: (value) => {
    const digits = value.replace(/\D/g, '').length;
    return value.length <= 64 && PHONE.test(value) && digits >= 5 && digits <= 15;
  },
  textarea: () => true,
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'an e-mail address',
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time with a time zone (e.g. 2026-01-05T09:00:00Z)',
  uri: 'a web address (http:// or https://)',
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

/**
 * Form patterns run on RE2 (linear time) instead of JavaScript's backtracking RegExp. ajv
 * compiles a schema's patterns through this; a pattern RE2 refuses never reaches it (see
 * `fieldSchema`).
 */
const re2Engine = Object.assign(
  (pattern: string) => {
    const compiled = compilePattern(pattern);
    if (typeof compiled === 'string') throw new Error(`pattern ${pattern} ${compiled}`);
    // ajv shares compiled patterns by their toString(): it must name the pattern.
    return { test: (value: string) => compiled.test(value), toString: () => `/${pattern}/` };
  },
  { code: 're2js' },
);

let ajv: Ajv | undefined;

/**
 * The one ajv instance, made on first use. ajv compiles schemas to JavaScript with
 * `new Function`: fine in the runtime; a page under a CSP without 'unsafe-eval' must not call
 * validateFormValues (the designer checks forms with its own code).
 */
function validator(): Ajv {
  ajv ??= new Ajv({ allErrors: true, strict: true, code: { regExp: re2Engine }, formats: FORMATS });
  return ajv;
}

const compiledFields = new Map<string, ValidateFunction>();
const FIELD_CACHE_LIMIT = 500;

/** JSON with keys sorted, so equal schemas share one compiled validator. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The JSON Schema of one field's value: its validation keywords, nothing else. */
function fieldSchema(field: FormField): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: field.type };
  if (field.enum) schema.enum = field.enum;
  if (field.type === 'string') {
    if (field.minLength !== undefined) schema.minLength = field.minLength;
    if (field.maxLength !== undefined) schema.maxLength = field.maxLength;
    if (field.format) schema.format = field.format;
    if (field.pattern !== undefined) schema.pattern = field.pattern;
  }
  if (field.type === 'number' || field.type === 'integer') {
    if (field.minimum !== undefined) schema.minimum = field.minimum;
    if (field.maximum !== undefined) schema.maximum = field.maximum;
  }
  return schema;
}

/** The compiled validator of a field schema; compiled once per distinct schema (bounded cache). */
function compiledField(schema: Record<string, unknown>): ValidateFunction {
  const key = canonical(schema);
  let validate = compiledFields.get(key);
  if (!validate) {
    validate = validator().compile(schema);
    if (compiledFields.size >= FIELD_CACHE_LIMIT) compiledFields.delete(compiledFields.keys().next().value!);
    compiledFields.set(key, validate);
  }
  return validate;
}

/** Which error a field reports when its value breaks several keywords: the most basic one. */
const KEYWORD_ORDER = ['type', 'enum', 'maxLength', 'minLength', 'format', 'pattern', 'minimum', 'maximum'];
const CODES: Record<string, string> = { maxLength: 'max-length', minLength: 'min-length' };
const TYPE_WORDS: Record<FormField['type'], string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

/** An ajv error in words, naming the field by `label`. */
function fieldError(name: string, field: FormField, label: string, error: ErrorObject): FieldError {
  const code = CODES[error.keyword] ?? error.keyword;
  const limit = (error.params as { limit?: number }).limit;
  const params: Record<string, string | number> = { label };
  if (limit !== undefined) params.limit = limit;
  let message: string;
  switch (error.keyword) {
    case 'type':
      message = `${label} must be ${TYPE_WORDS[field.type]}`;
      params.expected = field.type;
      break;
    case 'enum':
      params.options = (field.enum ?? []).map((o) => JSON.stringify(o)).join(', ');
      message = `${label} must be one of ${params.options}`;
      break;
    case 'maxLength':
      message = `${label} must be at most ${limit} characters`;
      break;
    case 'minLength':
      message = `${label} must be at least ${limit} characters`;
      break;
    case 'format':
      message = `${label} must be ${FORMAT_NAMES[field.format ?? ''] ?? `in the ${field.format} format`}`;
      params.format = field.format ?? '';
      break;
    case 'pattern':
      // The pattern means little to most people: the field's description says it in words.
      message = field.description
        ? `${label} does not have the expected format: ${field.description}`
        : `${label} does not have the expected format (it must match ${field.pattern})`;
      if (field.description) params.description = field.description;
      else params.pattern = field.pattern ?? '';
      break;
    case 'minimum':
      message = `${label} must be at least ${limit}`;
      break;
    case 'maximum':
      message = `${label} must be at most ${limit}`;
      break;
    default:
      message = `${label} ${error.message ?? 'is not valid'}`;
  }
  return { field: name, code, message, params };
}

/** The first problem with one present value, or undefined; `label` names the field for people. */
function checkValue(name: string, field: FormField, value: unknown, label: string): FieldError | undefined {
  const schema = fieldSchema(field);
  if (typeof schema.pattern === 'string') {
    const pattern = compilePattern(schema.pattern);
    if (typeof pattern === 'string') {
      return {
        field: name,
        code: 'invalid-pattern',
        message: `${label} cannot be checked: its pattern ${pattern}`,
        params: { label, reason: pattern },
      };
    }
    if (typeof value === 'string' && value.length > MAX_PATTERN_INPUT) {
      return {
        field: name,
        code: 'pattern',
        message: `${label} is too long to check against its pattern`,
        params: { label, maxLength: MAX_PATTERN_INPUT },
      };
    }
  }
  const validate = compiledField(schema);
  if (validate(value)) return undefined;
  const errors = [...(validate.errors ?? [])].sort((a, b) => rank(a.keyword) - rank(b.keyword));
  return errors[0] && fieldError(name, field, label, errors[0]);
}

function rank(keyword: string): number {
  const index = KEYWORD_ORDER.indexOf(keyword);
  return index === -1 ? KEYWORD_ORDER.length : index;
}

/**
 * Mistakes in a form itself: field patterns RE2 cannot run (code `invalid-pattern`, message
 * in words). For saving a form (catalog items); flows get the same as validateFlow problems.
 */
export function formSchemaErrors(form: FormInput): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, field] of Object.entries(form.properties)) {
    if (typeof field?.pattern !== 'string') continue;
    const compiled = compilePattern(field.pattern);
    if (typeof compiled === 'string') {
      errors.push({
        field: name,
        code: 'invalid-pattern',
        message: `The pattern of ${field.title ?? name} ${compiled}`,
      });
    }
  }
  return errors;
}

/** Sets an own property even for names like `__proto__`, which plain assignment would misread. */
function put(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Checks submitted values against a form with a JSON Schema validator (ajv; patterns on
 * RE2). Pure apart from caching compiled field schemas.
 * - `null`, `undefined` and blank strings count as absent: a required field then fails with
 *   `required`, an optional one takes its `default` (if any) or is left out.
 * - Numbers and booleans sent as strings ("42", "true") are converted.
 * - Each field gets at most one error: `type`, `enum`, `max-length`, `min-length`, `format`,
 *   `pattern` (or `invalid-pattern` when RE2 cannot use the form's own pattern), `minimum`,
 *   `maximum`. A pattern error quotes the field's `description` (else the pattern).
 * - Fields the form does not declare fail with `unknown-field`; non-object input fails with
 *   `type` on field "".
 * Messages name the field by its title. `values` holds the accepted values only.
 */
export function validateFormValues(form: FormInput, values: unknown): FormValidation {
  const out: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  if (values === null || values === undefined) values = {};
  if (typeof values !== 'object' || Array.isArray(values)) {
    return {
      values: out,
      errors: [
        { field: '', code: 'type', message: 'Form values must be an object', params: { expected: 'object' } },
      ],
    };
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
        errors.push({ field: name, code: 'required', message: `${label} is required`, params: { label } });
      continue;
    }
    if (!field) continue;
    const value = coerce(field, raw);
    const problem = checkValue(name, field, value, label);
    if (problem) errors.push(problem);
    else put(out, name, value);
  }
  for (const name of Object.keys(given)) {
    if (!declared(name)) {
      errors.push({
        field: name,
        code: 'unknown-field',
        message: `${name} is not a field of this form`,
        params: { label: name },
      });
    }
  }
  return { values: out, errors };
}

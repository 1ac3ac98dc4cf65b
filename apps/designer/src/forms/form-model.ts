import { patternMatches } from '@caseflow/engine';
import { type FormField, type FormSchema, optionLabel } from '@caseflow/schema';

/** One field ready to draw: its name, definition and whether it is required. */
export interface FieldView {
  name: string;
  field: FormField;
  required: boolean;
}

/** Input form of a FormSchema (defaults optional), as stored in flows and catalog items. */
export type FormInput = {
  type?: 'object';
  title?: string;
  properties: Record<string, FormField>;
  required?: string[];
  order?: string[];
};

/** Fields in display order: `order` first, then the rest in declaration order. Pure. */
export function orderedFields(form: FormInput | FormSchema): FieldView[] {
  const names = Object.keys(form.properties);
  const order = (form.order ?? []).filter((n) => names.includes(n));
  const rest = names.filter((n) => !order.includes(n));
  const required = new Set(form.required ?? []);
  return [...order, ...rest].map((name) => ({
    name,
    field: form.properties[name]!,
    required: required.has(name),
  }));
}

/** Initial values of a form: each field's default, booleans false. Pure. */
export function initialValues(form: FormInput | FormSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, field } of orderedFields(form)) {
    if (field.default !== undefined) out[name] = field.default;
    else if (field.type === 'boolean') out[name] = false;
  }
  return out;
}

/**
 * Converts the raw string of an input into the field's JSON type: numbers parse (a bad number
 * stays a string so validation names it), empty strings become undefined. Pure.
 */
export function coerce(field: FormField, raw: string | boolean): unknown {
  if (field.type === 'boolean') return raw === true || raw === 'true';
  if (typeof raw !== 'string') return raw;
  if (raw === '') return undefined;
  if (field.type === 'number' || field.type === 'integer') {
    const enumHit = field.enum?.find((v) => String(v) === raw);
    if (enumHit !== undefined) return enumHit;
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
  }
  return raw;
}

/** Values with undefined entries removed, ready to send. Pure. */
export function cleanValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/**
 * Client-side check of values against a form: required, types, enum, length, range, pattern.
 * Returns messages by field name; the server's answer remains authoritative. Pure.
 */
export function checkValues(
  form: FormInput | FormSchema,
  values: Record<string, unknown>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldRules(form, values)).map(([k, r]) => [k, ruleInEnglish(r)]));
}

/** The rule a value broke, with what the rule asks (a limit, a pattern, the choices). */
export type FieldRule =
  | { rule: 'required' | 'number' | 'integer' | 'email' }
  | { rule: 'min' | 'max' | 'minLength' | 'maxLength'; limit: number }
  | { rule: 'pattern'; pattern: string }
  /** A pattern the field's help text describes: readers get the words, not the expression. */
  | { rule: 'described'; description: string }
  | { rule: 'enum'; options: string };

/**
 * The first rule each field's value breaks (required, type, minimum/maximum, length, email,
 * pattern, choices), by field name; fields that pass are absent. Pure.
 */
export function fieldRules(
  form: FormInput | FormSchema,
  values: Record<string, unknown>,
): Record<string, FieldRule> {
  const errors: Record<string, FieldRule> = {};
  for (const { name, field, required } of orderedFields(form)) {
    const v = values[name];
    if (v === undefined || v === '') {
      if (required && field.type !== 'boolean') errors[name] = { rule: 'required' };
      continue;
    }
    if ((field.type === 'number' || field.type === 'integer') && typeof v !== 'number') {
      errors[name] = { rule: 'number' };
    } else if (field.type === 'integer' && !Number.isInteger(v)) {
      errors[name] = { rule: 'integer' };
    } else if (typeof v === 'number') {
      if (field.minimum !== undefined && v < field.minimum)
        errors[name] = { rule: 'min', limit: field.minimum };
      else if (field.maximum !== undefined && v > field.maximum)
        errors[name] = { rule: 'max', limit: field.maximum };
    } else if (typeof v === 'string') {
      if (field.minLength !== undefined && v.length < field.minLength)
        errors[name] = { rule: 'minLength', limit: field.minLength };
      else if (field.maxLength !== undefined && v.length > field.maxLength)
        errors[name] = { rule: 'maxLength', limit: field.maxLength };
      else if (field.format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v))
        errors[name] = { rule: 'email' };
      else if (field.pattern !== undefined && !safeTest(field.pattern, v))
        errors[name] = field.description
          ? { rule: 'described', description: field.description }
          : { rule: 'pattern', pattern: field.pattern };
    }
    if (errors[name] === undefined && field.enum && !field.enum.some((e) => e === v)) {
      errors[name] = { rule: 'enum', options: field.enum.map((o) => optionLabel(field, o)).join(', ') };
    }
  }
  return errors;
}

/** A broken rule in English (screens translate it with the `form.rule.*` messages). Pure. */
export function ruleInEnglish(r: FieldRule): string {
  switch (r.rule) {
    case 'required':
      return 'is required';
    case 'number':
      return 'must be a number';
    case 'integer':
      return 'must be a whole number';
    case 'email':
      return 'must be an email address';
    case 'min':
      return `must be at least ${r.limit}`;
    case 'max':
      return `must be at most ${r.limit}`;
    case 'minLength':
      return `must be at least ${r.limit} characters`;
    case 'maxLength':
      return `must be at most ${r.limit} characters`;
    case 'pattern':
      return `must match the pattern ${r.pattern}`;
    case 'described':
      return `does not have the expected format: ${r.description}`;
    case 'enum':
      return `must be one of ${r.options}`;
  }
}

/** RE2 (linear time), as the server checks; a pattern it cannot run is left to the server. */
function safeTest(pattern: string, value: string): boolean {
  return patternMatches(pattern, value) ?? true;
}

/**
 * The errors of the fields the user has touched (those with a key in `values`), so a preview
 * does not open covered in "required" messages before anyone typed. Pure.
 */
export function touchedErrors(
  errors: Record<string, string>,
  values: Record<string, unknown>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([name]) => name in values));
}

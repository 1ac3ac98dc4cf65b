import { FormField } from '@caseflow/schema';
import type { FormInput } from '../forms/form-model';

/** The simulator's case data form: the flow's variables the form can show, and the rest. */
export interface CaseDataForm {
  form: FormInput;
  /** Variables a form field cannot hold (objects, arrays, schemas it does not read): typed as JSON. */
  other: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A form from a flow's variables schema (JSON Schema of an object): each property that reads
 * as a form field (string, number, integer, boolean, with title, enum, format, limits) becomes
 * one, in declaration order, required as the schema says; the others are listed in `other`.
 * Anything that is not an object schema gives an empty form. Pure.
 */
export function caseDataForm(variables: unknown): CaseDataForm {
  const properties = isObject(variables) && isObject(variables.properties) ? variables.properties : {};
  const fields: Record<string, FormField> = {};
  const other: string[] = [];
  for (const [name, schema] of Object.entries(properties)) {
    const field = FormField.safeParse(schema);
    // A variable without a title reads as its name in words ("cardLast4" → "Card last 4").
    if (field.success) fields[name] = { ...field.data, title: field.data.title ?? nameInWords(name) };
    else other.push(name);
  }
  const required =
    isObject(variables) && Array.isArray(variables.required)
      ? variables.required.filter((n): n is string => typeof n === 'string' && n in fields)
      : [];
  return { form: { type: 'object', properties: fields, required }, other };
}

/** A variable name as words: camelCase, snake_case and kebab-case split, digits apart, first letter capital. Pure. */
export function nameInWords(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

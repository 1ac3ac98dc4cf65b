import type { FormField } from '@caseflow/schema';
import { type FormInput, orderedFields } from './form-model';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True when `name` may name a form field (an identifier). */
export function isFieldName(name: string): boolean {
  return NAME.test(name);
}

/** Field names in display order (the `order` the builder always writes). Pure. */
export function fieldOrder(form: FormInput): string[] {
  return orderedFields(form).map((f) => f.name);
}

function withOrder(
  form: FormInput,
  order: string[],
  properties = form.properties,
  required = form.required ?? [],
): FormInput {
  return { ...form, type: 'object', properties, required: required.filter((r) => r in properties), order };
}

/** Adds a field `name` of `type` at the end; a taken or invalid name leaves the form as is. Pure. */
export function addField(form: FormInput, name: string, type: FormField['type'] = 'string'): FormInput {
  if (!isFieldName(name) || name in form.properties) return form;
  return withOrder(form, [...fieldOrder(form), name], { ...form.properties, [name]: { type, title: name } });
}

/** Removes a field and its required flag. Pure. */
export function removeField(form: FormInput, name: string): FormInput {
  const { [name]: _gone, ...properties } = form.properties;
  return withOrder(
    form,
    fieldOrder(form).filter((n) => n !== name),
    properties,
  );
}

/** Moves a field one place up (-1) or down (+1) in the display order. Pure. */
export function moveField(form: FormInput, name: string, by: -1 | 1): FormInput {
  const order = fieldOrder(form);
  const i = order.indexOf(name);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return form;
  [order[i], order[j]] = [order[j]!, order[i]!];
  return withOrder(form, order);
}

/** Replaces a field's definition; options and limits that no longer fit the type are dropped. Pure. */
export function updateField(form: FormInput, name: string, field: FormField): FormInput {
  if (!(name in form.properties)) return form;
  const clean: FormField = { ...field };
  if (clean.type === 'boolean') {
    delete clean.enum;
    delete clean.format;
  }
  if (clean.type !== 'string') {
    delete clean.minLength;
    delete clean.maxLength;
    delete clean.pattern;
    delete clean.format;
  } else {
    delete clean.minimum;
    delete clean.maximum;
  }
  return withOrder(form, fieldOrder(form), { ...form.properties, [name]: clean });
}

/** Renames a field, keeping its place and required flag; taken or invalid names are refused. Pure. */
export function renameField(form: FormInput, from: string, to: string): FormInput {
  if (from === to || !isFieldName(to) || to in form.properties || !(from in form.properties)) return form;
  const properties: Record<string, FormField> = {};
  for (const [k, v] of Object.entries(form.properties)) properties[k === from ? to : k] = v;
  const swap = (n: string) => (n === from ? to : n);
  return withOrder(form, fieldOrder(form).map(swap), properties, (form.required ?? []).map(swap));
}

/** Marks a field required or optional. Pure. */
export function setRequired(form: FormInput, name: string, required: boolean): FormInput {
  const rest = (form.required ?? []).filter((r) => r !== name);
  return withOrder(form, fieldOrder(form), form.properties, required ? [...rest, name] : rest);
}

import { z } from 'zod';

/**
 * The JSON Schema subset used by task and request forms: an object of typed fields.
 * Kept small on purpose so every form can be drawn by the form builder and checked
 * without a general JSON Schema engine.
 */
export const FormField = z.object({
  type: z.enum(['string', 'number', 'integer', 'boolean']),
  title: z.string().optional(),
  description: z.string().optional(),
  enum: z.array(z.union([z.string(), z.number()])).optional(),
  /**
   * What a person reads for each option, by the option's value ("privileged" → "Privileged
   * account (admin rights)"); an option without one shows its value.
   */
  optionLabels: z.record(z.string().max(200), z.string().trim().min(1).max(200)).optional(),
  format: z.enum(['email', 'date', 'date-time', 'uri', 'phone', 'textarea']).optional(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(0).optional(),
  pattern: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
export type FormField = z.infer<typeof FormField>;

/**
 * A form field's name: an identifier, and not `__proto__` (a JSON object parsed into one would
 * lose that field without a word).
 */
export const FieldName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'field names must be identifiers')
  .refine((name) => name !== '__proto__', 'this field name is reserved');

export const FormSchema = z
  .object({
    type: z.literal('object').default('object'),
    title: z.string().optional(),
    properties: z.record(FieldName, FormField),
    required: z.array(z.string()).default([]),
    /** Field order for rendering; fields not listed follow in declaration order. */
    order: z.array(z.string()).optional(),
  })
  .superRefine((form, ctx) => {
    for (const [name, field] of Object.entries(form.properties)) {
      for (const issue of impossibleBounds(field)) {
        ctx.addIssue({ code: 'custom', path: ['properties', name, issue.path], message: issue.message });
      }
      for (const option of strayOptions(field, field.optionLabels)) {
        ctx.addIssue({
          code: 'custom',
          path: ['properties', name, 'optionLabels', option],
          message: `labels an option the field does not have: "${option}"`,
        });
      }
    }
    // A required field the form does not have could never be filled in: nobody could submit.
    form.required.forEach((name, i) => {
      if (!Object.hasOwn(form.properties, name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['required', i],
          message: `"${name}" is not a field of the form`,
        });
      }
    });
  });
export type FormSchema = z.infer<typeof FormSchema>;

/**
 * Bounds no value could meet (a minimum above the maximum, a least length above the most, a
 * list of options with none in it): a form with such a field could never be sent, or that
 * field never filled in. Pure.
 */
function impossibleBounds(field: FormField): Array<{ path: keyof FormField; message: string }> {
  const out: Array<{ path: keyof FormField; message: string }> = [];
  if (field.minimum !== undefined && field.maximum !== undefined && field.minimum > field.maximum) {
    out.push({
      path: 'minimum',
      message: `the minimum ${field.minimum} is above the maximum ${field.maximum}`,
    });
  }
  if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
    out.push({
      path: 'minLength',
      message: `the least length ${field.minLength} is above the most ${field.maxLength}`,
    });
  }
  if (field.enum !== undefined && field.enum.length === 0) {
    out.push({ path: 'enum', message: 'a list of options needs at least one option' });
  }
  return out;
}

/**
 * One field's problem with submitted form values: a stable machine `code`, an English `message` naming the field, and the
 * `params` the message was made from (label, limit, format…), so a reader's language can say
 * the same thing (the runtime answers in the caller's language).
 */
export const FieldError = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldError = z.infer<typeof FieldError>;

/** A field's options as the keys of its labels (a set: an option list is the client's, of any length). */
export function optionsOf(field: Pick<FormField, 'enum'>): Set<string> {
  return new Set((field.enum ?? []).map(String));
}

/** The keys of `labels` that name no option of `field` (labels of renamed or removed options). */
export function strayOptions(field: Pick<FormField, 'enum'>, labels: object | undefined): string[] {
  if (!labels) return [];
  const options = optionsOf(field);
  return Object.keys(labels).filter((option) => !options.has(option));
}

/** What a person reads for one option of a field: its label, else its value. Pure. */
export function optionLabel(field: Pick<FormField, 'optionLabels'>, value: string | number): string {
  const key = String(value);
  const labels = field.optionLabels;
  return (labels && Object.hasOwn(labels, key) ? labels[key] : undefined) ?? key;
}

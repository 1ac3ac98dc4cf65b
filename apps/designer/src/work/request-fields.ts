import type { FormSchema } from '@caseflow/schema';

/** One answered field of a request: its label from the form, and the value as text. */
export interface RequestField {
  name: string;
  label: string;
  value: unknown;
}

/**
 * A request's values as labelled fields in the form's order (titles from the catalog form;
 * fields the form does not name follow under their own names). Pure.
 */
export function requestFields(values: Record<string, unknown>, form: FormSchema | null): RequestField[] {
  const props = (form?.properties ?? {}) as Record<string, { title?: string }>;
  const order = [...((form as { order?: string[] } | null)?.order ?? Object.keys(props))];
  for (const k of Object.keys(values)) if (!order.includes(k)) order.push(k);
  return order
    .filter((name) => values[name] !== undefined && values[name] !== '')
    .map((name) => ({ name, label: props[name]?.title ?? name, value: values[name] }));
}

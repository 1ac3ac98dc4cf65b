import { type FormField, type FormSchema, optionLabel } from '@caseflow/schema';

/** One answered field of a request: its label from the form, and the value as text. */
export interface RequestField {
  name: string;
  label: string;
  value: unknown;
}

/**
 * A request's values as labelled fields in the form's order (titles and option labels from the catalog form;
 * fields the form does not name follow under their own names). Pure.
 */
export function requestFields(values: Record<string, unknown>, form: FormSchema | null): RequestField[] {
  const props = (form?.properties ?? {}) as Record<string, FormField>;
  const order = [...((form as { order?: string[] } | null)?.order ?? Object.keys(props))];
  for (const k of Object.keys(values)) if (!order.includes(k)) order.push(k);
  return order
    .filter((name) => values[name] !== undefined && values[name] !== '')
    .map((name) => {
      const field = props[name];
      const value = values[name];
      // An option reads as its label ("Privileged account"), not its stored value.
      const shown =
        field?.enum && (typeof value === 'string' || typeof value === 'number')
          ? optionLabel(field, value)
          : value;
      return { name, label: field?.title ?? name, value: shown };
    });
}

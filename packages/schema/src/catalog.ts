import { z } from 'zod';
import { FieldName, FormSchema, strayOptions } from './form';
import { LIMITS, Ref } from './limits';
import { Locale } from './locale';
import { FeelExpression, Key, Role } from './primitives';

/** Who may see and request a catalog item. Empty means every signed-in user. */
export const Audience = z.object({
  roles: z.array(Role).max(4).optional(),
  /** FEEL over the customer profile, e.g. `segment = "gold"`. */
  segment: FeelExpression.optional(),
  customerIds: z.array(Ref).max(LIMITS.customerIds).optional(),
});
export type Audience = z.infer<typeof Audience>;

/**
 * An item's text in one language, for readers of that language: each part given replaces the
 * item's own; a part left out (or the whole language) falls back to it. Field labels and help
 * by field name.
 */
// Strict: a misspelt key ("descripton") is refused by name rather than dropped unseen.
export const CatalogItemText = z.strictObject({
  name: z.string().max(200).optional(),
  category: z.string().max(100).optional(),
  description: z.string().max(5000).optional(),
  fields: z
    .record(
      FieldName.max(100),
      z.strictObject({
        title: z.string().max(200).optional(),
        description: z.string().max(1000).optional(),
        /** The options' labels in this language, by option value. */
        optionLabels: z.record(z.string().max(200), z.string().max(200)).optional(),
      }),
    )
    .refine((fields) => Object.keys(fields).length <= LIMITS.mapKeys, `at most ${LIMITS.mapKeys} fields`)
    .optional(),
});
export type CatalogItemText = z.infer<typeof CatalogItemText>;

/** An item's fields, unchecked across fields (CatalogItem extends it; CatalogItemBody checks it). */
const CatalogItemFields = z.object({
  name: z.string().min(1).max(200),
  category: z.string().min(1).max(100),
  description: z.string().max(5000).default(''),
  icon: z.string().max(64).optional(),
  form: FormSchema,
  /** Key of the fulfillment flow; the flow's active version is used (or a pilot's). */
  flow: Key,
  audience: Audience.optional(),
  active: z.boolean().default(true),
  /** The item's text in other languages (DESIGN §9): what readers of each see instead. */
  translations: z.partialRecord(Locale, CatalogItemText).optional(),
});

/** An item as it is saved: a translation may only name fields its form has. */
export const CatalogItemBody = CatalogItemFields.superRefine((item, ctx) => {
  for (const [locale, text] of Object.entries(item.translations ?? {})) {
    for (const [field, fieldText] of Object.entries(text?.fields ?? {})) {
      const own = Object.hasOwn(item.form.properties, field) ? item.form.properties[field] : undefined;
      if (!own) {
        ctx.addIssue({
          code: 'custom',
          path: ['translations', locale, 'fields', field],
          message: 'no such field in the form',
        });
        continue;
      }
      for (const option of strayOptions(own, fieldText.optionLabels)) {
        ctx.addIssue({
          code: 'custom',
          path: ['translations', locale, 'fields', field, 'optionLabels', option],
          message: 'no such option in the field',
        });
      }
    }
  }
});
export type CatalogItemBody = z.infer<typeof CatalogItemBody>;

/** The item's name as a reader of `locale` reads it (a case is titled so): no copy of its form. */
export function catalogNameIn(
  item: Pick<CatalogItemBody, 'name' | 'translations'>,
  locale: Locale | null | undefined,
): string {
  return (locale ? item.translations?.[locale]?.name : undefined) || item.name;
}

/**
 * The item as a reader of `locale` sees it: its name, category, description and form labels in
 * that language where the item has them, its own text elsewhere. Pure; the item is not changed.
 */
export function catalogItemIn<
  T extends Pick<CatalogItemBody, 'name' | 'category' | 'description' | 'form' | 'translations'>,
>(item: T, locale: Locale | null | undefined): T {
  const text = locale ? item.translations?.[locale] : undefined;
  if (!text) return item;
  const properties = Object.fromEntries(
    Object.entries(item.form.properties).map(([name, field]) => {
      const own = text.fields && Object.hasOwn(text.fields, name) ? text.fields[name] : undefined;
      return [
        name,
        {
          ...field,
          ...(own?.title ? { title: own.title } : {}),
          ...(own?.description ? { description: own.description } : {}),
          ...(own?.optionLabels
            ? { optionLabels: { ...field.optionLabels, ...nonEmpty(own.optionLabels) } }
            : {}),
        },
      ];
    }),
  );
  return {
    ...item,
    name: catalogNameIn(item, locale),
    category: text.category || item.category,
    description: text.description || item.description,
    form: { ...item.form, properties },
  };
}

export const CatalogItem = CatalogItemFields.extend({
  key: Key,
  updatedAt: z.string().optional(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

/** The entries with some text (a translation left empty shows the item's own label). */
function nonEmpty(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([, text]) => text.trim() !== ''));
}

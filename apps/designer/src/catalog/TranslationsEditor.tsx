import {
  type CatalogItemBody,
  type CatalogItemText,
  type FormField,
  optionLabel,
  optionsOf,
} from '@caseflow/schema';
import { useLanguageNames } from '../i18n/language-name';
import { LOCALES, type Locale } from '../i18n/locales';
import { onlyKeys } from '../i18n/text-map';
import { useT } from '../i18n/use-t';

type Translations = NonNullable<CatalogItemBody['translations']>;

/**
 * The item's text in each language, one fold per language: name, category, description and
 * each form field's label and help. Anything left empty shows the item's own text to readers
 * of that language, so an owner translates as much as they like.
 */
export function TranslationsEditor({
  item,
  onChange,
}: {
  item: CatalogItemBody;
  onChange: (translations: Translations | undefined) => void;
}) {
  const t = useT();
  const languages = useLanguageNames();
  const all = item.translations ?? {};
  const fields = Object.entries(item.form.properties);

  function update(locale: Locale, text: CatalogItemText) {
    const next: Translations = { ...all, [locale]: text };
    if (isEmpty(text)) delete next[locale];
    onChange(Object.keys(next).length > 0 ? next : undefined);
  }

  return (
    <fieldset className="translations">
      <legend>{t('catalogEditor.translations')}</legend>
      <p className="muted">{t('catalogEditor.translationsHelp')}</p>
      {LOCALES.map((locale) => {
        const text = all[locale] ?? {};
        const language = languages.name(locale);
        const set = (patch: Partial<CatalogItemText>) => update(locale, { ...text, ...patch });
        const setField = (name: string, patch: Partial<FieldText>) =>
          set({ fields: { ...text.fields, [name]: { ...text.fields?.[name], ...patch } } });
        return (
          <details key={locale} open={!isEmpty(text)}>
            <summary>{t('catalogEditor.textIn', { language })}</summary>
            <label>
              {t('catalogEditor.nameIn', { language })}
              <input
                value={text.name ?? ''}
                placeholder={item.name}
                onChange={(e) => set({ name: e.target.value })}
              />
            </label>
            <label>
              {t('catalogEditor.categoryIn', { language })}
              <input
                value={text.category ?? ''}
                placeholder={item.category}
                onChange={(e) => set({ category: e.target.value })}
              />
            </label>
            <label>
              {t('catalogEditor.descriptionIn', { language })}
              <textarea
                rows={2}
                value={text.description ?? ''}
                placeholder={item.description}
                onChange={(e) => set({ description: e.target.value })}
              />
            </label>
            {fields.map(([name, field]) => (
              <div key={name} className="translation-field">
                <label>
                  {t('catalogEditor.fieldLabelIn', { field: field.title ?? name, language })}
                  <input
                    value={text.fields?.[name]?.title ?? ''}
                    placeholder={field.title ?? name}
                    onChange={(e) => setField(name, { title: e.target.value })}
                  />
                </label>
                <label>
                  {t('catalogEditor.fieldHelpIn', { field: field.title ?? name, language })}
                  <input
                    value={text.fields?.[name]?.description ?? ''}
                    placeholder={field.description ?? ''}
                    onChange={(e) => setField(name, { description: e.target.value })}
                  />
                </label>
                {(field.enum ?? []).map((option) => (
                  <label key={String(option)}>
                    {t('catalogEditor.optionIn', { option: optionLabel(field, option), language })}
                    <input
                      value={text.fields?.[name]?.optionLabels?.[String(option)] ?? ''}
                      placeholder={optionLabel(field, option)}
                      onChange={(e) =>
                        setField(name, {
                          optionLabels: {
                            ...text.fields?.[name]?.optionLabels,
                            [String(option)]: e.target.value,
                          },
                        })
                      }
                    />
                  </label>
                ))}
              </div>
            ))}
          </details>
        );
      })}
    </fieldset>
  );
}

/**
 * The item's translations without the texts of fields its form no longer has (removed in the
 * form builder after they were translated), which the runtime would refuse. Pure.
 */
export function translationsOfForm(item: CatalogItemBody): CatalogItemBody['translations'] {
  if (!item.translations) return undefined;
  const out: Translations = {};
  for (const [locale, text] of Object.entries(item.translations) as Array<[Locale, CatalogItemText]>) {
    const fields = Object.fromEntries(
      Object.entries(text.fields ?? {})
        .filter(([name]) => Object.hasOwn(item.form.properties, name))
        .map(([name, fieldText]) => [name, withOptionsOf(fieldText, item.form.properties[name]!)]),
    );
    const kept = { ...text, ...(text.fields ? { fields } : {}) };
    if (!isEmpty(kept)) out[locale] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

type FieldText = NonNullable<CatalogItemText['fields']>[string];

/** A field's text with only the labels of options the field has, and none left empty. Pure. */
function withOptionsOf(text: FieldText, field: FormField): FieldText {
  const { optionLabels, ...rest } = text;
  const written = Object.entries(optionLabels ?? {}).filter(([, label]) => label.trim() !== '');
  const kept = onlyKeys(Object.fromEntries(written), optionsOf(field));
  return kept ? { ...rest, optionLabels: kept } : rest;
}

/** Whether `text` holds nothing: no part of it would change what a reader sees. */
function isEmpty(text: CatalogItemText): boolean {
  const parts = [text.name, text.category, text.description];
  const fieldParts = Object.values(text.fields ?? {}).flatMap((f) => [
    f.title,
    f.description,
    ...Object.values(f.optionLabels ?? {}),
  ]);
  return [...parts, ...fieldParts].every((p) => !p);
}

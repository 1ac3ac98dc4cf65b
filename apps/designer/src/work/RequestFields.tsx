import type { FormSchema } from '@caseflow/schema';
import { api } from '../auth/session';
import { useCatalogText } from '../catalog/use-catalog-text';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { requestFields } from './request-fields';

/** A catalog request as labelled fields (the item's form titles), wrapping long values. */
export function RequestFields({
  values,
  catalogItem,
}: {
  values: Record<string, unknown>;
  catalogItem: string | null;
}) {
  const t = useT();
  const item = useResource(
    () => (catalogItem ? api.getCatalogItem(catalogItem).catch(() => null) : Promise.resolve(null)),
    [catalogItem],
  );
  const inLanguage = useCatalogText();
  const shown = item.data ? inLanguage(item.data) : null;
  const fields = requestFields(values, (shown?.form as FormSchema | undefined) ?? null);
  if (fields.length === 0) return null;
  const text = (v: unknown) =>
    typeof v === 'boolean'
      ? t(v ? 'case.yes' : 'case.no')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);
  return (
    <dl className="attributes request-fields">
      {fields.map((f) => (
        <div key={f.name}>
          <dt>{f.label}</dt>
          <dd>{text(f.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

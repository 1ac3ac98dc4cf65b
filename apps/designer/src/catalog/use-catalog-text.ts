import { type CatalogItemBody, catalogItemIn } from '@caseflow/schema';
import { useCallback } from 'react';
import { useLocale } from '../i18n/use-locale';

/**
 * The catalog item as the reader sees it: in their language where the item has text for it
 * (name, category, description, field labels), its own text elsewhere. Screens that show items
 * to requesters use it; the catalog editor shows the item as stored.
 */
export function useCatalogText() {
  const locale = useLocale((s) => s.locale);
  return useCallback(
    <T extends Pick<CatalogItemBody, 'name' | 'category' | 'description' | 'form' | 'translations'>>(
      item: T,
    ) => catalogItemIn(item, locale),
    [locale],
  );
}

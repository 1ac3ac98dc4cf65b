import type { CatalogItem } from '@caseflow/schema';

/**
 * Items matching a search text in name, description or category, grouped by category and
 * sorted by it. Items not offered (inactive) are left out unless `withInactive` (owners, who
 * must be able to find them again to edit them). Pure.
 */
export function groupCatalog(
  items: readonly CatalogItem[],
  search: string,
  withInactive = false,
): Array<[string, CatalogItem[]]> {
  const q = search.trim().toLowerCase();
  const groups = new Map<string, CatalogItem[]>();
  for (const item of items) {
    if (item.active === false && !withInactive) continue;
    const text = `${item.name} ${item.description} ${item.category}`.toLowerCase();
    if (q && !text.includes(q)) continue;
    const list = groups.get(item.category) ?? [];
    list.push(item);
    groups.set(item.category, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

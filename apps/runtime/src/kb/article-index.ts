import { catalogItemIn, type KbLocale } from '@caseflow/schema';
import { boostOf } from '../store/kb-match';
import type { ArticleRow } from '../store/kb-store';
import type { CatalogItemRow, Store } from '../store/store';
import { indexTerms, vocabulary } from './analyzer';
import { plainText } from './markdown';

/*
 * Keeps the search index in step with articles (on every save, in the same transaction) and
 * with the catalog (catalog items are indexed once per language, since a query is analysed in
 * the language of the person asking).
 */

/** Indexes a published article, or removes a draft from the index. */
export async function indexArticle(tx: Store, row: ArticleRow): Promise<void> {
  if (row.status !== 'published') {
    await tx.kb.unindex('article', row.slug, row.locale);
    return;
  }
  const text = plainText(row.body);
  const tags = row.tags.join(' ');
  await tx.kb.index({
    kind: 'article',
    key: row.slug,
    locale: row.locale,
    audience: row.audience,
    title: row.title,
    category: row.category,
    text,
    titleTerms: indexTerms(row.locale, row.title),
    tagTerms: indexTerms(row.locale, `${tags} ${row.category}`),
    bodyTerms: indexTerms(row.locale, text),
    boost: boostOf(row.helpful, row.notHelpful),
  });
  await tx.kb.addWords(vocabulary(row.locale, `${row.title} ${tags} ${text}`));
}

const LOCALES: KbLocale[] = ['en', 'pt-BR'];

/**
 * Indexes one catalog item in every language, with its text in that language where it has one
 * (signed-in readers: audience `customers`).
 */
export async function indexCatalogItem(tx: Store, stored: CatalogItemRow): Promise<void> {
  for (const locale of LOCALES) {
    const item = catalogItemIn(stored, locale);
    await tx.kb.index({
      kind: 'catalog',
      key: item.key,
      locale,
      audience: 'customers',
      title: item.name,
      category: item.category,
      text: item.description,
      titleTerms: indexTerms(locale, item.name),
      tagTerms: indexTerms(locale, item.category),
      bodyTerms: indexTerms(locale, item.description),
      boost: 1,
    });
    await tx.kb.addWords(vocabulary(locale, `${item.name} ${item.description}`));
  }
}

/**
 * The catalog as the index last saw it, per store: catalog items change rarely and through
 * several paths (the editor, the demo seed), so a search compares their `updatedAt` with this
 * and indexes what changed. Every process does the same; indexing is an idempotent upsert.
 */
const seen = new WeakMap<Store, Map<string, number>>();

/** Brings the catalog's index entries up to date with `items` (the current catalog). */
export async function syncCatalogIndex(store: Store, items: CatalogItemRow[]): Promise<void> {
  let known = seen.get(store);
  if (!known) {
    known = new Map();
    seen.set(store, known);
  }
  const changed = items.filter((i) => known.get(i.key) !== i.updatedAt);
  if (changed.length === 0) return;
  await store.transaction(async (tx) => {
    for (const item of changed) await indexCatalogItem(tx, item);
  });
  for (const item of changed) known.set(item.key, item.updatedAt);
}

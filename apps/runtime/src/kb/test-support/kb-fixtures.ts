import { userRow } from '../../executor/test-support/user-row';
import type { ArticleRow } from '../../store/kb-store';
import type { CatalogItemRow, Store, UserRow } from '../../store/store';
import { indexArticle } from '../article-index';
import { CORPUS } from './corpus';

/* Rows and users for knowledge-base tests on either store. */

export const KB_T0 = 1_700_000_000_000;

/** An article row from a corpus entry (published unless `over` says otherwise). */
export function articleRow(entry: (typeof CORPUS)[number], over: Partial<ArticleRow> = {}): ArticleRow {
  const { slug, catalogItems, ...body } = entry;
  return {
    ...body,
    slug,
    status: 'published',
    catalogItems: catalogItems ?? [],
    revision: 1,
    helpful: 0,
    notHelpful: 0,
    flaggedAt: null,
    flagReason: null,
    createdAt: KB_T0,
    createdBy: 'olivia',
    updatedAt: KB_T0,
    updatedBy: 'olivia',
    ...over,
  };
}

/** Saves and indexes every corpus article (as the save command does, without its user check). */
export async function loadCorpus(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    for (const entry of CORPUS) {
      const row = articleRow(entry);
      await tx.kb.save(
        row,
        {
          slug: row.slug,
          locale: row.locale,
          revision: 1,
          at: KB_T0,
          by: 'olivia',
          action: 'published',
          changes: ['title', 'body'],
          note: null,
        },
        0,
      );
      await indexArticle(tx, row);
    }
  });
}

/** Saves one article (published, public, unless `fields` say otherwise) with its history entry. */
export function saveArticle(
  store: Store,
  fields: Pick<ArticleRow, 'slug' | 'locale' | 'title'> & Partial<ArticleRow>,
): Promise<ArticleRow | null> {
  const row = articleRow(
    { body: `# ${fields.title}`, category: 'general', tags: [], audience: 'public', ...fields },
    fields,
  );
  return store.transaction((tx) =>
    tx.kb.save(row, {
      slug: row.slug,
      locale: row.locale,
      revision: 1,
      at: row.createdAt,
      by: row.createdBy,
      action: 'created',
      changes: [],
      note: null,
    }),
  );
}

export function user(username: string, over: Partial<UserRow> = {}): UserRow {
  return userRow(username, { roles: ['customer'], createdAt: KB_T0, ...over });
}

export const CUSTOMER = user('carla', { customerId: 'c-1001' });
export const AGENT = user('lena', { roles: ['agent'], groups: ['service-desk'] });

/** A catalog item for a mixed-list search. */
export function catalogItem(key: string, over: Partial<CatalogItemRow> = {}): CatalogItemRow {
  return {
    key,
    name: 'Replace a stolen card',
    category: 'Cards',
    description: 'Order a replacement for a lost or stolen card.',
    form: { type: 'object', properties: {} },
    flow: 'lost-card',
    active: true,
    updatedAt: KB_T0,
    ...over,
  } as CatalogItemRow;
}

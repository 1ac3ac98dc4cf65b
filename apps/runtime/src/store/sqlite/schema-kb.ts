import type { ArticleAudience, ArticleStatus, KbLocale } from '@caseflow/schema';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ArticleAction } from '../kb-store';

/*
 * Knowledge-base tables on SQLite. The full-text index itself is the FTS5 table `kb_fts`
 * (rowid = kb_docs.id), created by the custom migration drizzle/sqlite/*_kb_fts.sql: drizzle
 * cannot describe virtual tables.
 */

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
const ms = (name: string) => integer(name);

/** Articles, one row per slug and language. */
export const kbArticles = sqliteTable(
  'kb_articles',
  {
    slug: text('slug').notNull(),
    locale: text('locale').$type<KbLocale>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category').notNull(),
    tags: json<string[]>('tags').notNull(),
    audience: text('audience').$type<ArticleAudience>().notNull(),
    status: text('status').$type<ArticleStatus>().notNull(),
    catalogItems: json<string[]>('catalog_items').notNull(),
    revision: integer('revision').notNull(),
    helpful: integer('helpful').notNull().default(0),
    notHelpful: integer('not_helpful').notNull().default(0),
    flaggedAt: ms('flagged_at'),
    flagReason: text('flag_reason'),
    createdAt: ms('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: ms('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.slug, t.locale] }),
    index('kb_articles_category_idx').on(t.category, t.title, t.slug, t.locale),
  ],
);

/** Who changed what, when: one row per save or flag. */
export const kbArticleHistory = sqliteTable(
  'kb_article_history',
  {
    slug: text('slug').notNull(),
    locale: text('locale').$type<KbLocale>().notNull(),
    revision: integer('revision').notNull(),
    seq: integer('seq').notNull(),
    at: ms('at').notNull(),
    by: text('by'),
    action: text('action').$type<ArticleAction>().notNull(),
    changes: json<string[]>('changes').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.slug, t.locale, t.seq] })],
);

/** What the search index holds per document: metadata beside the FTS5 row of the same id. */
export const kbDocs = sqliteTable(
  'kb_docs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').$type<'article' | 'catalog'>().notNull(),
    key: text('key').notNull(),
    locale: text('locale').$type<KbLocale>().notNull(),
    audience: text('audience').$type<ArticleAudience>().notNull(),
    title: text('title').notNull(),
    category: text('category'),
    text: text('text').notNull(),
    boost: real('boost').notNull().default(1),
  },
  (t) => [uniqueIndex('kb_docs_key_idx').on(t.kind, t.key, t.locale)],
);

/** Words seen in articles, for typo tolerance. */
export const kbWords = sqliteTable('kb_words', { word: text('word').primaryKey() });

/** One vote per user and article (a new one replaces it). */
export const kbFeedback = sqliteTable(
  'kb_feedback',
  {
    slug: text('slug').notNull(),
    locale: text('locale').$type<KbLocale>().notNull(),
    username: text('username').notNull(),
    customerId: text('customer_id'),
    helpful: integer('helpful', { mode: 'boolean' }).notNull(),
    reason: text('reason'),
    draftId: text('draft_id'),
    catalogItem: text('catalog_item'),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.locale, t.username] }), index('kb_feedback_at_idx').on(t.at)],
);

/** Article reads (customers and anonymous readers). */
export const kbViews = sqliteTable(
  'kb_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    locale: text('locale').$type<KbLocale>().notNull(),
    username: text('username'),
    customerId: text('customer_id'),
    at: ms('at').notNull(),
  },
  (t) => [index('kb_views_at_idx').on(t.at), index('kb_views_customer_idx').on(t.customerId, t.at)],
);

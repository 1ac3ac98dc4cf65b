import type { ArticleAudience, ArticleStatus, KbLocale } from '@caseflow/schema';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  json as jsonColumn,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ArticleAction } from '../kb-store';

/*
 * Knowledge-base tables on PostgreSQL: the same tables as sqlite/schema-kb.ts. The index is
 * kb_docs.document, a tsvector of the analysed terms (configuration `simple`: the runtime's
 * analyser has stemmed and folded them already, the same way for both stores) under a GIN index.
 */

const json = <T>(name: string) => jsonColumn(name).$type<T>();
const ms = (name: string) => bigint(name, { mode: 'number' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const kbArticles = pgTable(
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

export const kbArticleHistory = pgTable(
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

export const kbDocs = pgTable(
  'kb_docs',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<'article' | 'catalog'>().notNull(),
    key: text('key').notNull(),
    locale: text('locale').$type<KbLocale>().notNull(),
    audience: text('audience').$type<ArticleAudience>().notNull(),
    title: text('title').notNull(),
    category: text('category'),
    text: text('text').notNull(),
    boost: doublePrecision('boost').notNull().default(1),
    document: tsvector('document').notNull(),
  },
  (t) => [
    uniqueIndex('kb_docs_key_idx').on(t.kind, t.key, t.locale),
    index('kb_docs_document_idx').using('gin', t.document),
  ],
);

export const kbWords = pgTable('kb_words', { word: text('word').primaryKey() });

export const kbFeedback = pgTable(
  'kb_feedback',
  {
    slug: text('slug').notNull(),
    locale: text('locale').$type<KbLocale>().notNull(),
    username: text('username').notNull(),
    customerId: text('customer_id'),
    helpful: boolean('helpful').notNull(),
    reason: text('reason'),
    draftId: text('draft_id'),
    catalogItem: text('catalog_item'),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.locale, t.username] }), index('kb_feedback_at_idx').on(t.at)],
);

export const kbViews = pgTable(
  'kb_views',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    locale: text('locale').$type<KbLocale>().notNull(),
    username: text('username'),
    customerId: text('customer_id'),
    at: ms('at').notNull(),
  },
  (t) => [index('kb_views_at_idx').on(t.at), index('kb_views_customer_idx').on(t.customerId, t.at)],
);

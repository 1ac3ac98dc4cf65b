import type { ArticleAudience, ArticleStatus, KbLocale, SearchKind } from '@caseflow/schema';

/*
 * The knowledge base's part of the Store (Store['kb']): articles with their history, the search
 * index both articles and catalog items live in, votes, views and the vocabulary of typo
 * tolerance. Both sides pass store/contract/kb.contract.ts.
 */

/** One article in one language; (slug, locale) is the key. */
export interface ArticleRow {
  slug: string;
  locale: KbLocale;
  title: string;
  body: string;
  category: string;
  tags: string[];
  audience: ArticleAudience;
  status: ArticleStatus;
  catalogItems: string[];
  /** 1 on creation; every save adds 1. */
  revision: number;
  helpful: number;
  notHelpful: number;
  /** Set by an agent's "outdated" flag, cleared by the next save. */
  flaggedAt: number | null;
  flagReason: string | null;
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

export type ArticleAction = 'created' | 'updated' | 'published' | 'unpublished' | 'flagged';
export interface ArticleHistoryRow {
  slug: string;
  locale: KbLocale;
  revision: number;
  at: number;
  by: string | null;
  action: ArticleAction;
  changes: string[];
  note: string | null;
}

export interface ArticleListQuery {
  /** Only these audiences (the caller's). */
  audiences: ArticleAudience[];
  status?: ArticleStatus;
  locale?: KbLocale;
  category?: string;
  flagged?: boolean;
  limit?: number;
  cursor?: string | null;
}

/** What the index holds of one article or catalog item in one locale (terms already analysed). */
export interface KbDocument {
  kind: SearchKind;
  key: string;
  locale: KbLocale;
  audience: ArticleAudience;
  title: string;
  category: string | null;
  /** Plain text the snippet is cut from. */
  text: string;
  /** Space-separated index terms (analyzer.indexTerms) per field. */
  titleTerms: string;
  tagTerms: string;
  bodyTerms: string;
  /** Ranking factor from votes: 1 without votes, 0.8–1.2. */
  boost: number;
}

/** One word of a search: any of `terms` exactly, or words starting with `prefix`. */
export interface KbMatchGroup {
  terms: string[];
  prefix: string | null;
}

/** A search as the store runs it: OR of the groups, ranked by relevance × boost. */
export interface KbSearchSpec {
  groups: KbMatchGroup[];
  locale: KbLocale;
  /** The audiences the caller may read: enforced inside the query. */
  audiences: ArticleAudience[];
  kinds: SearchKind[];
  /** Catalog items the caller may request (null: any). */
  catalogKeys: string[] | null;
  limit: number;
}

export interface KbSearchRow {
  kind: SearchKind;
  key: string;
  locale: KbLocale;
  title: string;
  category: string | null;
  text: string;
  /** Higher is better. */
  score: number;
}

export interface FeedbackRow {
  slug: string;
  locale: KbLocale;
  username: string;
  customerId: string | null;
  helpful: boolean;
  reason: string | null;
  draftId: string | null;
  catalogItem: string | null;
  at: number;
}

export interface ViewRow {
  slug: string;
  locale: KbLocale;
  username: string | null;
  customerId: string | null;
  at: number;
}

export interface KbStore {
  /** The article or null. */
  get(slug: string, locale: KbLocale): Promise<ArticleRow | null>;
  /** Every locale of a slug. */
  translations(slug: string): Promise<ArticleRow[]>;
  /** By category, title; paged by (category, title, slug, locale). */
  list(query: ArticleListQuery): Promise<{ items: ArticleRow[]; next: string | null }>;
  /**
   * Inserts or replaces the article and appends its history entry, in the caller's
   * transaction. Answers null when `expectedRevision` is given and the stored one differs.
   */
  save(
    row: ArticleRow,
    entry: ArticleHistoryRow,
    expectedRevision?: number | null,
  ): Promise<ArticleRow | null>;
  /** Sets the outdated flag and appends a `flagged` history entry. */
  flag(slug: string, locale: KbLocale, reason: string, entry: ArticleHistoryRow): Promise<ArticleRow | null>;
  /** Newest first, every locale. */
  history(slug: string): Promise<ArticleHistoryRow[]>;

  /** Adds or replaces a document of the index. */
  index(doc: KbDocument): Promise<void>;
  /** Removes a document (absent is fine). */
  unindex(kind: SearchKind, key: string, locale: KbLocale): Promise<void>;
  /** Updates the ranking factor of an indexed document. */
  setBoost(kind: SearchKind, key: string, locale: KbLocale, boost: number): Promise<void>;
  /** Runs a search; the audience, locale, kind and catalog filters are part of the query. */
  search(spec: KbSearchSpec): Promise<KbSearchRow[]>;
  /** Keys of the indexed documents of a kind (to find stale catalog entries). */
  indexedKeys(kind: SearchKind): Promise<Array<{ key: string; locale: KbLocale }>>;

  /** Remembers words for typo tolerance. */
  addWords(words: string[]): Promise<void>;
  /** Known words starting with `first` whose length is within [min, max]. */
  wordsNear(first: string, min: number, max: number): Promise<string[]>;

  /** One vote per user and article: a new vote replaces the old; counts follow. */
  vote(row: FeedbackRow): Promise<ArticleRow | null>;
  feedback(from: number, to: number): Promise<FeedbackRow[]>;
  recordView(row: ViewRow): Promise<void>;
  /** Views per (slug, locale) in [from, to). */
  viewCounts(from: number, to: number): Promise<Array<{ slug: string; locale: KbLocale; views: number }>>;
  /** Views per customer in [from, to) (views without a customer left out). */
  customerViewCounts(from: number, to: number): Promise<Array<{ customerId: string; views: number }>>;
  /** A customer's views before `before`, newest first, at most `limit`. */
  viewsOf(customerId: string, before: number, limit: number): Promise<ViewRow[]>;
}

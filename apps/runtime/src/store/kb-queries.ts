import type { KbLocale, SearchKind } from '@caseflow/schema';
import { and, type Column, eq, gte, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { ArticleListQuery } from './kb-store';

/*
 * The knowledge base's WHERE clauses and column picks, shared by both dialects as queries.ts
 * shares the cases' ones: drizzle-orm's operators work on either side's columns, so only the
 * tables (and whether a call is awaited) differ.
 */

type Cols<K extends string> = { [P in K]: Column };
type ArticleCols = Cols<'slug' | 'locale' | 'audience' | 'status' | 'category' | 'flaggedAt'>;
type HistoryCols = Cols<'slug' | 'locale' | 'revision' | 'at' | 'by' | 'action' | 'changes' | 'note'>;
type DocCols = Cols<'kind' | 'key' | 'locale'>;
type FeedbackCols = Cols<'slug' | 'locale' | 'helpful' | 'at'>;
type ViewCols = Cols<'slug' | 'locale' | 'username' | 'customerId' | 'at'>;

/** One language of one article (articles, history, feedback and views are keyed so). */
export function articleKey(t: Cols<'slug' | 'locale'>, slug: string, locale: KbLocale): SQL | undefined {
  return and(eq(t.slug, slug), eq(t.locale, locale));
}

/** One document of the search index. */
export function docKey(t: DocCols, kind: SearchKind, key: string, locale: KbLocale): SQL | undefined {
  return and(eq(t.kind, kind), eq(t.key, key), eq(t.locale, locale));
}

/** Filters of kb.list: the caller's audiences (never empty here), then the optional ones. */
export function articleListWhere(a: ArticleCols, q: ArticleListQuery): SQL | undefined {
  return and(
    inArray(a.audience, q.audiences),
    q.status ? eq(a.status, q.status) : undefined,
    q.locale ? eq(a.locale, q.locale) : undefined,
    q.category ? eq(a.category, q.category) : undefined,
    q.flagged ? isNotNull(a.flaggedAt) : undefined,
  );
}

/** The columns of a history entry (everything but the per-article sequence number). */
export function historyColumns<T extends HistoryCols>(h: T): Pick<T, keyof HistoryCols> {
  return {
    slug: h.slug,
    locale: h.locale,
    revision: h.revision,
    at: h.at,
    by: h.by,
    action: h.action,
    changes: h.changes,
    note: h.note,
  };
}

/** The helpful and not-helpful vote counts of the rows selected (numbers on both dialects). */
export function voteCounts(f: FeedbackCols) {
  return {
    helpful: sql<number>`coalesce(sum(case when ${f.helpful} then 1 else 0 end), 0)`.mapWith(Number),
    notHelpful: sql<number>`coalesce(sum(case when ${f.helpful} then 0 else 1 end), 0)`.mapWith(Number),
  };
}

/** The columns of a view row (without its id). */
export function viewColumns<T extends ViewCols>(v: T): Pick<T, keyof ViewCols> {
  return { slug: v.slug, locale: v.locale, username: v.username, customerId: v.customerId, at: v.at };
}

/** Rows whose `at` lies in [from, to). */
export function atWithin(at: Column, from: number, to: number): SQL | undefined {
  return and(gte(at, from), lt(at, to));
}

/** The first string after every word starting with `first` (its first letter): the range's end. */
export function afterLetter(first: string): string {
  return String.fromCharCode(first.charCodeAt(0) + 1);
}

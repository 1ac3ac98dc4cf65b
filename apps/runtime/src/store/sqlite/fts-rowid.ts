import type { ArticleAudience, KbLocale, SearchKind } from '@caseflow/schema';

/*
 * The rowid of a knowledge-base document in the FTS5 index carries what searches filter on, so
 * that FTS5 filters by rowid range and bit tests while it matches, without reading a row:
 *
 *   rowid = locale << 43 | audience << 41 | kind << 40 | kb_docs.id   (id < 2^40)
 *
 * Audiences are numbered so that what any reader may see (public; public and customers; all) is
 * a prefix, and one locale's documents form one range.
 */

export const KIND_SHIFT = 40;
export const AUDIENCE_SHIFT = 41;
const LOCALE_SHIFT = 43;
export const ID_MASK = 2 ** KIND_SHIFT - 1;

const LOCALES: Record<KbLocale, number> = { en: 0, 'pt-BR': 1 };
const AUDIENCES: Record<ArticleAudience, number> = { public: 0, customers: 1, agents: 2 };
const KINDS: Record<SearchKind, number> = { article: 0, catalog: 1 };

/** Candidates taken by relevance per hit answered, then ranked with helpfulness. */
export const CANDIDATES_PER_HIT = 5;

/** The FTS rowid of a document. Pure. */
export function ftsRowid(id: number, kind: SearchKind, locale: KbLocale, audience: ArticleAudience): number {
  if (!Number.isSafeInteger(id) || id < 0 || id > ID_MASK) throw new Error(`kb_docs id ${id} out of range`);
  return (
    LOCALES[locale] * 2 ** LOCALE_SHIFT +
    AUDIENCES[audience] * 2 ** AUDIENCE_SHIFT +
    KINDS[kind] * 2 ** KIND_SHIFT +
    id
  );
}

/** The rowid range of one locale's documents. Pure. */
export function rowidRange(locale: KbLocale): [number, number] {
  const lo = LOCALES[locale] * 2 ** LOCALE_SHIFT;
  return [lo, lo + 2 ** LOCALE_SHIFT - 1];
}

/** Bit mask of audiences (bit n = audience number n). Pure. */
export function audienceMask(audiences: readonly ArticleAudience[]): number {
  return audiences.reduce((m, a) => m | (1 << AUDIENCES[a]), 0);
}

/** Bit mask of kinds. Pure. */
export function kindMask(kinds: readonly SearchKind[]): number {
  return kinds.reduce((m, k) => m | (1 << KINDS[k]), 0);
}

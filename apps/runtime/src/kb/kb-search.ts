import type { KbLocale, SearchHit, SearchKind } from '@caseflow/schema';
import { mayRequest } from '../executor/catalog-rules';
import type { KbMatchGroup } from '../store/kb-store';
import type { CustomerRow, Store, UserRow } from '../store/store';
import { analyseQuery, termsOf } from './analyzer';
import { syncCatalogIndex } from './article-index';
import { audiencesFor } from './kb-access';
import { snippet } from './snippet';
import { corrections } from './typo';

/** Queries of up to this many words get typo tolerance (longer ones have enough words to match). */
export const SHORT_QUERY_WORDS = 4;

export interface SearchInput {
  q: string;
  locale: KbLocale;
  kinds: SearchKind[];
  user: UserRow | null;
  now: number;
  limit: number;
}

/**
 * Adds the corrections of misspelt words to their groups: a word of a short query that the
 * vocabulary does not hold (and, for the word being typed, that no known word starts with)
 * also matches its nearest known words.
 */
async function withTypos(store: Store, locale: KbLocale, groups: KbMatchGroup[], words: string[]) {
  if (words.length > SHORT_QUERY_WORDS) return groups;
  return Promise.all(
    groups.map(async (g, i) => {
      const word = words[i]!;
      if (word.length < 4) return g;
      const candidates = await store.kb.wordsNear(word[0]!, word.length - 2, word.length + 2);
      if (candidates.includes(word)) return g;
      if (g.prefix && candidates.some((c) => c.startsWith(word))) return g;
      const fixes = corrections(word, candidates, 2);
      if (fixes.length === 0) return g;
      return { ...g, terms: [...new Set([...g.terms, ...fixes.flatMap((f) => termsOf(locale, f))])] };
    }),
  );
}

/**
 * Searches articles and catalog items in one ranked list (DESIGN §11). The caller's audiences
 * and the catalog items they may request are conditions of the store's query; drafts are never
 * in the index. Snippets are cut from the matched text with the query's words marked.
 */
export async function searchKb(store: Store, input: SearchInput): Promise<SearchHit[]> {
  const analysed = analyseQuery(input.locale, input.q);
  if (analysed.terms.length === 0) return [];
  let kinds = input.kinds;
  let catalogKeys: string[] | null = null;
  if (!input.user) kinds = kinds.filter((k) => k !== 'catalog');
  else if (kinds.includes('catalog')) {
    const items = await store.catalog.list();
    await syncCatalogIndex(store, items);
    const customer: CustomerRow | null = input.user.customerId
      ? await store.customers.get(input.user.customerId)
      : null;
    const user = input.user;
    catalogKeys = items.filter((item) => mayRequest(user, item, customer, input.now)).map((i) => i.key);
  }
  if (kinds.length === 0) return [];
  const groups = await withTypos(
    store,
    input.locale,
    analysed.terms.map((t) => ({ terms: t.terms, prefix: t.prefix })),
    analysed.terms.map((t) => t.word),
  );
  const rows = await store.kb.search({
    groups,
    locale: input.locale,
    audiences: audiencesFor(input.user),
    kinds,
    catalogKeys,
    limit: input.limit,
  });
  const highlight = {
    terms: new Set(groups.flatMap((g) => g.terms)),
    prefixes: groups.flatMap((g) => (g.prefix ? [g.prefix] : [])),
  };
  return rows.map((r) => ({
    kind: r.kind,
    key: r.key,
    title: r.title,
    snippet: snippet(r.locale, r.text, highlight),
    score: Math.round(r.score * 1e6) / 1e6,
    locale: r.kind === 'article' ? r.locale : null,
    category: r.category,
  }));
}

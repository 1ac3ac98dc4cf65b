import type { CannedResponse } from '@caseflow/schema';

/** Folds case and accents so "saudacao" finds "Saudação". Pure. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The responses a picker shows for `query`: every word in the title or body, titles that start
 * with the query first, then those in `locale`, then by title. Pure.
 */
export function filterResponses(
  items: readonly CannedResponse[],
  query: string,
  locale: string,
): CannedResponse[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const q = fold(query.trim());
  const rank = (r: CannedResponse) =>
    (q && fold(r.title).startsWith(q) ? 0 : 2) + (r.locale === locale ? 0 : 1);
  return items
    .filter((r) => {
      const text = fold(`${r.title} ${r.body}`);
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

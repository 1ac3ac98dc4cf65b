import type { KbMatchGroup, KbSearchSpec } from './kb-store';
import { decodeCursor, encodeCursor } from './paging';

/*
 * Query text for both full-text engines, built from analysed terms only ([a-z0-9]: the analyser
 * guarantees it and `safe` checks again), so no user text ever reaches FTS5 or tsquery syntax.
 */

const safe = (t: string) => /^[a-z0-9]{1,40}$/.test(t);

function fts5Group(g: KbMatchGroup): string[] {
  const out = g.terms.filter(safe).map((t) => `"${t}"`);
  if (g.prefix && safe(g.prefix)) out.push(`"${g.prefix}"*`);
  return out;
}

/** The FTS5 MATCH expression of a search (any of the terms), or null when no term is left. */
export function fts5Match(spec: Pick<KbSearchSpec, 'groups'>): string | null {
  const terms = spec.groups.flatMap(fts5Group);
  return terms.length === 0 ? null : `{title tags body} : (${terms.join(' OR ')})`;
}

/** The tsquery text (configuration `simple`) of a search, or null when no term is left. */
export function tsQuery(spec: Pick<KbSearchSpec, 'groups'>): string | null {
  const terms = spec.groups.flatMap((g) => {
    const out = g.terms.filter(safe);
    if (g.prefix && safe(g.prefix)) out.push(`${g.prefix}:*`);
    return out;
  });
  return terms.length === 0 ? null : terms.join(' | ');
}

/** Ranking factor from votes (Laplace-smoothed helpful share): 1 without votes, 0.8–1.2. */
export function boostOf(helpful: number, notHelpful: number): number {
  return 0.8 + (0.4 * (helpful + 1)) / (helpful + notHelpful + 2);
}

/** Article lists page by offset (they are short and sorted by title). */
export function offsetOf(cursor: string | null | undefined): number {
  const c = decodeCursor(cursor);
  return c && typeof c[0] === 'number' && c[0] >= 0 && c[1] === 'o' ? c[0] : 0;
}
export function offsetCursor(offset: number): string {
  return encodeCursor(offset, 'o');
}

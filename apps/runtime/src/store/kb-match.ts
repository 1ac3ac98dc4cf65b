import type { KbLocale } from '@caseflow/schema';
import type { KbMatchGroup, KbSearchSpec } from './kb-store';
import { decodeCursor, encodeCursor } from './paging';

/*
 * Query text for both full-text engines, built from analysed terms only ([a-z0-9]: the analyser
 * guarantees it and `safe` checks again), so no user text ever reaches FTS5 or tsquery syntax.
 */

const safe = (t: string) => /^[a-z0-9]{1,40}$/.test(t);

/** The FTS5 scope token of a locale, audience or kind ("pt-BR" → "xlptbr"). */
export function scopeToken(prefix: 'xa' | 'xl' | 'xk', value: string): string {
  return prefix + value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Scope tokens of a document. */
export function scopeOf(kind: string, locale: KbLocale, audience: string): string {
  return [scopeToken('xk', kind), scopeToken('xl', locale), scopeToken('xa', audience)].join(' ');
}

function fts5Group(g: KbMatchGroup): string[] {
  const out = g.terms.filter(safe).map((t) => `"${t}"`);
  if (g.prefix && safe(g.prefix)) out.push(`"${g.prefix}"*`);
  return out;
}

/** The FTS5 MATCH expression of a search, or null when no term is left. */
export function fts5Match(
  spec: Pick<KbSearchSpec, 'groups' | 'locale' | 'audiences' | 'kinds'>,
): string | null {
  const terms = spec.groups.flatMap(fts5Group);
  if (terms.length === 0 || spec.audiences.length === 0 || spec.kinds.length === 0) return null;
  const any = (tokens: string[]) => `(${tokens.join(' OR ')})`;
  return [
    `{title tags body} : ${any(terms)}`,
    `scope : ${scopeToken('xl', spec.locale)}`,
    `scope : ${any(spec.audiences.map((a) => scopeToken('xa', a)))}`,
    `scope : ${any(spec.kinds.map((k) => scopeToken('xk', k)))}`,
  ].join(' AND ');
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

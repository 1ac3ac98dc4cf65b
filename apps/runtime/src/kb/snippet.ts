import type { KbLocale } from '@caseflow/schema';
import { fold, termsOf } from './analyzer';

/*
 * Highlighted snippets, made in the runtime for both stores alike: the window of the text with
 * the most query terms, HTML-escaped, with `<mark>` around each word whose terms match the
 * query's (or that starts with the word being typed).
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** HTML-escapes text. Pure. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** What a word must match to be marked. */
export interface Highlight {
  terms: ReadonlySet<string>;
  prefixes: readonly string[];
}

/** Only this much of a long article is scanned for the snippet window. */
const SCAN_CHARS = 20_000;

/**
 * A matcher for words as written: a word is stemmed only when its first two folded letters
 * begin some term or prefix (a stem keeps the start of its word), so most words cost a
 * lower-casing and a set look-up. Pure.
 */
function matcher(locale: KbLocale, h: Highlight): (word: string) => boolean {
  const heads = new Set([...h.terms, ...h.prefixes].map((t) => t.slice(0, 2)));
  return (word) => {
    const folded = /^[a-z0-9]+$/i.test(word) ? word.toLowerCase() : fold(word);
    if (!heads.has(folded.slice(0, 2))) return false;
    if (h.prefixes.some((p) => folded.startsWith(p))) return true;
    return termsOf(locale, word).some((t) => h.terms.has(t));
  };
}

/**
 * A snippet of about `size` words around the best-matching place of `text`, with `<mark>`ed
 * matches and "…" where it was cut. Pure.
 */
export function snippet(locale: KbLocale, text: string, h: Highlight, size = 24): string {
  const matches = matcher(locale, h);
  const parts = text.slice(0, SCAN_CHARS).split(/([\p{L}\p{N}]+)/u);
  // Odd indexes are words; collect their positions and whether they match.
  const wordIdx: number[] = [];
  const hit: boolean[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    wordIdx.push(i);
    hit.push(matches(parts[i]!));
  }
  if (wordIdx.length === 0) return '';
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < hit.length; i++) {
    if (hit[i]) count++;
    if (i >= size && hit[i - size]) count--;
    const start = Math.max(0, i - size + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Start a little before the first match of the window, so it is not the first word.
  const firstHit = hit.indexOf(true, best);
  if (firstHit >= 0 && firstHit - best < 3) best = Math.max(0, firstHit - 3);
  const end = Math.min(wordIdx.length, best + size);
  const from = best === 0 ? 0 : wordIdx[best]!;
  const to = end >= wordIdx.length ? parts.length : wordIdx[end - 1]! + 1;
  let out = best === 0 ? '' : '… ';
  for (let i = from; i < to; i++) {
    const piece = parts[i]!;
    const isWord = i % 2 === 1;
    const k = isWord ? (i - 1) / 2 : -1;
    const text = escapeHtml(piece.replace(/\s+/g, ' '));
    out += isWord && hit[k] ? `<mark>${text}</mark>` : text;
  }
  if (to < parts.length && parts.slice(to).some((p) => /[\p{L}\p{N}]/u.test(p))) out += ' …';
  return out.trim();
}

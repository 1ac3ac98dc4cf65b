import type { KbLocale } from '@caseflow/schema';
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as portugueseStem } from '@orama/stemmers/portuguese';
import { isStopWord } from './stopwords';

/*
 * The one text analyser of the knowledge base, shared by both stores so that SQLite (FTS5) and
 * PostgreSQL (tsvector, `simple` configuration) index and match the very same terms: a word is
 * lower-cased, stemmed by the Snowball stemmer of its language and folded to ASCII. A word is
 * stemmed as written and once more with its accents removed, because customers type "cartao"
 * for "cartão" and Portuguese stems differ with and without the tilde; both terms are indexed.
 */

const STEMMERS: Record<KbLocale, (word: string) => string> = {
  en: englishStem,
  'pt-BR': portugueseStem,
};

/** Longest word kept (longer runs are identifiers, hashes, URLs). */
const MAX_WORD = 40;

/** Lower-case with diacritics removed ("Cartão" → "cartao"). Pure. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of `text` as written, lower-cased (letters and digits; accents kept). Pure. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text
    .toLowerCase()
    .normalize('NFC')
    .matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (w.length <= MAX_WORD) out.push(w);
  }
  return out;
}

// Stemming is most of the analyser's time and words repeat (snippets stem every word of the
// texts they cut from): remember recent words, per language, within a bound.
const CACHE_MAX = 50_000;
const cache: Record<KbLocale, Map<string, string[]>> = { en: new Map(), 'pt-BR': new Map() };

/** The index terms of one word (one or two): stem-then-fold and fold-then-stem. Pure. */
export function termsOf(locale: KbLocale, word: string): string[] {
  const known = cache[locale].get(word);
  if (known) return known;
  const stem = STEMMERS[locale];
  const folded = fold(word);
  const a = fold(stem(word));
  const b = stem(folded);
  const terms = a === b ? [a] : [a, b];
  if (cache[locale].size >= CACHE_MAX) cache[locale].clear();
  cache[locale].set(word, terms);
  return terms;
}

/** Space-separated index terms of `text` (stop words left out), in text order. Pure. */
export function indexTerms(locale: KbLocale, text: string): string {
  const out: string[] = [];
  for (const w of words(text)) {
    if (isStopWord(locale, fold(w))) continue;
    out.push(...termsOf(locale, w));
  }
  return out.join(' ');
}

/** The distinct folded words of `text` (the vocabulary typo correction draws on). Pure. */
export function vocabulary(locale: KbLocale, text: string): string[] {
  const out = new Set<string>();
  for (const w of words(text)) {
    const f = fold(w);
    if (f.length >= 3 && !isStopWord(locale, f) && /^[a-z0-9]+$/.test(f)) out.add(f);
  }
  return [...out];
}

/** One word of a query: any of `terms` matches it; `prefix` (the word being typed) as a prefix. */
export interface QueryTerm {
  /** The folded word as typed. */
  word: string;
  terms: string[];
  prefix: string | null;
}

/** A query reduced to its terms, at most `MAX_QUERY_TERMS`. */
export interface AnalysedQuery {
  locale: KbLocale;
  terms: QueryTerm[];
}

/** Queries past this many words keep their first ones (a pasted paragraph stays cheap). */
export const MAX_QUERY_TERMS = 12;

/**
 * Analyses a query: words as in the index, stop words dropped (unless nothing else is left).
 * The last word also matches as a prefix when the text does not end in a space (the customer
 * is still typing it), if it has at least two letters. Terms are [a-z0-9] only, so they can
 * never carry FTS5 or tsquery syntax. Pure.
 */
export function analyseQuery(locale: KbLocale, text: string): AnalysedQuery {
  const all = words(text).slice(0, MAX_QUERY_TERMS * 2);
  const kept = all.filter((w) => !isStopWord(locale, fold(w)));
  const chosen = (kept.length > 0 ? kept : all).slice(0, MAX_QUERY_TERMS);
  const typing = text.length > 0 && !/\s$/.test(text);
  const terms: QueryTerm[] = [];
  chosen.forEach((w, i) => {
    const word = fold(w);
    if (!/^[a-z0-9]+$/.test(word)) return;
    const isLast = i === chosen.length - 1 && w === all[all.length - 1];
    terms.push({
      word,
      terms: termsOf(locale, w).filter((t) => /^[a-z0-9]+$/.test(t)),
      prefix: typing && isLast && word.length >= 2 ? word : null,
    });
  });
  return { locale, terms };
}

/*
 * Typo tolerance: a query word the index has never seen is matched against the vocabulary
 * (folded words of the articles) by optimal-string-alignment distance — one edit for words of
 * up to five letters, two beyond — so "roubdo", "bloqeuar" and "pasword" still find articles.
 */

/** The largest distance allowed for a word of this length. Pure. */
export function maxEdits(length: number): number {
  if (length < 4) return 0;
  return length <= 5 ? 1 : 2;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions) of `a` and `b`,
 * or `limit + 1` as soon as it must exceed `limit`. Pure.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/**
 * The closest words of `candidates` to `word` within maxEdits, nearest first, at most `max`.
 * Pure.
 */
export function corrections(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = maxEdits(word.length);
  if (limit === 0) return [];
  const found: Array<{ w: string; d: number }> = [];
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(word, c, limit);
    if (d <= limit) found.push({ w: c, d });
  }
  found.sort((x, y) => x.d - y.d || x.w.localeCompare(y.w));
  return found.slice(0, max).map((f) => f.w);
}

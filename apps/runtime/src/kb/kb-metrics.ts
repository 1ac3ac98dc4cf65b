import type { KbFigures, KbMetrics } from '@caseflow/schema';
import type { FeedbackRow } from '../store/kb-store';
import type { CaseFactRow, Store } from '../store/store';

/** A request opened this long after a "solved" vote means the article did not avoid it. */
export const DEFLECTION_WINDOW_MS = 24 * 60 * 60 * 1000;

type By = KbMetrics['by'];

interface Tally {
  articleViews: number;
  helpful: number;
  notHelpful: number;
  deflectedDrafts: Set<string>;
  solvedDrafts: Set<string>;
  votedDrafts: Set<string>;
  requests: number;
}
const tally = (): Tally => ({
  articleViews: 0,
  helpful: 0,
  notHelpful: 0,
  deflectedDrafts: new Set(),
  solvedDrafts: new Set(),
  votedDrafts: new Set(),
  requests: 0,
});

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

function figures(t: Tally, denominator: 'requests' | 'drafts'): KbFigures {
  const deflected = t.deflectedDrafts.size;
  return {
    articleViews: t.articleViews,
    helpful: t.helpful,
    notHelpful: t.notHelpful,
    helpfulRate: rate(t.helpful, t.helpful + t.notHelpful),
    deflected,
    solvedVotes: t.solvedDrafts.size,
    deflectionRate: rate(deflected, denominator === 'requests' ? deflected + t.requests : t.votedDrafts.size),
  };
}

function countVote(t: Tally, vote: FeedbackRow, deflected: boolean): void {
  if (vote.helpful) t.helpful++;
  else t.notHelpful++;
  if (vote.draftId) {
    t.votedDrafts.add(vote.draftId);
    if (vote.helpful) t.solvedDrafts.add(vote.draftId);
    if (deflected) t.deflectedDrafts.add(vote.draftId);
  }
}

/**
 * The figures of one group of people (a pilot cohort): their votes and article views, and the
 * requests they opened; a vote's deflection is judged against `cases`. Pure.
 */
export function figuresOf(
  votes: readonly FeedbackRow[],
  articleViews: number,
  requests: number,
  cases: readonly CaseFactRow[],
): KbFigures {
  const t = tally();
  t.articleViews = articleViews;
  t.requests = requests;
  for (const vote of votes) countVote(t, vote, wasDeflected(vote, cases));
  return figures(t, 'requests');
}

/**
 * Whether a "solved" vote on a request form was followed by no request: no top-level case of
 * the same customer (for the same catalog item, when the form named one) opened within
 * DEFLECTION_WINDOW_MS after it. Pure.
 */
export function wasDeflected(vote: FeedbackRow, cases: readonly CaseFactRow[]): boolean {
  if (!vote.helpful || !vote.draftId || !vote.customerId) return false;
  return !cases.some(
    (c) =>
      c.parentCaseId === null &&
      c.customerId === vote.customerId &&
      c.createdAt >= vote.at &&
      c.createdAt <= vote.at + DEFLECTION_WINDOW_MS &&
      (vote.catalogItem === null || c.catalogItem === vote.catalogItem),
  );
}

/**
 * Views, helpfulness and deflection of [from, to) in total and per article, category or
 * catalog item. Deflection rate: deflected forms over deflected forms plus catalog requests
 * (totals and per item); per article and category, over the forms where it got a vote.
 */
export async function kbMetrics(store: Store, from: number, to: number, by: By): Promise<KbMetrics> {
  const [votes, views, cases] = await Promise.all([
    store.kb.feedback(from, to),
    store.kb.viewCounts(from, to),
    store.analytics.caseFacts({ createdFrom: from, createdTo: to + DEFLECTION_WINDOW_MS }),
  ]);
  const categories = new Map<string, string>();
  for (const slug of new Set([...votes.map((v) => v.slug), ...views.map((v) => v.slug)])) {
    for (const a of await store.kb.translations(slug))
      categories.set(`${a.slug}\u0000${a.locale}`, a.category);
  }
  const groupOf = (slug: string, locale: string, catalogItem: string | null): string | null => {
    if (by === 'article') return slug;
    if (by === 'category') return categories.get(`${slug}\u0000${locale}`) ?? null;
    return catalogItem;
  };
  const totals = tally();
  const groups = new Map<string, Tally>();
  const group = (key: string | null) => {
    if (key === null) return null;
    let t = groups.get(key);
    if (!t) {
      t = tally();
      groups.set(key, t);
    }
    return t;
  };

  for (const v of views) {
    totals.articleViews += v.views;
    const g = by === 'catalogItem' ? null : group(groupOf(v.slug, v.locale, null));
    if (g) g.articleViews += v.views;
  }
  for (const vote of votes) {
    const g = group(groupOf(vote.slug, vote.locale, vote.catalogItem));
    const deflected = wasDeflected(vote, cases);
    countVote(totals, vote, deflected);
    if (g) countVote(g, vote, deflected);
  }
  for (const c of cases) {
    if (c.parentCaseId !== null || c.catalogItem === null || c.createdAt < from || c.createdAt >= to)
      continue;
    totals.requests++;
    if (by === 'catalogItem') group(c.catalogItem)!.requests++;
  }
  const denominator = by === 'catalogItem' ? 'requests' : 'drafts';
  return {
    totals: figures(totals, 'requests'),
    by,
    groups: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, t]) => ({ key, ...figures(t, denominator) })),
  };
}

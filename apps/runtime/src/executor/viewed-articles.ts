import type { CompiledFlow } from '@caseflow/engine';
import type { Store } from '../store/store';

/** How far back, and how many, of a customer's article views a flow sees. */
const WINDOW_MS = 30 * 24 * 3_600_000;
const MOST = 50;

const reads = new WeakMap<CompiledFlow, boolean>();

/**
 * Whether a flow's expressions name `viewedArticles`: only then does opening one of its cases
 * read the customer's views (a case open stays one lookup cheaper for every other flow).
 */
export function readsViewedArticles(compiled: CompiledFlow): boolean {
  let known = reads.get(compiled);
  if (known === undefined) {
    known = JSON.stringify(compiled.definition).includes('viewedArticles');
    reads.set(compiled, known);
  }
  return known;
}

/**
 * `customer.viewedArticles` (DESIGN §11): slugs of the articles the customer read in the help
 * centre in the 30 days before the case opened, newest first, each once, at most 50.
 */
export async function viewedArticles(tx: Store, customerId: string, now: number): Promise<string[]> {
  const slugs = new Set<string>();
  for (const view of await tx.kb.viewsOf(customerId, now + 1, MOST * 4)) {
    if (view.at < now - WINDOW_MS) break;
    slugs.add(view.slug);
    if (slugs.size === MOST) break;
  }
  return [...slugs];
}

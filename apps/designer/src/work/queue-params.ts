import type { QueueSort } from '../api/api';

const SORTS: readonly QueueSort[] = ['risk', 'priority', 'age', 'due'];

/** The queue's filters as the URL keeps them (`?scope=all&group=card-ops&sort=age`); defaults for anything else. Pure. */
export function queueParams(params: URLSearchParams): {
  scope: 'mine' | 'all';
  group?: string;
  sort: QueueSort;
} {
  const scope = params.get('scope') === 'all' ? 'all' : 'mine';
  const group = params.get('group') || undefined;
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'risk';
  return { scope, ...(group ? { group } : {}), sort };
}

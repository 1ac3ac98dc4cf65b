import type { Page } from '@caseflow/schema';
import type { CaseListItem } from '../api/api';
import { api } from '../auth/session';

/** The open cases of `flow` on `version` (numbers first), reading at most `pages` pages of 500. */
export async function runningCasesOn(
  flow: string,
  version: number,
  pages = 10,
): Promise<{ count: number; numbers: string[] }> {
  const found: CaseListItem[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const page: Page<CaseListItem> = await api.request('GET', '/cases', undefined, {
      flow,
      status: 'open',
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    found.push(...page.items.filter((c) => c.version === version && !c.parentCaseId));
    cursor = page.next;
    if (!cursor) break;
  }
  return { count: found.length, numbers: found.map((c) => c.number ?? c.id) };
}

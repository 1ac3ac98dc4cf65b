import type {
  Article,
  ArticleBody,
  ArticleHistoryEntry,
  ArticleSummary,
  KbLocale,
  KbMetrics,
  SearchHit,
  SearchKind,
} from '@caseflow/schema';
import { api } from '../auth/session';

/** An article as the runtime answers it; `flagged` is shown to staff only. */
export type ArticleResource = Article & { flagged?: { at: string; reason: string } };
export type ArticleListItem = ArticleSummary & { flagged?: boolean };

/** The knowledge base's calls (DESIGN §11), on the app's one API client. */
export const kbApi = {
  search(q: string, locale: KbLocale, kinds: SearchKind[] = ['article', 'catalog'], limit = 8) {
    return api.request<{ items: SearchHit[] }>('GET', '/search', undefined, {
      q,
      locale,
      kinds: kinds.join(','),
      limit,
    });
  },
  list(
    query: { locale?: KbLocale; category?: string; status?: string; flagged?: boolean; limit?: number } = {},
  ) {
    return api.request<{ items: ArticleListItem[]; next: string | null }>('GET', '/articles', undefined, {
      ...query,
      flagged: query.flagged ? 'true' : undefined,
      limit: query.limit ?? 500,
    });
  },
  get(slug: string, locale?: KbLocale) {
    return api.request<ArticleResource>('GET', `/articles/${encodeURIComponent(slug)}`, undefined, {
      locale,
    });
  },
  save(slug: string, body: ArticleBody & { revision?: number }) {
    return api.request<ArticleResource>('PUT', `/articles/${encodeURIComponent(slug)}`, body);
  },
  preview(body: string) {
    return api.request<{ html: string }>('POST', '/articles/preview', { body });
  },
  history(slug: string) {
    return api.request<{ items: ArticleHistoryEntry[] }>(
      'GET',
      `/articles/${encodeURIComponent(slug)}/history`,
    );
  },
  feedback(
    slug: string,
    body: { helpful: boolean; reason?: string; draftId?: string; catalogItem?: string; locale?: KbLocale },
  ) {
    return api.request<{ helpful: number; notHelpful: number }>(
      'POST',
      `/articles/${encodeURIComponent(slug)}/feedback`,
      body,
    );
  },
  flag(slug: string, body: { reason: string; caseId?: string; locale?: KbLocale }) {
    return api.request<ArticleResource>('POST', `/articles/${encodeURIComponent(slug)}/flag`, body);
  },
  viewedBy(customerId: string, before?: string) {
    return api.request<{ items: Array<{ slug: string; locale: KbLocale; title: string; at: string }> }>(
      'GET',
      `/customers/${encodeURIComponent(customerId)}/viewed-articles`,
      undefined,
      { before },
    );
  },
  metrics(by: 'article' | 'category' | 'catalogItem') {
    return api.request<KbMetrics>('GET', '/kb/metrics', undefined, { by });
  },
};

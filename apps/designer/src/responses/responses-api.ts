import type { CannedResponse, CannedResponseInputRaw, Locale, RenderedResponse } from '@caseflow/schema';
import { api } from '../auth/session';

/** Canned responses' calls (DESIGN §10), on the app's one API client. */
export const responsesApi = {
  list(locale?: Locale) {
    return api.request<{ items: CannedResponse[]; next: null }>('GET', '/responses', undefined, { locale });
  },
  create(input: CannedResponseInputRaw) {
    return api.request<CannedResponse>('POST', '/responses', input);
  },
  update(id: string, input: CannedResponseInputRaw) {
    return api.request<CannedResponse>('PUT', `/responses/${encodeURIComponent(id)}`, input);
  },
  remove(id: string) {
    return api.request<void>('DELETE', `/responses/${encodeURIComponent(id)}`);
  },
  /** The response's text for one case, placeholders filled in by the server (FEEL). */
  render(id: string, caseId: string) {
    return api.request<RenderedResponse>('POST', `/responses/${encodeURIComponent(id)}/render`, { caseId });
  },
};

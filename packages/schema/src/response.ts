import { z } from 'zod';
import { GroupName } from './limits';
import { Locale } from './locale';

/*
 * Canned responses (DESIGN §10): reply texts agents insert from the reply box. The body may hold
 * FEEL placeholders (`{{customer.name}}`, `{{case.number}}`), rendered on the server against
 * the case the agent answers.
 */

/** Far above any reply an agent would insert; low enough to render on every pick. */
export const RESPONSE_BODY_MAX = 20_000;

/** POST /responses and PUT /responses/:id. No groups: every agent may use it. */
export const CannedResponseInput = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(RESPONSE_BODY_MAX),
  groups: z.array(GroupName).max(50).default([]),
  locale: Locale.default('en'),
});
export type CannedResponseInput = z.infer<typeof CannedResponseInput>;
export type CannedResponseInputRaw = z.input<typeof CannedResponseInput>;

/** A canned response as the API answers it. */
export const CannedResponse = CannedResponseInput.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type CannedResponse = z.infer<typeof CannedResponse>;

/** POST /responses/:id/render: the response's text for one case, placeholders filled in. */
export const RenderResponseBody = z.object({ caseId: z.string().min(1).max(200) });
export type RenderResponseBody = z.infer<typeof RenderResponseBody>;

export const RenderedResponse = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
});
export type RenderedResponse = z.infer<typeof RenderedResponse>;

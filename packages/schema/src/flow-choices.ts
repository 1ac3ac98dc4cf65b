import { z } from 'zod';

/** A notification template a notify node may name, with its subject line in each language. */
export const TemplateChoice = z.object({
  key: z.string(),
  subject: z.object({ en: z.string(), 'pt-BR': z.string() }),
});
export type TemplateChoice = z.infer<typeof TemplateChoice>;

/**
 * What an installation offers a flow to refer to, so the editor lists names instead of
 * asking for ids: groups, staff users, business calendars, notification templates,
 * connections (names only: their URLs and credentials stay with admins) and flows (for
 * subflow nodes).
 * `GET /api/flow-choices`, owners and admins.
 */
export const FlowChoices = z.object({
  groups: z.array(z.object({ name: z.string(), description: z.string() })),
  /** Business calendars; "24x7" (round the clock) is always valid and not listed. */
  calendars: z.array(z.object({ key: z.string(), name: z.string(), timeZone: z.string() })),
  templates: z.array(TemplateChoice),
  connections: z.array(z.object({ name: z.string() })),
  /**
   * Active staff (agents, owners, admins) a task, an approval or a notification may name, by
   * username with their display name: no roles, e-mail or customers. At most 1000, by name.
   */
  users: z.array(z.object({ username: z.string(), displayName: z.string().nullable() })).default([]),
  /** `kind` as the draft says (case, fulfillment, subflow). */
  flows: z.array(z.object({ key: z.string(), name: z.string(), kind: z.string() })),
  /**
   * Published knowledge-base articles a notify node may send (the first 500 by category and
   * title), each once with its title in the languages it has and its audience.
   */
  articles: z
    .array(
      z.object({
        slug: z.string(),
        title: z.object({ en: z.string().optional(), 'pt-BR': z.string().optional() }),
        audience: z.enum(['public', 'customers', 'agents']),
      }),
    )
    .default([]),
});
export type FlowChoices = z.infer<typeof FlowChoices>;

import { z } from 'zod';
import { FormSchema } from './form';
import { LIMITS, Ref } from './limits';
import { FeelExpression, Key, Role } from './primitives';

/** Who may see and request a catalog item. Empty means every signed-in user. */
export const Audience = z.object({
  roles: z.array(Role).max(4).optional(),
  /** FEEL over the customer profile, e.g. `segment = "gold"`. */
  segment: FeelExpression.optional(),
  customerIds: z.array(Ref).max(LIMITS.customerIds).optional(),
});
export type Audience = z.infer<typeof Audience>;

export const CatalogItemBody = z.object({
  name: z.string().min(1).max(200),
  category: z.string().min(1).max(100),
  description: z.string().max(5000).default(''),
  icon: z.string().max(64).optional(),
  form: FormSchema,
  /** Key of the fulfillment flow; the flow's active version is used (or a pilot's). */
  flow: Key,
  audience: Audience.optional(),
  active: z.boolean().default(true),
});
export type CatalogItemBody = z.infer<typeof CatalogItemBody>;

export const CatalogItem = CatalogItemBody.extend({
  key: Key,
  updatedAt: z.string().optional(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

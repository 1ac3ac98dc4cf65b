import { ErrorBody, Key } from '@caseflow/schema';
import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv, Router } from './context';
import { AppError, zodDetails } from './errors';

/**
 * Validation failures of params, query and body become our 400 error body with dotted field
 * paths (instead of zod-openapi's default `{success:false, error}`).
 */
export const defaultHook = (result: { success: boolean; error?: unknown }) => {
  if (!result.success && result.error instanceof z.ZodError) {
    throw new AppError('validation', 400, 'invalid request', zodDetails(result.error));
  }
};

/** A router whose routes land in the OpenAPI document and share the 400 hook. */
export function newRouter(): Router {
  return new OpenAPIHono<AppEnv>({ defaultHook });
}

/** A required JSON request body validated by `schema`. */
export function jsonBody<T extends z.ZodType>(schema: T, description = 'JSON body') {
  return { required: true, description, content: { 'application/json': { schema } } } as const;
}

/** A JSON response documented with `schema`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

const err = (description: string) => json(ErrorBody, description);

/** The error responses most routes can give, for the OpenAPI document. */
export const errorResponses = {
  400: err('validation failed (details lists field paths)'),
  401: err('not signed in'),
  403: err('role or group does not allow it'),
  404: err('not found'),
  409: err('conflict: stale state or event not allowed (details.allowed)'),
} as const;

/** Bearer auth requirement for the OpenAPI document. */
export const bearer = [{ bearerAuth: [] }];

/** `{ id }` path parameter. */
export const IdParam = z.object({ id: z.string().min(1).max(200) });
/** `{ key }` path parameter. */
/** `:key` of a flow or catalog item: the keys' own alphabet, so no key like `../x` is ever stored. */
export const KeyParam = z.object({ key: Key.max(200) });
/** Paging query `?limit=&cursor=`. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(1000).optional(),
});
/** A `{items, next}` page of anything (the item schema is documented per route). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable() });
/** Epoch ms → ISO string (null stays null). */
export const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();
/** Epoch ms → ISO string for required timestamps. */
export const isoAt = (ms: number): string => new Date(ms).toISOString();

import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/roles';
import { readAttachment } from '../executor/attachment-access';
import { downloadResponses, sendAttachment } from './attachment-download';
import type { AppDeps, Router } from './context';
import { bearer, IdParam, newRouter } from './openapi';

const download = createRoute({
  tags: ['cases'],
  security: bearer,
  method: 'get',
  path: '/attachments/{id}',
  summary: "A message's file, as a download (staff; customers: files of their own cases' public messages)",
  middleware: [requireRole('agent', 'customer')] as const,
  request: { params: IdParam },
  responses: downloadResponses,
});

/** Files of messages (DESIGN §10), for signed-in staff and customers. */
export function attachmentsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(download, async (c) => {
    const file = await readAttachment(runtime.store, c.get('user')!, c.req.valid('param').id);
    return sendAttachment(c, file);
  });
  return r;
}

import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import { readAttachment } from '../executor/attachment-access';
import type { AppDeps, Router } from './context';
import { bearer, errorResponses, IdParam, newRouter } from './openapi';

const download = createRoute({
  tags: ['cases'],
  security: bearer,
  method: 'get',
  path: '/attachments/{id}',
  summary: "A message's file, as a download (staff; customers: files of their own cases' public messages)",
  middleware: [requireRole('agent', 'customer')] as const,
  request: { params: IdParam },
  responses: {
    200: {
      description: 'the file',
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Files of messages (DESIGN §10): always a download, never rendered in our origin. */
export function attachmentsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(download, async (c) => {
    const file = await readAttachment(runtime.store, c.get('user')!, c.req.valid('param').id);
    return c.body(new Uint8Array(file.data), 200, {
      'content-type': file.contentType,
      'content-length': String(file.size),
      'content-disposition': disposition(file.name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    });
  });
  return r;
}

import type { Context } from 'hono';
import { z } from 'zod';
import type { AttachmentFile } from '../store/channel-store';
import { errorResponses } from './openapi';

/** The OpenAPI answers of a file download: the bytes, or the usual errors (404 for a file not theirs). */
export const downloadResponses = {
  200: {
    description: 'the file',
    content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
  },
  ...errorResponses,
};

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name. */
export function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A message's file as the answer (DESIGN §10): always a download, never rendered or sniffed in
 * our origin, never cached by a shared cache. Access is the caller's command's to check.
 */
export function sendAttachment(c: Context, file: AttachmentFile) {
  return c.body(new Uint8Array(file.data), 200, {
    'content-type': file.contentType,
    'content-length': String(file.size),
    'content-disposition': disposition(file.name),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  });
}

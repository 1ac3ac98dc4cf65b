import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../executor/errors';
import type { AppEnv } from './context';

const FORM_TYPE = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/** Node's request behind @hono/node-server; `rawBody` is where node-server takes a read body from. */
type Incoming = IncomingMessage & { rawBody?: Buffer };

/**
 * The body limit (`maxSizeOf` the request: a route may take more), and the body read once. Behind node-server the bytes are read straight from
 * Node's request — Hono's body limit asks the Web Request for its body, which makes node-server
 * build that Request, its AbortController and a web stream over the socket for every call — and
 * kept twice: as `incoming.rawBody`, from which node-server builds the Web Request should a
 * route still ask for it, and in Hono's body cache, from which `c.req.arrayBuffer()`, `text()`
 * and `json()` answer. Over `maxSize` (declared, or counted while reading a chunked body) the
 * request goes to `onTooLarge`, with the rest of the body unread. Without node-server (the
 * app called in process) Hono's own body limit does the same.
 */
export function requestBody(
  maxSizeOf: (c: Context<AppEnv>) => number,
  onTooLarge: (c: Context<AppEnv>, maxSize: number) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const maxSize = maxSizeOf(c);
    const incoming = (c.env as { incoming?: Incoming } | undefined)?.incoming;
    if (!incoming) return bodyLimit({ maxSize, onError: (c) => onTooLarge(c, maxSize) })(c, next);
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'TRACE') return next();
    const chunked = incoming.headers['transfer-encoding'] !== undefined;
    const declared = Number(incoming.headers['content-length'] ?? Number.NaN);
    if (!chunked && declared > maxSize) return onTooLarge(c, maxSize);
    // Read already (a body handed over with the request): nothing more will come.
    const bytes = incoming.readableEnded
      ? (incoming.rawBody ?? Buffer.alloc(0))
      : await readUpTo(incoming, maxSize);
    if (!bytes) return onTooLarge(c, maxSize);
    incoming.rawBody = bytes;
    // A form is parsed from the Web Request, which carries its content type (and boundary); Hono
    // would parse cached bytes through a Response without it.
    if (!FORM_TYPE.test(incoming.headers['content-type'] ?? '')) {
      // A body of its own memory (a large one, joined from chunks) is taken as it is; a view into
      // a shared pool or socket buffer is copied out (slice copies).
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const buffer = (
        whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
      ) as ArrayBuffer;
      (c.req.bodyCache as { arrayBuffer?: Promise<ArrayBuffer> }).arrayBuffer = Promise.resolve(buffer);
    }
    return next();
  };
}

/**
 * The whole body, or null as soon as it passes `max` bytes (the stream is then left paused,
 * so that the 413's drain can read what is left). Rejects when the client goes away first.
 */
function readUpTo(incoming: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        done();
        incoming.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    // The client's doing (its connection reset or closed), not a failure of ours: a plain 400
    // that nobody reads, instead of an ECONNRESET the error handler would take for the database.
    const gone = () => {
      done();
      reject(
        new AppError('client-closed', 400, 'the client closed the request before sending its whole body'),
      );
    };
    const onError = gone;
    const onClose = gone;
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

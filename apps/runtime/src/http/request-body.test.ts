import { type AddressInfo, connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../executor/errors';
import type { AppEnv } from './context';
import { requestBody } from './request-body';

/* The body middleware behind a real node-server, as the runtime serves it. */

let server: ServerType;
let url: string;
let lastError: unknown;

beforeAll(async () => {
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    requestBody(
      (c) => (c.req.path === '/roomy' ? 4096 : 1024),
      (c, limit) => c.json({ error: 'too large', limit }, 413),
    ),
  );
  app.post('/bytes', async (c) => c.json({ length: (await c.req.arrayBuffer()).byteLength }));
  app.post('/roomy', async (c) => c.json({ length: (await c.req.arrayBuffer()).byteLength }));
  app.post('/json', async (c) => c.json(await c.req.json()));
  // A route that asks the Web Request itself still gets the body (rebuilt from what was read).
  app.post('/raw', async (c) => c.json({ text: await c.req.raw.text() }));
  app.post('/form', async (c) => c.json(await c.req.parseBody()));
  app.get('/get', (c) => c.json({ ok: true }));
  app.onError((err, c) => {
    lastError = err;
    return c.json({ error: String(err) }, 500);
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (
  path: string,
  body: string | FormData | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) => fetch(`${url}${path}`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A body sent in chunks without a declared length. */
function chunked(parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });
}

describe('requestBody behind node-server', () => {
  it('hands the body read once to every way a route reads it', async () => {
    expect(await (await post('/bytes', 'x'.repeat(1024))).json()).toEqual({ length: 1024 });
    expect(await (await post('/json', '{"a":[1,2]}', { 'content-type': 'application/json' })).json()).toEqual(
      {
        a: [1, 2],
      },
    );
    expect(await (await post('/raw', 'as sent')).json()).toEqual({ text: 'as sent' });
    expect(await (await post('/json', chunked(['{"b":', '"c"}']))).json()).toEqual({ b: 'c' });
    expect(await (await fetch(`${url}/get`)).json()).toEqual({ ok: true });
  });

  it("fails a request whose client goes away mid-body as the client's doing (client-closed), not a reset", async () => {
    lastError = undefined;
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.resetAndDestroy();
    await expect.poll(() => lastError).toBeInstanceOf(AppError);
    expect(lastError).toMatchObject({ code: 'client-closed', status: 400 });
  });

  it('parses a form from the request that carries its content type', async () => {
    const form = new FormData();
    form.set('name', 'Carla');
    expect(await (await post('/form', form)).json()).toEqual({ name: 'Carla' });
    const encoded = await post('/form', 'a=1&b=2', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(await encoded.json()).toEqual({ a: '1', b: '2' });
  });

  it('refuses a body over the limit, declared or counted while it arrives', async () => {
    const declared = await post('/bytes', 'x'.repeat(1025));
    expect(declared.status).toBe(413);
    const counted = await post('/bytes', chunked(['x'.repeat(600), 'y'.repeat(600)]));
    expect(counted.status).toBe(413);
    expect(await counted.json()).toEqual({ error: 'too large', limit: 1024 });
  });

  it('takes the limit of the request: a roomier route takes more, up to its own limit', async () => {
    const roomy = await post('/roomy', 'x'.repeat(3000));
    expect(await roomy.json()).toEqual({ length: 3000 });
    const over = await post('/roomy', 'x'.repeat(4097));
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ error: 'too large', limit: 4096 });
  });
});

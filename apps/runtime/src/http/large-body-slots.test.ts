import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './context';
import { largeBodySlots } from './large-body-slots';

describe('largeBodySlots', () => {
  it('answers busy past its slots for large bodies only, and frees a slot when its request is answered', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const app = new Hono<AppEnv>();
    app.use(
      '*',
      largeBodySlots(
        2,
        100,
        (c) => c.req.path === '/upload',
        (c) => c.json({ busy: true }, 503),
      ),
    );
    app.post('/upload', async (c) => {
      const size = (await c.req.text()).length;
      await gate;
      return c.json({ size });
    });
    app.post('/other', async (c) => c.json({ size: (await c.req.text()).length }));
    const post = (path: string, size: number) =>
      app.request(path, {
        method: 'POST',
        body: 'x'.repeat(size),
        headers: { 'content-length': String(size) },
      });

    const held = [post('/upload', 500), post('/upload', 500)];
    const third = await post('/upload', 500);
    expect(third.status).toBe(503);
    // Small bodies and other routes take no slot: they go through while both are held.
    const small = post('/upload', 50);
    expect((await post('/other', 500)).status).toBe(200);
    open();
    expect((await Promise.all([...held, small])).map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await post('/upload', 500)).status).toBe(200);
  });
});

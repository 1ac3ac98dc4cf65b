import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { setAnswerHeader } from './answer-header';

function appAnswering(handler: (c: import('hono').Context) => Response | Promise<Response>): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    setAnswerHeader(c, 'X-After', 'set');
  });
  app.get('/', handler);
  return app;
}

describe('setAnswerHeader', () => {
  it('adds the header to an answer made by the context, keeping its body and status', async () => {
    const res = await appAnswering((c) => c.json({ ok: true }, 201)).request('/');
    expect(res.status).toBe(201);
    expect(res.headers.get('x-after')).toBe('set');
    expect(await res.json()).toEqual({ ok: true });
  });

  it('adds it to a Response the handler built itself', async () => {
    const res = await appAnswering(() => new Response('plain', { headers: { 'X-Own': '1' } })).request('/');
    expect(res.headers.get('x-after')).toBe('set');
    expect(res.headers.get('x-own')).toBe('1');
    expect(await res.text()).toBe('plain');
  });

  it('copies an answer whose headers are immutable instead of failing', async () => {
    const res = await appAnswering(() => Response.redirect('http://example.test/next', 302)).request('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://example.test/next');
    expect(res.headers.get('x-after')).toBe('set');
  });
});

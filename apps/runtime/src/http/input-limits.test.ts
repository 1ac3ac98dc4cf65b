import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../executor/errors';
import type { AppEnv } from './context';
import { inputLimits } from './input-limits';

function app() {
  const a = new Hono<AppEnv>();
  a.onError((err, c) =>
    err instanceof AppError
      ? c.json({ message: err.message, details: err.details }, err.status)
      : err instanceof HTTPException
        ? err.getResponse()
        : c.text('?', 500),
  );
  a.use('*', inputLimits(4));
  const Echo = z.object({ name: z.string() });
  a.post(
    '/echo',
    validator('json', (value, c) => {
      const parsed = Echo.safeParse(value);
      return parsed.success ? parsed.data : c.json({ message: 'invalid' }, 400);
    }),
    (c) => c.json(c.req.valid('json')),
  );
  return a;
}
const post = (body: string) =>
  app().request('/echo', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.restoreAllMocks());

describe('inputLimits', () => {
  it('lets the validator parse the body once', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(1000) });
    const parse = vi.spyOn(JSON, 'parse');
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(parse.mock.calls.filter(([text]) => text === body)).toHaveLength(1);
  });

  it('refuses nesting past the limit and NUL characters, naming where', async () => {
    const deep = await post('{"name":"a","x":[[[[1]]]]}');
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ details: [{ path: 'x.0.0.0' }] });
    const nul = await post('{"name":"a\\u0000"}');
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ details: [{ path: 'name' }] });
  });

  it('leaves text that is no JSON to the validator', async () => {
    expect((await post('{"name":')).status).toBe(400);
  });
});

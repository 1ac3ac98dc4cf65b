import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture({ CASEFLOW_BODY_LIMIT: '2048' });
});
afterAll(() => f.dispose());

describe('the HTTP app', () => {
  it('answers health at /api/health and /health with the store dialect', async () => {
    expect((await f.call('GET', '/api/health')).body).toEqual({ status: 'ok', db: 'sqlite' });
    expect((await f.call('GET', '/health')).body).toEqual({ status: 'ok', db: 'sqlite' });
  });

  it('tags every answer with a request id', async () => {
    const res = await f.call('GET', '/api/health');
    expect(res.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("tells the runtime's clock on every API answer, errors included", async () => {
    const before = Number((await f.call('GET', '/api/health')).headers.get('x-caseflow-time'));
    expect(before).toBe(f.clock.now());
    f.clock.advance('PT1H');
    const missing = await f.call('GET', '/api/cases/nope', { as: 'admin' });
    expect(missing.status).toBe(404);
    expect(Number(missing.headers.get('x-caseflow-time'))).toBe(before + 3_600_000);
    f.clock.set(before); // the fixture's clock is shared by the tests below
  });

  it('generates the OpenAPI document from the route schemas', async () => {
    const { status, body } = await f.call('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    // Every operation of DESIGN §5 is documented.
    const operations = [
      'get /health',
      'post /auth/login',
      'get /users',
      'post /users',
      'get /groups',
      'post /groups',
      'get /customers',
      'post /customers',
      'get /customers/{id}',
      'get /flows',
      'put /flows/{key}',
      'get /flows/{key}',
      'post /flows/{key}/validate',
      'post /flows/{key}/publish',
      'get /flows/{key}/versions',
      'get /flows/{key}/versions/{v}',
      'get /flows/{key}/diff',
      'post /flows/{key}/activate',
      'post /flows/{key}/pilots',
      'get /pilots/{id}',
      'post /pilots/{id}/promote',
      'post /pilots/{id}/stop',
      'get /pilots/{id}/report',
      'post /flows/{key}/migrations',
      'get /flows/{key}/migrations/{id}',
      'get /flows/{key}/versions/{v}/bpmn',
      'get /catalog',
      'get /catalog/{key}',
      'put /catalog/{key}',
      'post /catalog/{key}/requests',
      'post /cases',
      'get /cases',
      'get /cases/{id}',
      'get /cases/{id}/timeline',
      'post /cases/{id}/messages',
      'post /cases/{id}/signals',
      'post /signals/{name}',
      'get /tasks',
      'post /tasks/{id}/claim',
      'post /tasks/{id}/complete',
      'post /tasks/{id}/escalate',
      'post /tasks/{id}/delegate',
      'get /metrics',
      'get /flows/{key}/heatmap',
      'post /surveys/{token}',
      'get /outbox',
      'post /_test/clock',
    ];
    const documented = Object.entries(body.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((method) => `${method} ${path}`),
    );
    expect(documented).toEqual(expect.arrayContaining(operations));
    const login = body.paths['/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
    expect(body.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('serves a self-contained docs page listing the operations', async () => {
    const res = await f.call('GET', '/api/docs');
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.body).toContain('/api/cases/{id}/timeline');
    expect(res.body).not.toMatch(/<script|https?:\/\/cdn/i);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await f.call('GET', '/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not-found');
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await f.call('POST', '/api/auth/login', { body: '{"username": ' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'malformed-json', message: 'malformed JSON in request body' },
    });
  });

  it('answers schema violations with 400 and the field paths', async () => {
    const res = await f.call('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'lost-card', channel: 'pigeon' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['customerId', 'channel']));
  });

  it('answers bodies over the limit with a JSON 413', async () => {
    const res = await f.call('POST', '/api/auth/login', {
      body: { username: 'x', password: 'y'.repeat(4000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload-too-large');
    expect(res.body.error.details).toEqual([
      {
        path: 'body',
        message: expect.stringMatching(/^the request body is over \d+ bytes$/),
        limit: expect.any(Number),
      },
    ]);
    expect(res.headers.get('connection')).toBe('close');
  });

  it('refuses protected routes without a token (401) and with a bad one (401)', async () => {
    expect((await f.call('GET', '/api/cases')).status).toBe(401);
    const bad = await f.call('GET', '/api/cases', { token: 'forged.token' });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toEqual({ code: 'unauthorized', message: 'invalid or expired token' });
  });

  it('lets a client holding a stale token still sign in', async () => {
    const res = await f.call('POST', '/api/auth/login', {
      token: 'expired.token',
      body: { username: 'lena', password: 'demo1234' },
    });
    expect(res.status).toBe(200);
  });

  it('exposes Prometheus counters fed by the routes', async () => {
    await f.call('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'lost-card', customerId: 'c-1002', channel: 'phone', subject: 'lost card' },
    });
    const res = await f.call('GET', '/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.body).toContain('caseflow_cases_opened_total{flow="lost-card"} 1');
    expect(res.body).toMatch(/caseflow_outbox_backlog \d+/);
    expect(res.body).toMatch(/caseflow_timer_lag_seconds \d+/);
  });

  it('logs one line per request without passwords, tokens or bodies', async () => {
    const lines: string[] = [];
    const logged = await httpFixture({}, { log: (line) => lines.push(line) });
    try {
      const token = await logged.login('lena');
      await logged.call('POST', '/api/cases', {
        token,
        body: { flow: 'lost-card', customerId: 'c-1002', channel: 'phone', subject: 'very private subject' },
      });
      const text = lines.join('');
      expect(text).not.toContain('demo1234');
      expect(text).not.toContain(token);
      expect(text).not.toContain('very private subject');
      const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      expect(requests.map((l) => [l.method, l.path, l.status])).toEqual([
        ['POST', '/api/auth/login', 200],
        ['POST', '/api/cases', 201],
      ]);
      expect(requests[1]).toMatchObject({ user: 'lena', reqId: expect.any(String), ms: expect.any(Number) });
    } finally {
      await logged.dispose();
    }
  });

  it('slows password guessing from one address with 429', async () => {
    const guess = () =>
      f.call('POST', '/api/auth/login', { body: { username: 'sam', password: 'wrong-guess' } });
    // Five free failures per address and username (auth/login-throttle.ts), the sixth blocks.
    for (let i = 0; i < 6; i++) expect((await guess()).status).toBe(401);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user is not affected.
    expect(
      (await f.call('POST', '/api/auth/login', { body: { username: 'ivan', password: 'demo1234' } })).status,
    ).toBe(200);
  });

  it('lets only an admin move the test clock, by at most ten years', async () => {
    expect((await f.call('POST', '/api/_test/clock', { body: { advance: 'PT1H' } })).status).toBe(401);
    const agent = await f.call('POST', '/api/_test/clock', { as: 'lena', body: { advance: 'PT1H' } });
    expect(agent.status).toBe(403);
    const far = await f.call('POST', '/api/_test/clock', { as: 'admin', body: { advance: 'P200000Y' } });
    expect(far.status).toBe(400);
    expect(far.body.error.details).toEqual([
      expect.objectContaining({ path: 'advance', message: expect.stringContaining('ten years') }),
    ]);
    const past = await f.call('POST', '/api/_test/clock', {
      as: 'admin',
      body: { set: '1900-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details[0].path).toBe('set');
    expect((await f.call('GET', '/api/_test/clock')).body.now).toBe('2026-01-05T08:00:00.000Z');
  });

  it('mounts the test clock only with CASEFLOW_CLOCK=manual', async () => {
    const moved = await f.call('POST', '/api/_test/clock', { as: 'admin', body: { advance: 'PT1H' } });
    expect(moved.status).toBe(200);
    expect(moved.body.now).toBe('2026-01-05T09:00:00.000Z');
    const real = await httpFixture({ CASEFLOW_CLOCK: 'real' });
    try {
      expect(
        (await real.call('POST', '/api/_test/clock', { as: 'admin', body: { advance: 'PT1H' } })).status,
      ).toBe(404);
    } finally {
      await real.dispose();
    }
  });
});

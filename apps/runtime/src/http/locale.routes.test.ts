import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

/* The users' and customers' language (DESIGN §9) over HTTP: own profile, admin, customers. */

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

describe('PATCH /auth/me {locale}', () => {
  it("saves a customer's language on their user and their customer profile, and sign-in answers it", async () => {
    const res = await f.call('PATCH', '/api/auth/me', { as: 'carla', body: { locale: 'pt-BR' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ username: 'carla', locale: 'pt-BR' });
    expect((await f.call('GET', '/api/auth/me', { as: 'carla' })).body.locale).toBe('pt-BR');
    expect((await f.store.customers.get('c-1001'))?.locale).toBe('pt-BR');
    const login = await f.call('POST', '/api/auth/login', {
      body: { username: 'carla', password: 'demo1234' },
    });
    expect(login.body.user.locale).toBe('pt-BR');
    const own = await f.call('GET', '/api/customers/c-1001', { as: 'carla' });
    expect(own.body.locale).toBe('pt-BR');
  });

  it("changes only the staff user's own profile and clears it with null", async () => {
    const res = await f.call('PATCH', '/api/auth/me', { as: 'ivan', body: { locale: 'pt-BR' } });
    expect(res.body.locale).toBe('pt-BR');
    expect(
      (await f.call('PATCH', '/api/auth/me', { as: 'ivan', body: { locale: null } })).body.locale,
    ).toBeNull();
    expect((await f.call('PATCH', '/api/auth/me', { as: 'ivan', body: {} })).body.locale).toBeNull();
  });

  it('refuses an unknown language or any other field, naming it; 401 without a session', async () => {
    const bad = await f.call('PATCH', '/api/auth/me', { as: 'carla', body: { locale: 'fr' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('locale');
    const escalate = await f.call('PATCH', '/api/auth/me', {
      as: 'carla',
      body: { locale: 'en', roles: ['admin'] },
    });
    expect(escalate.status).toBe(400);
    expect((await f.store.users.get('carla'))?.roles).toEqual(['customer']);
    expect((await f.call('PATCH', '/api/auth/me', { body: { locale: 'en' } })).status).toBe(401);
  });
});

describe('locale of users (admin) and customers', () => {
  it('lets an admin set a user language with PATCH /users/:username, and nobody else', async () => {
    const res = await f.call('PATCH', '/api/users/nora', { as: 'admin', body: { locale: 'pt-BR' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.locale).toBe('pt-BR');
    expect((await f.call('PATCH', '/api/users/nora', { as: 'ivan', body: { locale: 'en' } })).status).toBe(
      403,
    );
    expect((await f.store.users.get('nora'))?.locale).toBe('pt-BR');
  });

  it('creates customers with a language and refuses an unknown one', async () => {
    const res = await f.call('POST', '/api/customers', {
      as: 'ivan',
      body: { name: 'João Silva', email: 'joao@example.com', locale: 'pt-BR' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.locale).toBe('pt-BR');
    const bad = await f.call('POST', '/api/customers', { as: 'ivan', body: { name: 'X', locale: 'xx' } });
    expect(bad.status).toBe(400);
  });
});

describe('Accept-Language for answers meant for people', () => {
  it('answers a failed sign-in in Portuguese to a Portuguese browser, the code unchanged', async () => {
    const pt = await f.call('POST', '/api/auth/login', {
      body: { username: 'carla', password: 'wrong-one' },
      headers: { 'accept-language': 'pt-BR,pt;q=0.9,en;q=0.8' },
    });
    expect(pt.status).toBe(401);
    expect(pt.body.error).toEqual({ code: 'invalid-credentials', message: 'usuário ou senha incorretos' });
    expect(pt.headers.get('content-language')).toBe('pt-BR');
    const en = await f.call('POST', '/api/auth/login', {
      body: { username: 'carla', password: 'wrong-one' },
    });
    expect(en.body.error.message).toBe('wrong username or password');
    const anon = await f.call('GET', '/api/cases', { headers: { 'accept-language': 'pt' } });
    expect(anon.body.error.message).toBe('entre primeiro');
  });

  it('asks the survey question in the language the page asks for, else the customer profile language', async () => {
    const opened = await f.call('POST', '/api/cases', {
      as: 'lena',
      body: {
        flow: 'password-reset',
        customerId: 'c-1001',
        channel: 'phone',
        variables: { username: 'carla.x', accountType: 'standard', contact: 'carla@example.com' },
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const token = 'survey-token-locale-1';
    await f.store.surveys.insert({
      token,
      caseId: opened.body.id,
      customerId: 'c-1001',
      surveyId: 's-locale-1',
      nodeId: null,
      kind: 'csat',
      to: 'customer',
      score: null,
      comment: null,
      sentAt: Date.now(),
      answeredAt: null,
    });
    const en = await f.call('GET', `/api/surveys/${token}`, { headers: { 'accept-language': 'en-US' } });
    expect(en.body).toMatchObject({ locale: 'en', question: expect.stringMatching(/^How satisfied/) });
    const pt = await f.call('GET', `/api/surveys/${token}`, { headers: { 'accept-language': 'pt-BR' } });
    expect(pt.body).toMatchObject({
      locale: 'pt-BR',
      question: expect.stringMatching(/^Qual é a sua satisfação/),
    });
    // No header: carla chose Portuguese above, so her customer profile speaks it.
    const profile = await f.call('GET', `/api/surveys/${token}`);
    expect(profile.body.locale).toBe('pt-BR');
    const missing = await f.call('GET', '/api/surveys/no-such-token-x', {
      headers: { 'accept-language': 'pt-BR' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('pesquisa não encontrada');
  });
});

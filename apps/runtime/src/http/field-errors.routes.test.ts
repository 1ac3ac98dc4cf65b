import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

/*
 * Field errors people read come in their language (DESIGN §9), naming the field, while the
 * JSON keeps the same machine codes, paths and params in every language.
 */

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const badRequest = { values: { username: 'c', accountType: 'vip', contact: 'not-an-email' } };

describe('form errors of a catalog request', () => {
  it('are worded in Portuguese for a Portuguese reader, with the same codes as in English', async () => {
    const en = await f.call('POST', '/api/catalog/password-reset/requests', {
      as: 'carla',
      body: badRequest,
      headers: { 'accept-language': 'en' },
    });
    const pt = await f.call('POST', '/api/catalog/password-reset/requests', {
      as: 'carla',
      body: badRequest,
      headers: { 'accept-language': 'pt-BR,pt;q=0.9' },
    });
    expect(en.status).toBe(400);
    expect(pt.status).toBe(400);
    expect(pt.headers.get('content-language')).toBe('pt-BR');
    expect(en.body.error.message).toBe('the form has errors');
    expect(pt.body.error.message).toBe('o formulário tem erros');
    const machine = (d: { path: string; code: string; params: unknown }) => [d.path, d.code, d.params];
    expect(pt.body.error.details.map(machine)).toEqual(en.body.error.details.map(machine));
    const words = (body: typeof en.body) =>
      Object.fromEntries(
        body.error.details.map((d: { code: string; message: string }) => [d.code, d.message]),
      );
    expect(words(en.body)).toEqual({
      'min-length': 'User name must be at least 2 characters',
      enum: 'Account type must be one of "standard", "privileged"',
      format: 'Where to reach you must be an e-mail address',
    });
    // The fields by the item's own Portuguese labels (its translations).
    expect(words(pt.body)).toEqual({
      'min-length': 'O campo Nome de usuário deve ter pelo menos 2 caracteres',
      enum: 'O campo Tipo de conta deve ser um destes valores: "standard", "privileged"',
      format: 'O campo Onde falar com você deve ser um endereço de e-mail',
    });
  });

  it("falls back to the signed-in user's profile language without an Accept-Language", async () => {
    await f.call('PATCH', '/api/users/lena', { as: 'admin', body: { locale: 'pt-BR' } });
    const res = await f.call('POST', '/api/catalog/password-reset/requests', {
      as: 'lena',
      body: { values: { contact: 'a@b.de' }, onBehalfOf: 'c-1001' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({
        path: 'values.username',
        code: 'required',
        message: 'O campo Nome de usuário é obrigatório',
      }),
    ]);
  });
});

describe('zod issues of a request body', () => {
  it('name the field and keep zod’s code, in English and in Portuguese', async () => {
    const send = (lang: string) =>
      f.call('PATCH', '/api/auth/me', {
        as: 'carla',
        body: { locale: 'fr', roles: ['admin'] },
        headers: { 'accept-language': lang },
      });
    const en = await send('en-US');
    const pt = await send('pt-BR');
    expect(en.status).toBe(400);
    expect(en.body.error.code).toBe('validation');
    const byCode = (body: typeof en.body) =>
      Object.fromEntries(
        body.error.details.map((d: { code: string; message: string }) => [d.code, d.message]),
      );
    expect(byCode(en.body)).toEqual({
      invalid_value: 'locale must be one of "en", "pt-BR"',
      unrecognized_keys: 'the request has fields it does not take: roles',
    });
    expect(pt.body.error.message).toBe('solicitação inválida');
    expect(byCode(pt.body)).toEqual({
      invalid_value: 'O campo locale deve ser um destes valores: "en", "pt-BR"',
      unrecognized_keys: 'A solicitação tem campos não aceitos: roles',
    });
  });
});

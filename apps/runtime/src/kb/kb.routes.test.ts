import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from '../http/http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const article = (over: Record<string, unknown> = {}) => ({
  title: 'Card fees',
  body: 'Replacement cards cost nothing.',
  category: 'Cards',
  tags: ['fees'],
  audience: 'public',
  locale: 'en',
  status: 'published',
  ...over,
});
const keys = (res: { body: { items: Array<{ key?: string; slug?: string }> } }) =>
  res.body.items.map((i) => i.key ?? i.slug);

describe('knowledge base routes', () => {
  it('serves the public help centre without signing in, published public articles only', async () => {
    const res = await f.call('GET', '/api/articles?locale=en&limit=500');
    expect(res.status).toBe(200);
    expect(keys(res)).toContain('lost-card');
    expect(keys(res)).not.toContain('fraud-playbook');
    const one = await f.call('GET', '/api/articles/lost-card');
    expect(one.status).toBe(200);
    expect(one.body.html).toContain('<strong>lost or stolen</strong>');
    expect(one.body).not.toHaveProperty('flagged');
  });

  it('picks the reader’s language from ?locale= or Accept-Language', async () => {
    await f.call('PUT', '/api/articles/card-fees', { as: 'olivia', body: article() });
    await f.call('PUT', '/api/articles/card-fees', {
      as: 'olivia',
      body: article({ locale: 'pt-BR', title: 'Tarifas do cartão', body: 'A reposição é gratuita.' }),
    });
    const pt = await f.call('GET', '/api/articles/card-fees', {
      headers: { 'accept-language': 'pt-BR,pt;q=0.9' },
    });
    expect(pt.body).toMatchObject({
      locale: 'pt-BR',
      title: 'Tarifas do cartão',
      translations: ['en', 'pt-BR'],
    });
    const en = await f.call('GET', '/api/articles/card-fees?locale=en');
    expect(en.body.title).toBe('Card fees');
  });

  it("reads in the profile's language when the client names none", async () => {
    await f.call('PUT', '/api/articles/card-pins', { as: 'olivia', body: article({ title: 'Card PINs' }) });
    await f.call('PUT', '/api/articles/card-pins', {
      as: 'olivia',
      body: article({ locale: 'pt-BR', title: 'Senhas do cartão', body: 'A senha muda no app.' }),
    });
    expect((await f.call('PATCH', '/api/auth/me', { as: 'carla', body: { locale: 'pt-BR' } })).status).toBe(
      200,
    );
    expect((await f.call('GET', '/api/articles/card-pins', { as: 'carla' })).body.title).toBe(
      'Senhas do cartão',
    );
    const named = await f.call('GET', '/api/articles/card-pins', {
      as: 'carla',
      headers: { 'accept-language': 'en' },
    });
    expect(named.body.title).toBe('Card PINs');
    expect((await f.call('GET', '/api/articles/card-pins')).body.title).toBe('Card PINs');
  });

  it('weighs Accept-Language by its quality values, as the error messages do', async () => {
    await f.call('PUT', '/api/articles/card-limits', {
      as: 'olivia',
      body: article({ title: 'Card limits' }),
    });
    await f.call('PUT', '/api/articles/card-limits', {
      as: 'olivia',
      body: article({ locale: 'pt-BR', title: 'Limites do cartão', body: 'O limite muda no app.' }),
    });
    const title = async (header: string) =>
      (await f.call('GET', '/api/articles/card-limits', { headers: { 'accept-language': header } })).body
        .title;
    expect(await title('pt;q=0.1, en')).toBe('Card limits');
    expect(await title('de-DE, pt-PT;q=0.8, en;q=0.5')).toBe('Limites do cartão');
    expect(await title('fr')).toBe('Card limits');
  });

  it('never gives an agents-only article to customers or anonymous readers, by slug, list or search', async () => {
    for (const as of [undefined, 'carla']) {
      expect((await f.call('GET', '/api/articles/fraud-playbook', { as })).status).toBe(404);
      const search = await f.call('GET', '/api/search?q=fraud%20playbook%20verify%20identity&locale=en', {
        as,
      });
      expect(keys(search)).not.toContain('fraud-playbook');
      const typing = await f.call('GET', '/api/search?q=fraud%20playb&locale=en&kinds=article', { as });
      expect(keys(typing)).not.toContain('fraud-playbook');
    }
    expect((await f.call('GET', '/api/articles/fraud-playbook', { as: 'lena' })).status).toBe(200);
    const staff = await f.call('GET', '/api/search?q=fraud%20playbook&locale=en', { as: 'lena' });
    expect(keys(staff)[0]).toBe('fraud-playbook');
  });

  it('answers articles and catalog items in one ranked list with marked snippets', async () => {
    const res = await f.call('GET', '/api/search?q=my%20card%20was%20stolen&locale=en', { as: 'carla' });
    expect(res.status).toBe(200);
    const kinds = res.body.items.map((i: { kind: string; key: string }) => `${i.kind}:${i.key}`);
    expect(kinds.slice(0, 3)).toContain('article:lost-card');
    expect(kinds).toContain('catalog:report-lost-card');
    expect(res.body.items[0].snippet).toContain('<mark>');
    const pt = await f.call('GET', '/api/search?q=cart%C3%A3o%20roubado', {
      as: 'carla',
      headers: { 'accept-language': 'pt-BR' },
    });
    // The Portuguese article and the catalog item, found and titled by its Portuguese text.
    expect(pt.body.items.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'article', key: 'cartao-perdido', locale: 'pt-BR' }),
        expect.objectContaining({
          kind: 'catalog',
          key: 'report-lost-card',
          title: 'Comunicar perda ou roubo de cartão',
        }),
      ]),
    );
  });

  it('lets owners and kb-editors write, not other agents, and records who changed what', async () => {
    expect((await f.call('PUT', '/api/articles/pin-reset', { as: 'lena', body: article() })).status).toBe(
      403,
    );
    expect((await f.call('PUT', '/api/articles/pin-reset', { as: 'carla', body: article() })).status).toBe(
      403,
    );
    expect((await f.call('PUT', '/api/articles/pin-reset', { body: article() })).status).toBe(401);
    const created = await f.call('POST', '/api/articles', {
      as: 'nora',
      body: { slug: 'pin-reset', ...article({ title: 'Reset your PIN', status: 'draft' }) },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ revision: 1, updatedBy: 'nora', status: 'draft' });
    expect(
      (await f.call('POST', '/api/articles', { as: 'nora', body: { slug: 'pin-reset', ...article() } }))
        .status,
    ).toBe(409);
    // A draft is the editors' only.
    expect((await f.call('GET', '/api/articles/pin-reset', { as: 'carla' })).status).toBe(404);
    expect((await f.call('GET', '/api/articles/pin-reset', { as: 'nora' })).status).toBe(200);
    const stale = await f.call('PUT', '/api/articles/pin-reset', {
      as: 'olivia',
      body: article({ title: 'Reset your PIN', revision: 0 }),
    });
    expect(stale.status).toBe(409);
    const published = await f.call('PUT', '/api/articles/pin-reset', {
      as: 'olivia',
      body: article({ title: 'Reset your PIN', body: 'Open Cards → PIN.', revision: 1 }),
    });
    expect(published.status).toBe(200);
    const history = await f.call('GET', '/api/articles/pin-reset/history', { as: 'lena' });
    expect(history.body.items.map((h: { action: string; by: string }) => [h.action, h.by])).toEqual([
      ['published', 'olivia'],
      ['created', 'nora'],
    ]);
    expect(history.body.items[0].changes).toEqual(['body', 'status']);
    expect((await f.call('GET', '/api/articles/pin-reset/history', { as: 'carla' })).status).toBe(403);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const res = await f.call('PUT', '/api/articles/x-bad', {
      as: 'olivia',
      body: article({ audience: 'everyone' }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('audience');
    const slug = await f.call('PUT', '/api/articles/Bad%20Slug', { as: 'olivia', body: article() });
    expect(slug.status).toBe(400);
    const reserved = await f.call('POST', '/api/articles', {
      as: 'olivia',
      body: { slug: 'preview', ...article() },
    });
    expect(reserved.status).toBe(400);
    const q = await f.call('GET', `/api/search?q=${'a'.repeat(501)}`);
    expect(q.status).toBe(400);
    const kinds = await f.call('GET', '/api/search?q=card&kinds=people');
    expect(kinds.status).toBe(400);
  });

  it('renders hostile Markdown inert in articles and previews', async () => {
    const body = '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const saved = await f.call('PUT', '/api/articles/hostile', { as: 'olivia', body: article({ body }) });
    expect(saved.status).toBe(200);
    for (const html of [
      saved.body.html,
      (await f.call('POST', '/api/articles/preview', { as: 'olivia', body: { body } })).body.html,
    ]) {
      expect(html).not.toMatch(/<script|<img|href="javascript/i);
      expect(html).toContain('&lt;script&gt;');
    }
    expect((await f.call('POST', '/api/articles/preview', { as: 'lena', body: { body } })).status).toBe(403);
  });

  it('takes one vote per person, only from signed-in readers of articles they may read', async () => {
    expect(
      (await f.call('POST', '/api/articles/block-card/feedback', { body: { helpful: true } })).status,
    ).toBe(401);
    expect(
      (
        await f.call('POST', '/api/articles/fraud-playbook/feedback', {
          as: 'carla',
          body: { helpful: true },
        })
      ).status,
    ).toBe(404);
    const first = await f.call('POST', '/api/articles/block-card/feedback', {
      as: 'carla',
      body: { helpful: false, reason: 'unclear' },
    });
    expect(first.body).toEqual({ helpful: 0, notHelpful: 1 });
    const again = await f.call('POST', '/api/articles/block-card/feedback', {
      as: 'carla',
      body: { helpful: true },
    });
    expect(again.body).toEqual({ helpful: 1, notHelpful: 0 });
  });

  it('lets agents flag an article from a case; editors find it flagged', async () => {
    const res = await f.call('POST', '/api/articles/travel-notice/flag', {
      as: 'lena',
      body: { reason: 'The fee is 3% now', caseId: 'case-1' },
    });
    expect(res.status).toBe(200);
    expect(res.body.flagged.reason).toContain('3%');
    expect(
      (await f.call('POST', '/api/articles/travel-notice/flag', { as: 'carla', body: { reason: 'x' } }))
        .status,
    ).toBe(403);
    const flagged = await f.call('GET', '/api/articles?flagged=true', { as: 'olivia' });
    expect(keys(flagged)).toEqual(['travel-notice']);
  });

  it('counts views, helpful votes and a deflected request form in the metrics', async () => {
    await f.call('GET', '/api/articles/lost-card', { as: 'ben' });
    // A form where the article solved the problem and no request followed: deflected.
    await f.call('POST', '/api/articles/lost-card/feedback', {
      as: 'ben',
      body: { helpful: true, draftId: 'draft-ben-0001', catalogItem: 'report-lost-card' },
    });
    const viewed = await f.call('GET', '/api/customers/c-1002/viewed-articles', { as: 'lena' });
    expect(viewed.body.items[0]).toMatchObject({ slug: 'lost-card', title: 'Lost or stolen card' });
    expect((await f.call('GET', '/api/customers/c-1002/viewed-articles', { as: 'carla' })).status).toBe(403);
    const metrics = await f.call('GET', '/api/kb/metrics?by=catalogItem', { as: 'olivia' });
    expect(metrics.status).toBe(200);
    expect(metrics.body.totals).toMatchObject({ deflected: 1 });
    expect(metrics.body.totals.articleViews).toBeGreaterThanOrEqual(1);
    const item = metrics.body.groups.find((g: { key: string }) => g.key === 'report-lost-card');
    expect(item).toMatchObject({ deflected: 1, deflectionRate: 1 });
    // Carla said "solved" too, but submitted the request anyway: not deflected.
    await f.call('POST', '/api/articles/lost-card/feedback', {
      as: 'carla',
      body: { helpful: true, draftId: 'draft-carla-01', catalogItem: 'report-lost-card' },
    });
    const request = await f.call('POST', '/api/catalog/report-lost-card/requests', {
      as: 'carla',
      body: { values: { cardLast4: '1234' } },
    });
    expect(request.status).toBe(201);
    const after = await f.call('GET', '/api/kb/metrics?by=catalogItem', { as: 'olivia' });
    expect(after.body.totals).toMatchObject({ deflected: 1, solvedVotes: 2, deflectionRate: 0.5 });
    expect((await f.call('GET', '/api/kb/metrics', { as: 'lena' })).status).toBe(403);
  });
});

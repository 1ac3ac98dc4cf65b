import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

describe('catalog routes', () => {
  it('lists the items a customer may request', async () => {
    const res = await f.call('GET', '/api/catalog', { as: 'carla' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { key: string }) => i.key).sort()).toEqual([
      'password-reset',
      'report-lost-card',
    ]);
    expect(res.body.next).toBeNull();
  });

  it('rejects values that break the form with 400 and field errors', async () => {
    const res = await f.call('POST', '/api/catalog/password-reset/requests', {
      as: 'carla',
      body: { values: { username: 'c', contact: 'not-an-email' } },
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['contact', 'username']);
    expect(res.body.error.details[0].path).toMatch(/^values\./);
  });

  it("opens a case of the item's flow with the values as variables, also whole as variables.request", async () => {
    const res = await f.call('POST', '/api/catalog/password-reset/requests', {
      as: 'carla',
      body: { values: { username: 'carla.j', contact: 'carla@example.com' } },
    });
    expect(res.status).toBe(201);
    // The customer's answer is their view of the request: a number, nothing internal.
    expect(res.body).toMatchObject({
      channel: 'web',
      status: 'open',
      number: expect.stringMatching(/^REQ-\d{6}$/),
    });
    for (const internal of ['flow', 'version', 'variables', 'tasks', 'cohort']) {
      expect(res.body).not.toHaveProperty(internal);
    }
    const staff = await f.call('GET', `/api/cases/${res.body.id}`, { as: 'ivan' });
    expect(staff.body).toMatchObject({
      flow: 'password-reset',
      customerId: 'c-1001',
      channel: 'web',
      status: 'open',
      number: res.body.number,
    });
    // The form default for accountType was applied by the validation.
    expect(staff.body.variables.request).toEqual({
      username: 'carla.j',
      contact: 'carla@example.com',
      accountType: 'standard',
    });
    expect(staff.body.variables).toMatchObject({
      username: 'carla.j',
      accountType: 'standard',
      catalogItem: 'password-reset',
    });
  });

  it('lets an agent request on behalf of a customer, and not a customer for someone else', async () => {
    const values = { cardLast4: '1234' };
    const agent = await f.call('POST', '/api/catalog/report-lost-card/requests', {
      as: 'lena',
      body: { values, onBehalfOf: 'c-1002', channel: 'phone' },
    });
    expect(agent.status).toBe(201);
    expect(agent.body).toMatchObject({ customerId: 'c-1002', channel: 'phone', flow: 'lost-card' });
    const customer = await f.call('POST', '/api/catalog/report-lost-card/requests', {
      as: 'carla',
      body: { values, onBehalfOf: 'c-1002' },
    });
    expect(customer.status).toBe(403);
  });

  it('answers the first response again for a repeated Idempotency-Key', async () => {
    const send = (values: unknown) =>
      f.call('POST', '/api/catalog/report-lost-card/requests', {
        as: 'ben',
        headers: { 'idempotency-key': 'req-42' },
        body: { values },
      });
    const first = await send({ cardLast4: '4321' });
    const again = await send({ cardLast4: '4321' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const mine = await f.call('GET', '/api/cases', { as: 'ben' });
    expect(mine.body.items.filter((c: { id: string }) => c.id === first.body.id)).toHaveLength(1);
    expect((await send({ cardLast4: '9999' })).status).toBe(422);
  });

  it('lets owners edit items, validating the flow, and hides nothing from them', async () => {
    const item = {
      name: 'VIP line',
      category: 'Cards',
      flow: 'lost-card',
      form: { properties: { note: { type: 'string' } } },
      audience: { segment: 'segment = "gold"' },
    };
    expect((await f.call('PUT', '/api/catalog/vip-line', { as: 'lena', body: item })).status).toBe(403);
    const bad = await f.call('PUT', '/api/catalog/vip-line', {
      as: 'olivia',
      body: { ...item, flow: 'nope' },
    });
    expect(bad.status).toBe(400);
    const broken = await f.call('PUT', '/api/catalog/vip-line', {
      as: 'olivia',
      body: { ...item, audience: { segment: 'segment = ' } },
    });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).toContain('"path":"audience.segment"');
    expect((await f.call('PUT', '/api/catalog/vip-line', { as: 'olivia', body: item })).status).toBe(200);
    // Carla is gold, Ben is standard: the audience segment is FEEL over the profile.
    expect((await f.call('GET', '/api/catalog/vip-line', { as: 'carla' })).status).toBe(200);
    expect((await f.call('GET', '/api/catalog/vip-line', { as: 'ben' })).status).toBe(404);
  });

  it('refuses a form nobody could submit: a required field it lacks, a field named __proto__', async () => {
    const item = (form: unknown) => ({ name: 'Broken', category: 'Test', flow: 'lost-card', form });
    const missing = await f.call('PUT', '/api/catalog/broken', {
      as: 'olivia',
      body: item({ properties: { a: { type: 'string' } }, required: ['a', 'b'] }),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual(['form.required.1']);
    // Sent as raw JSON: an object literal here would set the prototype instead of a field.
    const proto = await f.call('PUT', '/api/catalog/broken', {
      as: 'olivia',
      body: JSON.parse(
        '{"name":"Broken","category":"Test","flow":"lost-card","form":{"properties":{"__proto__":{"type":"string"}},"required":["__proto__"]}}',
      ),
    });
    expect(proto.status).toBe(400);
    expect((await f.call('GET', '/api/catalog/broken', { as: 'olivia' })).status).toBe(404);
  });

  it('keeps an item’s text in other languages and words form errors with the reader’s labels', async () => {
    const item = {
      name: 'Card limit',
      category: 'Cards',
      flow: 'lost-card',
      form: {
        properties: { amount: { type: 'integer', title: 'New limit', minimum: 100 } },
        required: ['amount'],
      },
      translations: {
        'pt-BR': {
          name: 'Limite do cartão',
          category: 'Cartões',
          fields: { amount: { title: 'Novo limite' } },
        },
      },
    };
    const stray = await f.call('PUT', '/api/catalog/card-limit', {
      as: 'olivia',
      body: { ...item, translations: { 'pt-BR': { fields: { ammount: { title: 'x' } } } } },
    });
    expect(stray.status).toBe(400);
    expect(stray.body.error.details[0].path).toBe('translations.pt-BR.fields.ammount');
    const unknownLanguage = await f.call('PUT', '/api/catalog/card-limit', {
      as: 'olivia',
      body: { ...item, translations: { fr: { name: 'Plafond' } } },
    });
    expect(unknownLanguage.status).toBe(400);
    expect((await f.call('PUT', '/api/catalog/card-limit', { as: 'olivia', body: item })).status).toBe(200);
    const read = await f.call('GET', '/api/catalog/card-limit', { as: 'carla' });
    expect(read.body.translations).toEqual(item.translations);

    const ask = (language: string) =>
      f.call('POST', '/api/catalog/card-limit/requests', {
        as: 'carla',
        body: { values: { amount: 5 } },
        headers: { 'accept-language': language },
      });
    const english = await ask('en');
    expect(english.status).toBe(400);
    expect(english.body.error.details[0].message).toContain('New limit');
    const portuguese = await ask('pt-BR');
    expect(portuguese.body.error.details[0].message).toContain('Novo limite');
    expect(portuguese.body.error.details[0].message).not.toContain('New limit');
  });

  it("refuses a key outside the keys' alphabet in the path, naming `key`, and stores nothing", async () => {
    const item = { name: 'Odd', category: 'Cards', flow: 'lost-card', form: { properties: {} } };
    for (const key of ['..%2F..%2Fetc', 'Upper', 'with_underscore']) {
      const res = await f.call('PUT', `/api/catalog/${key}`, { as: 'olivia', body: item });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('"path":"key"');
      const flow = await f.call('PUT', `/api/flows/${key}`, { as: 'olivia', body: { definition: {} } });
      expect(flow.status).toBe(400);
    }
    const listed = await f.call('GET', '/api/catalog', { as: 'olivia' });
    expect(JSON.stringify(listed.body)).not.toContain('etc');
  });
});

describe('Idempotency-Key after a failure', () => {
  it('does not keep a 400: the corrected retry runs', async () => {
    const send = (values: unknown) =>
      f.call('POST', '/api/catalog/report-lost-card/requests', {
        as: 'ben',
        headers: { 'idempotency-key': 'fix-and-retry' },
        body: { values },
      });
    expect((await send({ cardLast4: 'abcd' })).status).toBe(400);
    expect((await send({ cardLast4: 'abcd' })).status).toBe(400);
    const fixed = await send({ cardLast4: '1111' });
    expect(fixed.status).toBe(201);
    expect((await send({ cardLast4: '1111' })).body.id).toBe(fixed.body.id);
  });
});

describe('Idempotency-Key under concurrency', () => {
  it('opens one case for concurrent requests with one key, answering both with it', async () => {
    const send = () =>
      f.call('POST', '/api/cases', {
        as: 'lena',
        headers: { 'idempotency-key': 'double-click' },
        body: { flow: 'lost-card', customerId: 'c-1006', channel: 'phone', subject: 'double click' },
      });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const list = await f.call('GET', '/api/cases?customer=c-1006', { as: 'lena' });
    expect(list.body.items.filter((c: { subject: string }) => c.subject === 'double click')).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture, openCarlasLostCard } from '../http/http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const titles = (res: { body: { items: Array<{ title: string }> } }) => res.body.items.map((i) => i.title);

describe('canned response routes', () => {
  it('lists the shared responses and those of the agent’s groups, by title', async () => {
    const lena = await f.call('GET', '/api/responses', { as: 'lena' });
    expect(lena.status).toBe(200);
    expect(titles(lena)).toEqual(['Card blocked', 'Cartão bloqueado', 'Greeting', 'Saudação']);
    const ivan = await f.call('GET', '/api/responses?locale=en', { as: 'ivan' });
    expect(titles(ivan)).toEqual(['Greeting']);
    expect((await f.call('GET', '/api/responses', { as: 'carla' })).status).toBe(403);
    expect((await f.call('GET', '/api/responses')).status).toBe(401);
  });

  it('renders placeholders with FEEL against the case, its customer and the agent', async () => {
    const caseId = await openCarlasLostCard(f, 'Card stolen at the station');
    const kase = await f.call('GET', `/api/cases/${caseId}`, { as: 'lena' });
    const created = await f.call('POST', '/api/responses', {
      as: 'lena',
      body: {
        title: 'Subject echo',
        body: 'Dear {{customer.name}}, re {{case.number}} "{{case.subject}}" on {{case.channel}}. {{agent.name}}',
        groups: ['service-desk'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ locale: 'en', groups: ['service-desk'], updatedBy: 'lena' });
    const rendered = await f.call('POST', `/api/responses/${created.body.id}/render`, {
      as: 'lena',
      body: { caseId },
    });
    expect(rendered.status).toBe(200);
    const customer = await f.call('GET', '/api/customers/c-1001', { as: 'lena' });
    expect(rendered.body).toEqual({
      id: created.body.id,
      title: 'Subject echo',
      body: `Dear ${customer.body.name}, re ${kase.body.number} "Card stolen at the station" on phone. Lena (L1)`,
    });
    expect(rendered.body.body).toContain(kase.body.number);
    expect(
      (
        await f.call('POST', `/api/responses/${created.body.id}/render`, {
          as: 'lena',
          body: { caseId: 'nope' },
        })
      ).status,
    ).toBe(404);
    // Another team's response does not exist for Ivan.
    expect(
      (await f.call('POST', `/api/responses/${created.body.id}/render`, { as: 'ivan', body: { caseId } }))
        .status,
    ).toBe(404);
  });

  it('checks who may write in the command: agents only for their own groups', async () => {
    const shared = await f.call('POST', '/api/responses', {
      as: 'lena',
      body: { title: 'For all', body: 'Hi' },
    });
    expect(shared.status).toBe(403);
    const other = await f.call('POST', '/api/responses', {
      as: 'lena',
      body: { title: 'Fraud', body: 'Hi', groups: ['fraud'] },
    });
    expect(other.status).toBe(403);
    const list = await f.call('GET', '/api/responses', { as: 'lena' });
    const greeting = list.body.items.find((r: { title: string }) => r.title === 'Greeting');
    const edit = await f.call('PUT', `/api/responses/${greeting.id}`, {
      as: 'lena',
      body: { title: 'Greeting', body: 'Yo', groups: ['service-desk'] },
    });
    expect(edit.status).toBe(403);
    expect((await f.call('DELETE', `/api/responses/${greeting.id}`, { as: 'lena' })).status).toBe(403);
    const owner = await f.call('PUT', `/api/responses/${greeting.id}`, {
      as: 'olivia',
      body: { title: 'Greeting', body: 'Hello {{customer.name}}!', locale: 'en' },
    });
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ body: 'Hello {{customer.name}}!', updatedBy: 'olivia' });
  });

  it('lets a team edit and delete its own responses, and hides them from others', async () => {
    const made = await f.call('POST', '/api/responses', {
      as: 'marco',
      body: { title: 'Replacement shipped', body: 'Shipped.', groups: ['card-ops'], locale: 'pt-BR' },
    });
    expect(made.status).toBe(201);
    expect(
      (
        await f.call('PUT', `/api/responses/${made.body.id}`, {
          as: 'ivan',
          body: { title: 'x', body: 'x', groups: ['it-support'] },
        })
      ).status,
    ).toBe(404);
    const moved = await f.call('PUT', `/api/responses/${made.body.id}`, {
      as: 'marco',
      body: { title: 'Replacement shipped', body: 'Shipped!', groups: ['fraud'] },
    });
    expect(moved.status).toBe(403);
    expect((await f.call('DELETE', `/api/responses/${made.body.id}`, { as: 'marco' })).status).toBe(204);
    expect((await f.call('DELETE', `/api/responses/${made.body.id}`, { as: 'marco' })).status).toBe(404);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const syntax = await f.call('POST', '/api/responses', {
      as: 'olivia',
      body: { title: 'Broken', body: 'Hi {{customer.name +}}' },
    });
    expect(syntax.status).toBe(400);
    expect(syntax.body.error.details[0]).toMatchObject({ path: 'body' });
    const empty = await f.call('POST', '/api/responses', { as: 'olivia', body: { title: '', body: 'x' } });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.error.details)).toContain('title');
    const locale = await f.call('POST', '/api/responses', {
      as: 'olivia',
      body: { title: 'x', body: 'x', locale: 'fr' },
    });
    expect(locale.status).toBe(400);
    const huge = await f.call('POST', '/api/responses', {
      as: 'olivia',
      body: { title: 'x', body: 'x'.repeat(20_001) },
    });
    expect(huge.status).toBe(400);
  });

  it('answers 422 when a placeholder goes over the expression budget', async () => {
    const caseId = await openCarlasLostCard(f, 'Budget');
    const made = await f.call('POST', '/api/responses', {
      as: 'olivia',
      body: { title: 'Heavy', body: '{{count(for i in 1..100000000 return i)}}' },
    });
    expect(made.status).toBe(201);
    const rendered = await f.call('POST', `/api/responses/${made.body.id}/render`, {
      as: 'lena',
      body: { caseId },
    });
    expect(rendered.status).toBe(422);
  });
});

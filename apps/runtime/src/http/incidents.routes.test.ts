import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

/* The incident routes over the whole app; opening a case fails while `fault.start` is set. */
const fault = vi.hoisted(() => ({ start: false }));
vi.mock('@caseflow/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof import('@caseflow/engine')>();
  return {
    ...engine,
    start: (...args: Parameters<typeof engine.start>) => {
      if (fault.start) throw new engine.ExpressionBudgetError('steps', 'x', 'FEEL budget exceeded', 'freeze');
      return engine.start(...args);
    },
  };
});

describe('incident routes', () => {
  let f: HttpFixture;
  beforeAll(async () => {
    f = await httpFixture();
  });
  afterAll(() => f.dispose());
  beforeEach(() => {
    fault.start = false;
  });

  const open = (headers: Record<string, string> = {}) =>
    f.call('POST', '/api/cases', {
      as: 'lena',
      headers,
      body: { flow: 'lost-card', customerId: 'c-1001', channel: 'phone', subject: 'budget' },
    });

  it('answers a failed opening with a JSON 422 and lists the incident, also under an Idempotency-Key', async () => {
    fault.start = true;
    const first = await open();
    expect(first.status).toBe(422);
    expect(first.body.error).toMatchObject({
      code: 'incident',
      details: { incidentId: expect.any(String), kind: 'expression', nodeId: 'freeze', caseId: null },
    });
    // The idempotency middleware rolls failed requests back, but must keep their incident.
    const keyed = await open({ 'idempotency-key': 'k-1' });
    expect(keyed.status).toBe(422);
    expect(keyed.body.error.details.incidentId).toBe(first.body.error.details.incidentId);

    const listed = await f.call('GET', '/api/incidents?status=open', { as: 'olivia' });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [
        expect.objectContaining({
          id: first.body.error.details.incidentId,
          caseId: null,
          kind: 'expression',
          attempts: 2,
          source: { type: 'command', command: 'openCaseAs' },
          createdAt: expect.stringMatching(/Z$/),
          resolvedAt: null,
        }),
      ],
      next: null,
    });
    expect((await f.call('GET', '/api/cases?flow=lost-card', { as: 'admin' })).body.items).toEqual([]);
  });

  it('retries as admin only; success resolves and opens the case', async () => {
    const [incident] = (await f.call('GET', '/api/incidents?status=open', { as: 'olivia' })).body.items;
    expect((await f.call('GET', '/api/incidents', { as: 'lena' })).status).toBe(403);
    expect((await f.call('POST', `/api/incidents/${incident.id}/retry`, { as: 'olivia' })).status).toBe(403);
    const retried = await f.call('POST', `/api/incidents/${incident.id}/retry`, { as: 'admin' });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({
      id: incident.id,
      status: 'resolved',
      resolvedBy: 'admin',
      note: 'retried',
    });
    expect((await f.call('GET', '/api/cases?flow=lost-card', { as: 'admin' })).body.items).toHaveLength(1);
    expect((await f.call('GET', '/api/incidents?status=resolved', { as: 'olivia' })).body.items).toHaveLength(
      1,
    );
  });

  it('resolves with a note only, naming the field when it is missing', async () => {
    fault.start = true;
    const failed = await open({ 'x-note': 'other' });
    const id = failed.body.error.details.incidentId;
    const missing = await f.call('POST', `/api/incidents/${id}/resolve`, { as: 'admin', body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ path: 'note' })]);
    const done = await f.call('POST', `/api/incidents/${id}/resolve`, {
      as: 'admin',
      body: { note: 'known issue' },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'resolved', note: 'known issue' });
    expect(
      (await f.call('POST', `/api/incidents/${id}/resolve`, { as: 'admin', body: { note: 'x' } })).status,
    ).toBe(409);
  });

  it('pages the list and documents the routes', async () => {
    const page = await f.call('GET', '/api/incidents?limit=1', { as: 'admin' });
    expect(page.body.items).toHaveLength(1);
    expect(typeof page.body.next).toBe('string');
    const doc = await f.call('GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/incidents', '/incidents/{id}/retry', '/incidents/{id}/resolve']),
    );
  });
});

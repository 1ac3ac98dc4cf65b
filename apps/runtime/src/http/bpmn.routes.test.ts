import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

describe('GET /flows/:key/versions/:v/bpmn', () => {
  it('downloads a published version as BPMN 2.0 XML', async () => {
    const res = await f.call('GET', '/api/flows/lost-card/versions/1/bpmn', { as: 'olivia' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="lost-card-v1.bpmn"');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<bpmn:definitions /);
    expect(res.body).toContain('<bpmn:process id="Process_lost-card"');
    expect(res.body).toContain('<bpmndi:BPMNDiagram');
  });

  it('is for owners and admins, and 404 for an unknown version', async () => {
    expect((await f.call('GET', '/api/flows/lost-card/versions/1/bpmn', { as: 'lena' })).status).toBe(403);
    expect((await f.call('GET', '/api/flows/lost-card/versions/1/bpmn')).status).toBe(401);
    expect((await f.call('GET', '/api/flows/lost-card/versions/9/bpmn', { as: 'admin' })).status).toBe(404);
    expect((await f.call('GET', '/api/flows/nope/versions/1/bpmn', { as: 'admin' })).status).toBe(404);
    expect((await f.call('GET', '/api/flows/lost-card/versions/0/bpmn', { as: 'admin' })).status).toBe(400);
  });
});

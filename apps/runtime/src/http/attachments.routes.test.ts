import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture, openCarlasLostCard } from './http-fixture';

let f: HttpFixture;
let carlasCase: string;
beforeAll(async () => {
  f = await httpFixture();
  carlasCase = await openCarlasLostCard(f, 'Card lost in Lisbon');
});
afterAll(() => f.dispose());

const file = (name: string, contentType: string, text: string) => ({
  name,
  contentType,
  content: Buffer.from(text).toString('base64'),
});

describe('messages with files and internal notes over HTTP', () => {
  it('takes a message with a file of a few megabytes, though other requests stay small', async () => {
    const photo = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64');
    const posted = await f.call('POST', `/api/cases/${carlasCase}/messages`, {
      as: 'carla',
      body: {
        body: 'A photo of the receipt',
        attachments: [{ name: 'receipt.png', contentType: 'image/png', content: photo }],
      },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.attachments[0].size).toBe(3 * 1024 * 1024);
    const big = await f.call('PATCH', '/api/auth/me', {
      as: 'carla',
      body: { displayName: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(big.status).toBe(413);
  });

  it('stores a file with a message and serves it as a download to staff and the case customer only', async () => {
    const posted = await f.call('POST', `/api/cases/${carlasCase}/messages`, {
      as: 'lena',
      body: { body: 'Your form', attachments: [file('formulário "1".pdf', 'application/pdf', '%PDF-1.4 x')] },
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      visibility: 'public',
      from: { kind: 'agent', id: 'lena' },
      attachments: [{ name: 'formulário 1.pdf', size: 10, contentType: 'application/pdf' }],
    });
    const id = posted.body.attachments[0].id;
    const got = await f.call('GET', `/api/attachments/${id}`, { as: 'carla' });
    expect(got.status).toBe(200);
    expect(got.body).toBe('%PDF-1.4 x');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="formul_rio 1.pdf"; filename*=UTF-8''formul%C3%A1rio%201.pdf`,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await f.call('GET', `/api/attachments/${id}`, { as: 'ben' })).status).toBe(404);
    expect((await f.call('GET', `/api/attachments/${id}`)).status).toBe(401);
    expect((await f.call('GET', '/api/attachments/nope', { as: 'lena' })).status).toBe(404);
  });

  it('keeps internal notes out of what the customer reads, and refuses them from customers', async () => {
    const note = await f.call('POST', `/api/cases/${carlasCase}/messages`, {
      as: 'lena',
      body: {
        body: 'check for fraud',
        visibility: 'internal',
        attachments: [file('n.txt', 'text/plain', 'x')],
      },
    });
    expect(note.status).toBe(201);
    const staff = await f.call('GET', `/api/cases/${carlasCase}/messages`, { as: 'lena' });
    expect(staff.body.items.map((m: { body: string }) => m.body)).toContain('check for fraud');
    const mine = await f.call('GET', `/api/cases/${carlasCase}/messages`, { as: 'carla' });
    expect(mine.body.items.map((m: { body: string }) => m.body)).not.toContain('check for fraud');
    const profile = await f.call('GET', '/api/customers/c-1001', { as: 'carla' });
    expect(JSON.stringify(profile.body)).not.toContain('check for fraud');
    const timeline = await f.call('GET', `/api/cases/${carlasCase}/timeline`, { as: 'carla' });
    expect(JSON.stringify(timeline.body)).not.toContain(note.body.id);
    expect(
      (await f.call('GET', `/api/attachments/${note.body.attachments[0].id}`, { as: 'carla' })).status,
    ).toBe(404);
    const refused = await f.call('POST', `/api/cases/${carlasCase}/messages`, {
      as: 'carla',
      body: { body: 'sneaky', visibility: 'internal' },
    });
    expect(refused.status).toBe(403);
  });

  it('refuses files of types that are not accepted and bad base64, naming the field', async () => {
    const svg = await f.call('POST', `/api/cases/${carlasCase}/messages`, {
      as: 'lena',
      body: { body: 'x', attachments: [file('a.svg', 'image/svg+xml', '<svg onload=alert(1)>')] },
    });
    expect(svg.status).toBe(400);
    expect(JSON.stringify(svg.body)).toContain('contentType');
    const bad = await f.call('POST', `/api/cases/${carlasCase}/messages`, {
      as: 'lena',
      body: { body: 'x', attachments: [{ name: 'a.txt', contentType: 'text/plain', content: '!!!' }] },
    });
    expect(bad.status).toBe(400);
  });
});

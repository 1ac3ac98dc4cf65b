import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture, openCarlasLostCard } from './http-fixture';

let f: HttpFixture;
let carlasCase: string;
beforeAll(async () => {
  // An allowance of 3 MB of files an hour per user.
  f = await httpFixture({ CASEFLOW_UPLOAD_BYTES_PER_HOUR: String(3_000_000) });
  carlasCase = await openCarlasLostCard(f, 'Card lost in Lisbon');
});
afterAll(() => f.dispose());

const withFile = (bytes: number) => ({
  body: 'a photo',
  attachments: [
    { name: 'photo.png', contentType: 'image/png', content: Buffer.alloc(bytes, 1).toString('base64') },
  ],
});

describe('files one user may upload per hour', () => {
  it('refuses files past the allowance with 429 and Retry-After, keeps text messages, takes files again later', async () => {
    const post = (as: string, body: unknown, id = carlasCase) =>
      f.call('POST', `/api/cases/${id}/messages`, { as, body });
    expect((await post('carla', withFile(2_000_000))).status).toBe(201);
    const over = await post('carla', withFile(2_000_000));
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({ code: 'upload-quota', details: [{ path: 'attachments' }] });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Words without files, and other users' files, are not held back.
    expect((await post('carla', { body: 'any news?' })).status).toBe(201);
    expect((await post('lena', withFile(2_000_000))).status).toBe(201);
    // A refused message gives its allowance back: a wrong case id costs nothing.
    expect((await post('lena', withFile(1_000_000), 'no-such-case')).status).toBe(404);
    expect((await post('lena', withFile(1_000_000))).status).toBe(201);
    await f.call('POST', '/api/_test/clock', { as: 'admin', body: { advance: 'PT1H' } });
    expect((await post('carla', withFile(2_000_000))).status).toBe(201);
  });
});

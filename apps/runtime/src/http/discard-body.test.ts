import { describe, expect, it } from 'vitest';
import { discardBody } from './discard-body';

/** A POST whose body is `chunks` streamed, declaring `length`; `read` counts the chunks pulled. */
function streamed(chunks: number, length: number) {
  let read = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read === chunks) return controller.close();
      read += 1;
      controller.enqueue(new Uint8Array(1024));
    },
  });
  const req = new Request('http://runtime/api/cases', {
    method: 'POST',
    headers: { 'content-length': String(length) },
    body,
    duplex: 'half',
  } as RequestInit);
  return { req, read: () => read };
}

describe('discardBody', () => {
  it('reads a refused body with a declared length to its end', async () => {
    const { req, read } = streamed(64, 64 * 1024);
    await discardBody(req, 1024 * 1024, 5_000);
    expect(read()).toBe(64);
  });

  it('leaves a body longer than it is willing to drain', async () => {
    const { req, read } = streamed(64, 64 * 1024);
    await discardBody(req, 16 * 1024, 5_000);
    expect(read()).toBeLessThan(2);
  });

  it('leaves a body without a declared length or one already being read', async () => {
    const chunked = new Request('http://runtime/api/cases', {
      method: 'POST',
      body: new ReadableStream({ pull: () => {} }),
      duplex: 'half',
    } as RequestInit);
    await discardBody(chunked, 1024 * 1024, 5_000);
    const { req } = streamed(4, 4 * 1024);
    const reader = req.body!.getReader();
    await discardBody(req, 1024 * 1024, 5_000);
    expect((await reader.read()).done).toBe(false);
  });

  it('gives up on a body that stops arriving', async () => {
    const stalled = new Request('http://runtime/api/cases', {
      method: 'POST',
      headers: { 'content-length': '4096' },
      body: new ReadableStream({ pull: () => new Promise(() => {}) }),
      duplex: 'half',
    } as RequestInit);
    await expect(discardBody(stalled, 1024 * 1024, 50)).resolves.toBeUndefined();
  });
});

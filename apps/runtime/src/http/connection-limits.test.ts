import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { capConnectionsPerAddress, requestTimeouts } from './connection-limits';

let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = undefined;
});

async function listen(max: number, timeoutMs: number, refusals: number[] = []): Promise<number> {
  server = createServer(requestTimeouts(timeoutMs), (req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  capConnectionsPerAddress(server, max, (_address, n) => refusals.push(n));
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** A raw connection; resolves once connected. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', () => {});
    s.once('error', reject);
    sockets.push(s);
  });
}
const closed = (s: Socket) =>
  new Promise<void>((done) => (s.closed ? done() : s.once('close', () => done())));
const answer = (s: Socket) =>
  new Promise<string>((done) => {
    let text = '';
    s.on('data', (d) => {
      text += d.toString();
    });
    s.once('close', () => done(text));
  });

describe('connection limits', () => {
  it('closes connections past the cap from one address, and takes new ones once others close', async () => {
    const refusals: number[] = [];
    const port = await listen(3, 60_000, refusals);
    const held = await Promise.all([open(port), open(port), open(port)]);
    const extra = await open(port);
    await closed(extra);
    expect(held.every((s) => !s.closed)).toBe(true);
    for (let i = 0; i < 9; i++) await closed(await open(port));
    expect(refusals).toEqual([1, 10]);
    held[0]!.destroy();
    await closed(held[0]!);
    // The server hears of the close on its next turn: give it one.
    await new Promise((r) => setTimeout(r, 50));
    const again = await open(port);
    again.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(await answer(again)).toContain('200 OK');
  });

  it('answers 408 and closes a request whose body trickles in past the timeout', async () => {
    const port = await listen(0, 400);
    const slow = await open(port);
    const text = answer(slow);
    slow.write(
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n0123456789',
    );
    const started = Date.now();
    expect(await text).toContain('408');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

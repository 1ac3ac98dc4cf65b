import { describe, expect, it } from 'vitest';
import { createLoginThrottle, type ThrottleRules } from './login-throttle';

const rule = { free: 3, baseMs: 1000, capMs: 8000, forgetMs: 60_000 };
const rules: ThrottleRules = { source: { ...rule, free: 5 }, pair: rule, username: rule, maxKeys: 100 };
const known = async () => true;
const unknown = async () => false;

describe('login throttle', () => {
  it('lets a few failures pass, then blocks with delays that double up to the cap', async () => {
    const t = createLoginThrottle(rules);
    const a = { source: '10.0.0.9', username: 'lena' };
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i++) {
      now += await t.wait(a, now, unknown);
      waits.push(await t.wait(a, now, unknown));
      t.failed(a, now);
      waits.push(await t.wait(a, now, unknown));
    }
    // Before/after each failure: free 3, then 1 s, 2 s, 4 s, 8 s, 8 s (cap).
    expect(waits.filter((_, i) => i % 2 === 1)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000]);
  });

  it('slows one source spraying one password over many usernames', async () => {
    const t = createLoginThrottle(rules);
    for (let i = 0; i < 6; i++) t.failed({ source: '10.0.0.9', username: `user${i}` }, 0);
    expect(await t.wait({ source: '10.0.0.9', username: 'fresh' }, 0, unknown)).toBe(1000);
    expect(await t.wait({ source: '10.0.0.8', username: 'fresh' }, 0, unknown)).toBe(0);
  });

  it("never blocks a user's known source because of other sources' failures", async () => {
    const t = createLoginThrottle(rules);
    for (let i = 0; i < 10; i++) t.failed({ source: `10.0.1.${i}`, username: 'admin' }, 0);
    expect(await t.wait({ source: '10.0.9.9', username: 'admin' }, 0, unknown)).toBeGreaterThan(0);
    expect(await t.wait({ source: '10.0.0.1', username: 'admin' }, 0, known)).toBe(0);
  });

  it('asks whether the source is known only when the username is slowed', async () => {
    const t = createLoginThrottle(rules);
    let asked = 0;
    await t.wait({ source: 's', username: 'u' }, 0, async () => {
      asked++;
      return false;
    });
    expect(asked).toBe(0);
  });

  it('clears only the pair counter on success and forgets quiet keys', async () => {
    const t = createLoginThrottle(rules);
    const a = { source: 's', username: 'u' };
    for (let i = 0; i < 4; i++) t.failed(a, 0);
    t.succeeded(a);
    // The username counter (4 > 3 free) still slows unknown sources.
    expect(await t.wait({ source: 'other', username: 'u' }, 0, unknown)).toBe(1000);
    expect(await t.wait(a, 0, unknown)).toBe(1000);
    expect(await t.wait({ source: 'other', username: 'u' }, 60_000, unknown)).toBe(0);
  });

  it('keeps at most maxKeys keys per counter', async () => {
    const t = createLoginThrottle({ ...rules, maxKeys: 2 });
    for (let i = 0; i < 5; i++) t.failed({ source: 'first', username: 'u0' }, 0);
    for (let i = 1; i <= 3; i++) t.failed({ source: `s${i}`, username: `u${i}` }, 0);
    expect(await t.wait({ source: 'first', username: 'u0' }, 0, unknown)).toBe(0);
  });

  it('counts attempts in flight: a parallel burst gets the free failures, not more', async () => {
    const t = createLoginThrottle(rules);
    const a = { source: '10.0.0.9', username: 'lena' };
    // 20 attempts begun before any of them failed (scrypt runs meanwhile).
    const waits = await Promise.all(Array.from({ length: 20 }, () => t.begin(a, 0, unknown)));
    expect(waits.filter((w) => w === 0)).toHaveLength(rules.pair.free);
    for (let i = 0; i < rules.pair.free; i++) t.failed(a, 0);
    // Past the free failures, one attempt at a time; the next failure blocks.
    expect(await t.begin(a, 0, unknown)).toBe(0);
    expect(await t.begin(a, 0, unknown)).toBe(1000);
    t.failed(a, 0);
    expect(await t.wait(a, 0, unknown)).toBe(1000);
  });

  it('lets many people behind one address sign in at once (parallel attempts for different users)', async () => {
    const t = createLoginThrottle(rules);
    const attempts = Array.from({ length: 30 }, (_, i) => ({ source: '10.0.0.9', username: `user${i}` }));
    const waits = await Promise.all(attempts.map((a) => t.begin(a, 0, unknown)));
    expect(waits.every((w) => w === 0)).toBe(true);
    for (const a of attempts) t.succeeded(a);
  });

  it('frees the reservation of an attempt that neither failed nor succeeded', async () => {
    const t = createLoginThrottle(rules);
    const a = { source: '10.0.0.9', username: 'lena' };
    for (let i = 0; i < 20; i++) {
      expect(await t.begin(a, 0, unknown)).toBe(0);
      t.release(a);
    }
    for (let i = 0; i < 20; i++) {
      expect(await t.begin(a, 0, known)).toBe(0);
      t.succeeded(a);
    }
  });
});

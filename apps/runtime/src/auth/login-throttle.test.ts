import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle';

describe('login throttle', () => {
  it('refuses a username after too many failures inside the window, then lets it try again', () => {
    const t = createLoginThrottle(3, 60_000);
    for (const at of [0, 1000, 2000]) {
      expect(t.retryAfter('lena', at)).toBe(0);
      t.failed('lena', at);
    }
    expect(t.retryAfter('lena', 3000)).toBe(57_000);
    expect(t.retryAfter('marco', 3000)).toBe(0);
    expect(t.retryAfter('lena', 60_000)).toBe(0);
  });

  it('forgets failures after a successful login', () => {
    const t = createLoginThrottle(2, 60_000);
    t.failed('lena', 0);
    t.succeeded('lena');
    t.failed('lena', 1);
    expect(t.retryAfter('lena', 2)).toBe(0);
  });
});

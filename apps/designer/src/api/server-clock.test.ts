import { describe, expect, it } from 'vitest';
import { noteServerTime, serverNow } from './server-clock';

describe('server clock', () => {
  it('follows the runtime time of the latest answer, not the browser clock', () => {
    const server = Date.parse('2026-01-05T08:00:00Z');
    noteServerTime(String(server));
    expect(Math.abs(serverNow() - server)).toBeLessThan(1000);
  });

  it('keeps the last offset when an answer has no usable time', () => {
    const server = Date.parse('2026-01-05T08:00:00Z');
    noteServerTime(String(server));
    noteServerTime(null);
    noteServerTime('soon');
    expect(Math.abs(serverNow() - server)).toBeLessThan(1000);
  });
});

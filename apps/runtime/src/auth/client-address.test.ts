import { describe, expect, it } from 'vitest';
import { clientAddress, sourceKey } from './client-address';

describe('clientAddress', () => {
  it('takes the socket address and ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress('10.0.0.5', '1.2.3.4', 0)).toBe('10.0.0.5');
  });

  it('with one trusted proxy takes the entry it appended, not what the client wrote', () => {
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', '203.0.113.9:4711', 1)).toBe('203.0.113.9');
  });

  it('falls back to the socket when the header is missing or not an address', () => {
    expect(clientAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', 'evil, not-an-ip', 1)).toBe('10.0.0.1');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });
});

describe('sourceKey', () => {
  it('unwraps IPv4-mapped addresses and keeps IPv4 as is', () => {
    expect(sourceKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(sourceKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('groups IPv6 by /64', () => {
    expect(sourceKey('2001:db8:1:2::abcd')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('::1')).toBe('0:0:0:0::/64');
  });
});

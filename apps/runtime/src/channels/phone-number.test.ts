import { describe, expect, it } from 'vitest';
import { e164 } from './phone-number';

describe('e164', () => {
  it('normalises what providers send to +digits', () => {
    expect(e164('5511999990000')).toBe('+5511999990000');
    expect(e164('+1 (415) 935-4345')).toBe('+14159354345');
  });
  it('refuses what is not a phone number', () => {
    expect(e164('whatsapp:+14155238886')).toBeNull();
    expect(e164('+0123')).toBeNull();
    expect(e164('1'.repeat(16))).toBeNull();
    expect(e164('')).toBeNull();
  });
});

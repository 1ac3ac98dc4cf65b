import { describe, expect, it } from 'vitest';
import { durationInWords, isoDurationInWords, isoDurationToMs, relativeTime } from './format';
import { pickLocale } from './locales';

describe('durations in words', () => {
  it('speaks both languages with plurals', () => {
    expect(durationInWords(3_600_000, 'en')).toBe('1 hour');
    expect(durationInWords(2 * 3_600_000 + 30 * 60_000, 'en')).toBe('2 hours and 30 minutes');
    expect(durationInWords(2 * 3_600_000 + 30 * 60_000, 'pt-BR')).toBe('2 horas e 30 minutos');
    expect(durationInWords(0, 'en')).toBe('0 seconds');
  });

  it('reads ISO-8601 durations and leaves what it cannot read', () => {
    expect(isoDurationToMs('PT8H')).toBe(8 * 3_600_000);
    expect(isoDurationToMs('P1DT30M')).toBe(86_400_000 + 30 * 60_000);
    expect(isoDurationToMs('P1M')).toBeNull();
    expect(isoDurationToMs('PT')).toBeNull();
    expect(isoDurationInWords('PT8H', 'pt-BR')).toBe('8 horas');
    expect(isoDurationInWords('soon', 'en')).toBe('soon');
  });

  it('says how far a moment is', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(relativeTime(now + 42 * 60_000, now, 'en')).toBe('in 42 minutes');
    expect(relativeTime(now - 3 * 3_600_000, now, 'pt-BR')).toBe('há 3 horas');
    // To the nearest unit: 3 h 59 min ahead is 4 hours, not 3.
    expect(relativeTime(now + 239 * 60_000, now, 'pt-BR')).toBe('em 4 horas');
    expect(relativeTime(now + 89 * 60_000, now, 'en')).toBe('in 1 hour');
  });

  it('counts days as calendar days: Monday morning is two days from Saturday evening', () => {
    const saturday = new Date(2026, 11, 5, 21, 35).getTime();
    expect(relativeTime(new Date(2026, 11, 7, 8, 30), saturday, 'en')).toBe('in 2 days');
    expect(relativeTime(new Date(2026, 11, 7, 13, 35), saturday, 'pt-BR')).toBe('depois de amanhã');
    expect(relativeTime(new Date(2026, 11, 6, 23, 0), saturday, 'en')).toBe('tomorrow');
    expect(relativeTime(new Date(2026, 11, 4, 9, 0), saturday, 'pt-BR')).toBe('ontem');
  });
});

describe('pickLocale', () => {
  it('matches by language when the region differs', () => {
    expect(pickLocale([null, 'pt-PT'])).toBe('pt-BR');
    expect(pickLocale(['en-GB'])).toBe('en');
    expect(pickLocale(['de', 'fr'])).toBe('en');
    expect(pickLocale(['pt-BR'])).toBe('pt-BR');
  });
});

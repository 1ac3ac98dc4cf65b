import { describe, expect, it } from 'vitest';
import { Locale, localeFromAcceptLanguage } from './locale';

describe('localeFromAcceptLanguage', () => {
  it('picks the supported language with the highest quality, by language when the region differs', () => {
    expect(localeFromAcceptLanguage('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt-BR');
    expect(localeFromAcceptLanguage('pt-PT')).toBe('pt-BR');
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('de-DE, en;q=0.5, pt;q=0.7')).toBe('pt-BR');
    expect(localeFromAcceptLanguage('fr, de')).toBe('en');
    expect(localeFromAcceptLanguage('pt;q=0, en')).toBe('en');
    expect(localeFromAcceptLanguage('*')).toBe('en');
    expect(localeFromAcceptLanguage(undefined, 'pt-BR')).toBe('pt-BR');
    expect(localeFromAcceptLanguage('q=;;,,;q=abc')).toBe('en');
  });

  it('accepts only the two locales in payloads', () => {
    expect(Locale.safeParse('pt-BR').success).toBe(true);
    expect(Locale.safeParse('pt').success).toBe(false);
  });
});

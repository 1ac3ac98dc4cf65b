import { describe, expect, it } from 'vitest';
import { languageName, languageTitle } from './language-name';

describe('languageName', () => {
  it("names a language in the reader's language", () => {
    expect(languageName('en', 'pt-BR')).toBe('inglês');
    expect(languageName('pt-BR', 'pt-BR')).toBe('português (Brasil)');
    expect(languageName('pt-BR', 'en')).toBe('Brazilian Portuguese');
    expect(languageTitle('en', 'pt-BR')).toBe('Inglês');
  });
});

import { describe, expect, it } from 'vitest';
import { withText } from './localized-text';

describe('withText', () => {
  it('sets one language, keeping a single text as the others', () => {
    expect(withText(undefined, 'pt-BR', 'Verificando')).toEqual({ 'pt-BR': 'Verificando' });
    expect(withText('Checking', 'pt-BR', 'Verificando')).toEqual({ en: 'Checking', 'pt-BR': 'Verificando' });
    expect(withText({ en: 'Checking' }, 'en', '')).toBeUndefined();
  });
});

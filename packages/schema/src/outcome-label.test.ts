import { describe, expect, it } from 'vitest';
import { outcomeLabel, textIn } from './outcome-label';

describe('outcomeLabel', () => {
  const labels = {
    'needs-field-visit': { en: 'Needs a field visit', 'pt-BR': 'Precisa de visita técnica' },
    resolved: { 'pt-BR': 'Resolvido' },
  };

  it("answers the reader's language, else another the owner wrote, else the id", () => {
    expect(outcomeLabel(labels, 'needs-field-visit', 'pt-BR')).toBe('Precisa de visita técnica');
    expect(outcomeLabel(labels, 'needs-field-visit', 'en')).toBe('Needs a field visit');
    expect(outcomeLabel(labels, 'resolved', 'en')).toBe('Resolvido');
    expect(outcomeLabel(labels, 'other', 'en')).toBe('other');
    expect(outcomeLabel(undefined, 'done', 'pt-BR')).toBe('done');
  });

  it('does not read inherited properties as labels', () => {
    expect(outcomeLabel(labels, 'toString', 'en')).toBe('toString');
    expect(outcomeLabel({}, '__proto__', 'en')).toBe('__proto__');
  });
});

describe('textIn', () => {
  it('takes one text for everybody as it is, and a text per language in the reader’s', () => {
    expect(textIn('Checking your card', 'pt-BR')).toBe('Checking your card');
    expect(textIn({ en: 'Checking your card', 'pt-BR': 'Verificando seu cartão' }, 'pt-BR')).toBe(
      'Verificando seu cartão',
    );
    expect(textIn({ 'pt-BR': 'Verificando seu cartão' }, 'en')).toBe('Verificando seu cartão');
    expect(textIn(undefined, 'en')).toBeUndefined();
  });
});

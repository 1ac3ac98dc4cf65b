import { describe, expect, it } from 'vitest';
import { outcomeLabel } from './outcome-label';

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

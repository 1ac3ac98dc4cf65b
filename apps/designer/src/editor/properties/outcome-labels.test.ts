import { describe, expect, it } from 'vitest';
import { labelsOfOutcomes, withOutcomeLabel } from './outcome-labels';

describe('withOutcomeLabel', () => {
  it('sets one language of one outcome and keeps the rest', () => {
    const one = withOutcomeLabel(undefined, 'visit', 'en', 'Needs a field visit');
    expect(one).toEqual({ visit: { en: 'Needs a field visit' } });
    const two = withOutcomeLabel(one, 'visit', 'pt-BR', 'Precisa de visita técnica');
    expect(two).toEqual({ visit: { en: 'Needs a field visit', 'pt-BR': 'Precisa de visita técnica' } });
    expect(withOutcomeLabel(two, 'done', 'en', 'Solved')).toEqual({ ...two, done: { en: 'Solved' } });
  });

  it('drops emptied texts, then the outcome, then the whole map', () => {
    const labels = { visit: { en: 'Visit', 'pt-BR': 'Visita' } };
    expect(withOutcomeLabel(labels, 'visit', 'en', '  ')).toEqual({ visit: { 'pt-BR': 'Visita' } });
    expect(withOutcomeLabel({ visit: { en: 'Visit' } }, 'visit', 'en', '')).toBeUndefined();
  });
});

describe('labelsOfOutcomes', () => {
  it("keeps only the labels of the task's outcomes", () => {
    const labels = { visit: { en: 'Visit' }, done: { en: 'Done' } };
    expect(labelsOfOutcomes(labels, ['done', 'again'])).toEqual({ done: { en: 'Done' } });
    expect(labelsOfOutcomes(labels, ['again'])).toBeUndefined();
    expect(labelsOfOutcomes(undefined, ['done'])).toBeUndefined();
  });
});

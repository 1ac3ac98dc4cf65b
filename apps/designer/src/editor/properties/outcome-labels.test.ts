import { describe, expect, it } from 'vitest';
import { labelsForOutcomes, labelsOfOutcomes, withOutcomeLabel } from './outcome-labels';

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

describe('labelsForOutcomes', () => {
  it('keeps the labels of an outcome typed away, and gives them back when it returns', () => {
    const labels = { visit: { en: 'Visit' }, done: { en: 'Done' } };
    const away = labelsForOutcomes(labels, ['done', 'visi'], {});
    expect(away).toEqual({ labels: { done: { en: 'Done' } }, aside: { visit: { en: 'Visit' } } });
    const back = labelsForOutcomes(away.labels, ['done', 'visit'], away.aside);
    expect(back).toEqual({ labels, aside: {} });
  });

  it('never puts back a label over one the outcome has now', () => {
    const back = labelsForOutcomes({ done: { en: 'New' } }, ['done'], { done: { en: 'Old' } });
    expect(back).toEqual({ labels: { done: { en: 'New' } }, aside: {} });
  });
});

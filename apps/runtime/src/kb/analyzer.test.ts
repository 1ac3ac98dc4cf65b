import { describe, expect, it } from 'vitest';
import { analyseQuery, fold, indexTerms, termsOf, vocabulary } from './analyzer';

describe('analyzer', () => {
  it('folds accents and case', () => {
    expect(fold('Cartão DÉBITO çà')).toBe('cartao debito ca');
  });

  it('stems by language and indexes the accented and the folded stem', () => {
    expect(termsOf('en', 'Cards')).toEqual(['card']);
    expect(termsOf('en', 'blocking')).toEqual(['block']);
    // "cartão" stems to "cartã" (folded "carta"); typed without the tilde it stems to "carta".
    expect(termsOf('pt-BR', 'cartão')).toContain(termsOf('pt-BR', 'cartao')[0]);
    expect(termsOf('pt-BR', 'roubado')).toEqual(termsOf('pt-BR', 'roubo'));
  });

  it('drops stop words from the index and from queries unless nothing else is left', () => {
    expect(indexTerms('en', 'my card was stolen')).toBe('card stolen');
    expect(analyseQuery('en', 'what is it ').terms.map((t) => t.word)).toEqual(['what', 'is', 'it']);
    expect(analyseQuery('pt-BR', 'meu cartão foi roubado').terms.map((t) => t.word)).toEqual([
      'cartao',
      'roubado',
    ]);
  });

  it('matches the word being typed as a prefix, not a finished one', () => {
    expect(analyseQuery('en', 'stolen ca').terms.map((t) => t.prefix)).toEqual([null, 'ca']);
    expect(analyseQuery('en', 'stolen card ').terms.map((t) => t.prefix)).toEqual([null, null]);
  });

  it('keeps only letters and digits, so no query syntax gets through', () => {
    const q = analyseQuery('en', 'card" OR scope:xaagents NEAR(a b) *:* & | !');
    for (const t of q.terms) {
      for (const term of [...t.terms, t.prefix ?? 'x']) expect(term).toMatch(/^[a-z0-9]+$/);
    }
  });

  it('collects a vocabulary of folded words', () => {
    expect(vocabulary('pt-BR', 'Cartão perdido, cartão roubado')).toEqual(['cartao', 'perdido', 'roubado']);
  });
});

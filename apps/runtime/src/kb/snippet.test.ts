import { describe, expect, it } from 'vitest';
import { termsOf } from './analyzer';
import { escapeHtml, snippet } from './snippet';

const h = (locale: 'en' | 'pt-BR', words: string[], prefixes: string[] = []) => ({
  terms: new Set(words.flatMap((w) => termsOf(locale, w))),
  prefixes,
});

describe('snippet', () => {
  it('marks matching words, stems and accents included, and escapes the text', () => {
    const s = snippet(
      'pt-BR',
      'Se o seu <b>cartão</b> foi roubado, congele-o.',
      h('pt-BR', ['cartao', 'roubo']),
    );
    expect(s).toBe('Se o seu &lt;b&gt;<mark>cartão</mark>&lt;/b&gt; foi <mark>roubado</mark>, congele-o.');
  });

  it('cuts a window around the matches', () => {
    const text = `${'filler '.repeat(50)}the stolen card is frozen ${'tail '.repeat(50)}`;
    const s = snippet('en', text, h('en', ['stolen', 'card']), 10);
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(s).toContain('<mark>stolen</mark> <mark>card</mark>');
  });

  it('marks words by the prefix being typed', () => {
    expect(snippet('en', 'Contactless payments', h('en', [], ['contac']))).toBe(
      '<mark>Contactless</mark> payments',
    );
  });

  it('escapes quotes', () => {
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });
});

import type { languages } from 'monaco-editor/esm/vs/editor/editor.api';

/** FEEL keywords and built-in functions coloured and offered by the editor. */
export const FEEL_KEYWORDS = [
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'and',
  'or',
  'between',
  'instance',
  'of',
  'function',
  'null',
  'true',
  'false',
  'not',
];

export const FEEL_FUNCTIONS = [
  'string',
  'number',
  'date',
  'time',
  'date and time',
  'duration',
  'now',
  'today',
  'contains',
  'starts with',
  'ends with',
  'upper case',
  'lower case',
  'substring',
  'string length',
  'count',
  'sum',
  'min',
  'max',
  'mean',
  'list contains',
  'append',
  'is defined',
  'get or else',
  'abs',
  'round up',
  'round down',
  'matches',
  'replace',
  'split',
  'years and months duration',
];

/** Monarch grammar of FEEL: keywords, strings, numbers, temporal literals, operators, comments. */
export const feelMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: FEEL_KEYWORDS,
  tokenizer: {
    root: [
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@comment'],
      [/@"/, 'string', '@string'],
      [/"/, 'string', '@string'],
      [/\d+(\.\d+)?/, 'number'],
      [/[a-zA-Z_][\w-]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/[=<>!]=?|[+\-*/]|\*\*/, 'operator'],
      [/[{}()[\]]/, '@brackets'],
      [/[.,:]/, 'delimiter'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
    comment: [
      [/[^/*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
  },
};

/** Bracket and quote behaviour of FEEL. */
export const feelConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '{', close: '}' },
    { open: '"', close: '"' },
  ],
};

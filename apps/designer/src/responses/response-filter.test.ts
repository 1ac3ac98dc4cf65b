import type { CannedResponse } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { filterResponses } from './response-filter';

const r = (title: string, body: string, locale: 'en' | 'pt-BR'): CannedResponse => ({
  id: title,
  title,
  body,
  locale,
  groups: [],
  createdAt: '',
  updatedAt: '',
  updatedBy: null,
});
const items = [
  r('Greeting', 'Hello {{customer.name}}', 'en'),
  r('Saudação', 'Olá {{customer.name}}', 'pt-BR'),
  r('Card blocked', 'Your card is blocked', 'en'),
];

describe('filterResponses', () => {
  it('matches every word in title or body, ignoring case and accents', () => {
    expect(filterResponses(items, 'saudacao', 'en').map((x) => x.title)).toEqual(['Saudação']);
    expect(filterResponses(items, 'card BLOCKED', 'en').map((x) => x.title)).toEqual(['Card blocked']);
    expect(filterResponses(items, 'nothing', 'en')).toEqual([]);
  });

  it('puts the agent’s language first when nothing is typed', () => {
    expect(filterResponses(items, '', 'pt-BR').map((x) => x.title)).toEqual([
      'Saudação',
      'Card blocked',
      'Greeting',
    ]);
  });
});

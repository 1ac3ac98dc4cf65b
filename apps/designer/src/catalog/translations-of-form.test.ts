import type { CatalogItemBody } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { translationsOfForm } from './TranslationsEditor';

const item = (translations: CatalogItemBody['translations']): CatalogItemBody => ({
  name: 'Card limit',
  category: 'Cards',
  description: '',
  flow: 'service-request',
  active: true,
  form: { type: 'object', properties: { limit: { type: 'integer', title: 'Limit' } }, required: [] },
  translations,
});

describe('translationsOfForm', () => {
  it('drops the texts of fields the form no longer has, and languages left with nothing', () => {
    expect(
      translationsOfForm(
        item({
          'pt-BR': { name: 'Limite', fields: { limit: { title: 'Limite' }, gone: { title: 'Sumiu' } } },
        }),
      ),
    ).toEqual({ 'pt-BR': { name: 'Limite', fields: { limit: { title: 'Limite' } } } });
    expect(translationsOfForm(item({ 'pt-BR': { fields: { gone: { title: 'Sumiu' } } } }))).toBeUndefined();
    expect(translationsOfForm(item(undefined))).toBeUndefined();
  });

  it('keeps only the labels of options the field has, and none left empty', () => {
    const withOptions = {
      ...item({
        'pt-BR': { fields: { kind: { optionLabels: { gold: 'Ouro', plain: '', gone: 'Sumiu' } } } },
      }),
      form: {
        type: 'object' as const,
        properties: { kind: { type: 'string' as const, enum: ['gold', 'plain'] } },
        required: [],
      },
    };
    expect(translationsOfForm(withOptions)).toEqual({
      'pt-BR': { fields: { kind: { optionLabels: { gold: 'Ouro' } } } },
    });
  });
});

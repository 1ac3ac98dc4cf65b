import { describe, expect, it } from 'vitest';
import { CatalogItemBody, catalogItemIn } from './catalog';

const item: CatalogItemBody = {
  name: 'Replace a card',
  category: 'Cards',
  description: 'A new card by post.',
  flow: 'card-replacement',
  active: true,
  form: {
    type: 'object',
    properties: {
      reason: { type: 'string', title: 'Reason', description: 'Why a new card?' },
      express: { type: 'boolean', title: 'Express delivery' },
      speed: {
        type: 'string',
        title: 'Delivery',
        enum: ['post', 'courier'],
        optionLabels: { post: 'By post', courier: 'By courier' },
      },
    },
    required: ['reason'],
  },
  translations: {
    'pt-BR': {
      name: 'Substituir um cartão',
      category: 'Cartões',
      fields: { reason: { title: 'Motivo' }, speed: { optionLabels: { courier: 'Por motoboy', post: '' } } },
    },
  },
};

describe('catalogItemIn', () => {
  it('gives a reader the parts of the item their language has, and the item’s own text elsewhere', () => {
    const pt = catalogItemIn(item, 'pt-BR');
    expect(pt).toMatchObject({
      name: 'Substituir um cartão',
      category: 'Cartões',
      description: 'A new card by post.',
    });
    expect(pt.form.properties.reason).toEqual({
      type: 'string',
      title: 'Motivo',
      description: 'Why a new card?',
    });
    expect(pt.form.properties.express?.title).toBe('Express delivery');
    // Option labels too; one left empty keeps the item's own.
    expect(pt.form.properties.speed?.optionLabels).toEqual({ post: 'By post', courier: 'Por motoboy' });
    expect(pt.form.required).toEqual(['reason']);
    // The item itself is untouched; a language without text, or none, gets the item as it is.
    expect(item.form.properties.reason?.title).toBe('Reason');
    expect(catalogItemIn(item, 'en')).toBe(item);
    expect(catalogItemIn(item, null)).toBe(item);
  });
});

describe('CatalogItemBody', () => {
  it('refuses a misspelt key of a translation by its path instead of dropping it', () => {
    const typo = CatalogItemBody.safeParse({
      ...item,
      translations: { 'pt-BR': { descripton: 'Um novo cartão', fields: { reason: { titel: 'Motivo' } } } },
    });
    expect(typo.error?.issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        [['translations', 'pt-BR'], 'unrecognized_keys'],
        [['translations', 'pt-BR', 'fields', 'reason'], 'unrecognized_keys'],
      ]),
    );
    expect(typo.error?.issues).toHaveLength(2);
    expect(CatalogItemBody.safeParse(item).success).toBe(true);
  });

  it('refuses a label of an option the field does not have, in the form or a translation', () => {
    const speed = { ...item.form.properties.speed!, optionLabels: { drone: 'By drone' } };
    const form = { ...item.form, properties: { ...item.form.properties, speed } };
    expect(CatalogItemBody.safeParse({ ...item, form }).error?.issues[0]?.path).toEqual([
      'form',
      'properties',
      'speed',
      'optionLabels',
      'drone',
    ]);
    const translated = CatalogItemBody.safeParse({
      ...item,
      translations: { 'pt-BR': { fields: { speed: { optionLabels: { drone: 'Por drone' } } } } },
    });
    expect(translated.error?.issues[0]?.path).toEqual([
      'translations',
      'pt-BR',
      'fields',
      'speed',
      'optionLabels',
      'drone',
    ]);
  });
});

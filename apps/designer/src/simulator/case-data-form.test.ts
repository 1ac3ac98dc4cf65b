import { describe, expect, it } from 'vitest';
import { caseDataForm, nameInWords } from './case-data-form';

describe('caseDataForm', () => {
  it('turns the lost-card variables into form fields', () => {
    const { form, other } = caseDataForm({
      type: 'object',
      properties: {
        cardLast4: { type: 'string', title: 'Last 4 digits', pattern: '^[0-9]{4}$' },
        suspiciousTransactions: { type: 'integer', minimum: 0 },
        channel: { type: 'string', enum: ['phone', 'web'] },
        vip: { type: 'boolean' },
      },
      required: ['cardLast4', 'not-a-field'],
    });
    expect(Object.keys(form.properties)).toEqual(['cardLast4', 'suspiciousTransactions', 'channel', 'vip']);
    expect(form.properties.cardLast4).toMatchObject({ type: 'string', title: 'Last 4 digits' });
    expect(form.properties.channel).toMatchObject({ enum: ['phone', 'web'] });
    expect(form.required).toEqual(['cardLast4']);
    expect(other).toEqual([]);
  });

  it('leaves objects, arrays and unknown schemas to be typed as JSON', () => {
    const { form, other } = caseDataForm({
      type: 'object',
      properties: {
        address: { type: 'object', properties: { city: { type: 'string' } } },
        tags: { type: 'array', items: { type: 'string' } },
        anything: {},
        amount: { type: 'number' },
      },
    });
    expect(Object.keys(form.properties)).toEqual(['amount']);
    expect(other).toEqual(['address', 'tags', 'anything']);
  });

  it('gives an empty form for a flow without variables or with a broken schema', () => {
    expect(caseDataForm(undefined)).toEqual({
      form: { type: 'object', properties: {}, required: [] },
      other: [],
    });
    expect(caseDataForm({ type: 'object', properties: 'x' }).form.properties).toEqual({});
    expect(caseDataForm([1, 2]).other).toEqual([]);
  });
});

describe('variables without a title', () => {
  it('read as their names in words', () => {
    expect(nameInWords('cardLast4')).toBe('Card last 4');
    expect(nameInWords('suspiciousTransactions')).toBe('Suspicious transactions');
    expect(nameInWords('customer_id')).toBe('Customer id');
    expect(nameInWords('x')).toBe('X');
  });

  it('are labelled so in the simulator’s form; a title stays', () => {
    const { form } = caseDataForm({
      type: 'object',
      properties: { cardLast4: { type: 'string' }, amount: { type: 'number', title: 'Amount at risk' } },
    });
    expect(form.properties.cardLast4?.title).toBe('Card last 4');
    expect(form.properties.amount?.title).toBe('Amount at risk');
  });
});

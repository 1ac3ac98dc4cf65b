import { describe, expect, it } from 'vitest';
import { FormSchema } from './form';

const paths = (form: unknown) => {
  const r = FormSchema.safeParse(form);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('FormSchema', () => {
  it('refuses bounds no value could meet, naming the field and the bound', () => {
    expect(
      paths({
        properties: {
          n: { type: 'number', minimum: 5, maximum: 1 },
          s: { type: 'string', minLength: 10, maxLength: 2 },
          e: { type: 'string', enum: [] },
        },
      }),
    ).toEqual(['properties.n.minimum', 'properties.s.minLength', 'properties.e.enum']);
  });

  it('takes bounds that meet or touch', () => {
    expect(
      paths({
        properties: {
          n: { type: 'number', minimum: 1, maximum: 1 },
          s: { type: 'string', minLength: 2, maxLength: 2 },
          e: { type: 'string', enum: ['a'] },
        },
        required: ['n'],
      }),
    ).toEqual([]);
  });
});

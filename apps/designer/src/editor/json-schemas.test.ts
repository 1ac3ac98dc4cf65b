import { describe, expect, it } from 'vitest';
import { formMetaSchema } from './json-schemas';

describe('formMetaSchema', () => {
  it('describes an object of typed fields', () => {
    const schema = formMetaSchema() as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['properties', 'required', 'order']),
    );
  });
});

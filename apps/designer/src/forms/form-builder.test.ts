import { describe, expect, it } from 'vitest';
import { addField, moveField, removeField, renameField, setRequired, updateField } from './form-builder';
import type { FormInput } from './form-model';

const empty: FormInput = { type: 'object', properties: {}, required: [] };

describe('form builder', () => {
  it('adds fields in order and refuses bad or taken names', () => {
    let f = addField(empty, 'username');
    f = addField(f, 'amount', 'number');
    expect(f.order).toEqual(['username', 'amount']);
    expect(addField(f, 'username')).toBe(f);
    expect(addField(f, '1st')).toBe(f);
  });

  it('moves, renames and removes fields keeping required flags', () => {
    let f = addField(addField(empty, 'a'), 'b');
    f = setRequired(f, 'a', true);
    f = moveField(f, 'b', -1);
    expect(f.order).toEqual(['b', 'a']);
    f = renameField(f, 'a', 'account');
    expect(f.order).toEqual(['b', 'account']);
    expect(f.required).toEqual(['account']);
    f = removeField(f, 'account');
    expect(f.required).toEqual([]);
    expect(Object.keys(f.properties)).toEqual(['b']);
  });

  it('drops limits that do not fit a new type', () => {
    let f = addField(empty, 'code');
    f = updateField(f, 'code', { type: 'string', minLength: 3, pattern: '^[0-9]+$' });
    f = updateField(f, 'code', { ...f.properties.code!, type: 'integer', minimum: 1 });
    expect(f.properties.code).toEqual({ type: 'integer', minimum: 1 });
  });
});

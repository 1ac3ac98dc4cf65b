import { describe, expect, it } from 'vitest';
import { checkValues, coerce, initialValues, orderedFields, touchedErrors } from './form-model';

const form = {
  properties: {
    email: { type: 'string' as const, format: 'email' as const, title: 'E-mail' },
    amount: { type: 'number' as const, minimum: 1, maximum: 100 },
    reason: { type: 'string' as const, enum: ['lost', 'stolen'] },
    urgent: { type: 'boolean' as const },
  },
  required: ['email', 'amount'],
  order: ['reason'],
};

describe('orderedFields', () => {
  it('puts ordered fields first, the rest in declaration order', () => {
    expect(orderedFields(form).map((f) => f.name)).toEqual(['reason', 'email', 'amount', 'urgent']);
  });
});

describe('initialValues', () => {
  it('starts booleans unchecked', () => {
    expect(initialValues(form)).toEqual({ urgent: false });
  });
});

describe('coerce', () => {
  it('parses numbers and keeps bad input as text so it can be reported', () => {
    expect(coerce({ type: 'number' }, '12.5')).toBe(12.5);
    expect(coerce({ type: 'number' }, 'abc')).toBe('abc');
    expect(coerce({ type: 'string' }, '')).toBeUndefined();
  });
});

describe('checkValues', () => {
  it('names missing required fields and out-of-range numbers', () => {
    expect(checkValues(form, { amount: 500 })).toEqual({
      email: 'is required',
      amount: 'must be at most 100',
    });
  });
  it('rejects a value outside the enum and a malformed email', () => {
    expect(checkValues(form, { email: 'x', amount: 5, reason: 'other' })).toEqual({
      email: 'must be an email address',
      reason: 'must be one of lost, stolen',
    });
  });
  it('accepts valid values', () => {
    expect(checkValues(form, { email: 'a@b.co', amount: 5, reason: 'lost', urgent: true })).toEqual({});
  });
});

describe('touchedErrors', () => {
  it('keeps the errors of fields that have a value, drops untouched ones', () => {
    const errors = { username: 'User name is required', contact: 'Where to reach you is required' };
    expect(touchedErrors(errors, {})).toEqual({});
    expect(touchedErrors(errors, { contact: '' })).toEqual({ contact: 'Where to reach you is required' });
  });
});

import { FormSchema } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { type FormInput, MAX_PATTERN_INPUT, validateFormValues } from './validate-form';

const replacementCard = FormSchema.parse({
  title: 'Replacement card',
  properties: {
    reason: { type: 'string', title: 'Reason', enum: ['lost', 'stolen', 'damaged'] },
    email: { type: 'string', title: 'E-mail address', format: 'email' },
    copies: { type: 'integer', title: 'Number of cards', minimum: 1, maximum: 3, default: 1 },
    express: { type: 'boolean', title: 'Express delivery', default: false },
    note: { type: 'string', format: 'textarea', maxLength: 20 },
    iban: { type: 'string', title: 'IBAN', pattern: '^[A-Z]{2}\\d{2}[A-Z0-9]{10,30}$' },
  },
  required: ['reason', 'email'],
});

/** The error codes by field, for compact assertions. */
function codes(form: Parameters<typeof validateFormValues>[0], values: unknown) {
  return Object.fromEntries(validateFormValues(form, values).errors.map((e) => [e.field, e.code]));
}

const one = (field: Record<string, unknown>, required = false) =>
  FormSchema.parse({ properties: { f: { title: 'Field', ...field } }, required: required ? ['f'] : [] });

describe('validateFormValues', () => {
  it('accepts valid values and applies defaults to absent fields', () => {
    const result = validateFormValues(replacementCard, { reason: 'lost', email: 'ann@example.com' });
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual({ reason: 'lost', email: 'ann@example.com', copies: 1, express: false });
  });

  it('reports missing required fields by their title', () => {
    const result = validateFormValues(replacementCard, { email: '  ' });
    expect(result.errors).toEqual([
      { field: 'reason', code: 'required', message: 'Reason is required', params: { label: 'Reason' } },
      {
        field: 'email',
        code: 'required',
        message: 'E-mail address is required',
        params: { label: 'E-mail address' },
      },
    ]);
  });

  it('treats null and blank strings as absent', () => {
    expect(codes(replacementCard, { reason: null, email: '' })).toEqual({
      reason: 'required',
      email: 'required',
    });
    expect(
      validateFormValues(replacementCard, { reason: 'lost', email: 'a@b.de', copies: null }).values.copies,
    ).toBe(1);
  });

  it('rejects fields the form does not declare', () => {
    const result = validateFormValues(replacementCard, { reason: 'lost', email: 'a@b.de', pin: '1234' });
    expect(result.errors).toEqual([
      {
        field: 'pin',
        code: 'unknown-field',
        message: 'pin is not a field of this form',
        params: { label: 'pin' },
      },
    ]);
    expect(result.values).not.toHaveProperty('pin');
  });

  it('rejects input that is not an object', () => {
    expect(validateFormValues(replacementCard, ['lost']).errors).toEqual([
      { field: '', code: 'type', message: 'Form values must be an object', params: { expected: 'object' } },
    ]);
    expect(codes(replacementCard, 'lost')).toEqual({ '': 'type' });
  });

  it('checks types and converts numbers and booleans sent as strings', () => {
    expect(codes(one({ type: 'string' }), { f: 42 })).toEqual({ f: 'type' });
    expect(codes(one({ type: 'number' }), { f: 'abc' })).toEqual({ f: 'type' });
    expect(codes(one({ type: 'number' }), { f: Number.NaN })).toEqual({ f: 'type' });
    expect(codes(one({ type: 'integer' }), { f: 1.5 })).toEqual({ f: 'type' });
    expect(codes(one({ type: 'boolean' }), { f: 'yes' })).toEqual({ f: 'type' });
    expect(validateFormValues(one({ type: 'integer' }), { f: '7' }).values).toEqual({ f: 7 });
    expect(validateFormValues(one({ type: 'number' }), { f: ' -2.5e1 ' }).values).toEqual({ f: -25 });
    expect(validateFormValues(one({ type: 'boolean' }), { f: 'false' }).values).toEqual({ f: false });
  });

  it('names the allowed options of an enum', () => {
    const result = validateFormValues(replacementCard, { reason: 'bored', email: 'a@b.de' });
    expect(result.errors).toEqual([
      {
        field: 'reason',
        code: 'enum',
        message: 'Reason must be one of "lost", "stolen", "damaged"',
        params: { label: 'Reason', options: '"lost", "stolen", "damaged"' },
      },
    ]);
  });

  it('checks minimum and maximum', () => {
    expect(codes(replacementCard, { reason: 'lost', email: 'a@b.de', copies: 0 })).toEqual({
      copies: 'minimum',
    });
    expect(
      validateFormValues(replacementCard, { reason: 'lost', email: 'a@b.de', copies: 4 }).errors[0],
    ).toEqual({
      field: 'copies',
      code: 'maximum',
      message: 'Number of cards must be at most 3',
      params: { label: 'Number of cards', limit: 3 },
    });
  });

  it('counts lengths in characters, not UTF-16 units', () => {
    const form = one({ type: 'string', minLength: 2, maxLength: 3 });
    expect(codes(form, { f: '😀😀😀' })).toEqual({});
    expect(codes(form, { f: '😀😀😀😀' })).toEqual({ f: 'max-length' });
    expect(codes(form, { f: '😀' })).toEqual({ f: 'min-length' });
    expect(codes(replacementCard, { reason: 'lost', email: 'a@b.de', note: 'x'.repeat(21) })).toEqual({
      note: 'max-length',
    });
  });

  it.each([
    ['email', 'ann.lee+cards@bank.example.de', 'ann@', 'ann@bank'],
    ['date', '2028-02-29', '2026-02-29', '05.01.2026'],
    ['date-time', '2026-01-05T09:00:00+01:00', '2026-01-05T09:00:00', '2026-13-05T09:00:00Z'],
    ['uri', 'https://bank.example/cards?id=1', 'http://', 'not a url'],
    ['phone', '+49 (30) 1234-5678', '12', '+49 30 CALL-ME'],
  ])('checks the %s format', (format, good, bad1, bad2) => {
    const form = one({ type: 'string', format });
    expect(codes(form, { f: good })).toEqual({});
    expect(codes(form, { f: bad1 })).toEqual({ f: 'format' });
    expect(codes(form, { f: bad2 })).toEqual({ f: 'format' });
  });

  it('takes only web addresses for the uri format', () => {
    const form = one({ type: 'string', format: 'uri' });
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<b>x</b>',
      'mailto:a@b.de',
    ]) {
      expect(codes(form, { f: bad }), bad).toEqual({ f: 'format' });
    }
    expect(codes(form, { f: 'HTTP://bank.example' })).toEqual({});
  });

  it('words format errors for people', () => {
    expect(validateFormValues(replacementCard, { reason: 'lost', email: 'nope' }).errors[0]?.message).toBe(
      'E-mail address must be an e-mail address',
    );
  });

  it('matches a pattern anywhere unless it is anchored, as JSON Schema does', () => {
    expect(
      codes(replacementCard, { reason: 'lost', email: 'a@b.de', iban: 'DE89370400440532013000' }),
    ).toEqual({});
    expect(codes(replacementCard, { reason: 'lost', email: 'a@b.de', iban: 'de89' })).toEqual({
      iban: 'pattern',
    });
    expect(codes(one({ type: 'string', pattern: '\\d' }), { f: 'card 4' })).toEqual({});
  });

  it('reports a pattern RE2 cannot use as a field error instead of throwing', () => {
    const broken = validateFormValues(one({ type: 'string', pattern: '([a-z' }), { f: 'abc' });
    expect(broken.errors).toEqual([
      {
        field: 'f',
        code: 'invalid-pattern',
        message: expect.stringMatching(
          /^Field cannot be checked: its pattern cannot be used \(missing closing \]/,
        ),
        params: { label: 'Field', reason: expect.stringMatching(/^cannot be used/) },
      },
    ]);
    // Lookaround and backreferences need backtracking: RE2 refuses them.
    expect(codes(one({ type: 'string', pattern: '^(a)\\1$' }), { f: 'aa' })).toEqual({
      f: 'invalid-pattern',
    });
    expect(codes(one({ type: 'string', pattern: '^a(?=b)' }), { f: 'ab' })).toEqual({ f: 'invalid-pattern' });
    expect(codes(one({ type: 'string', pattern: '^(\\d{3}-)?[+*(]\\d+$' }), { f: '123-+42' })).toEqual({});
  });

  it('runs nested repetitions in linear time instead of refusing or backtracking', () => {
    const form = one({ type: 'string', pattern: '^(\\w|\\d)+$' });
    const nested = one({ type: 'string', pattern: '^(a+)+$' });
    // Compiled (and cached) first: the budget is for matching, as every later request sees it.
    expect(codes(form, { f: 'abc123' })).toEqual({});
    expect(codes(nested, { f: 'aaa' })).toEqual({});
    const started = Date.now();
    expect(codes(form, { f: `${'a'.repeat(50)}!` })).toEqual({ f: 'pattern' });
    expect(codes(nested, { f: `${'a'.repeat(5000)}!` })).toEqual({ f: 'pattern' });
    expect(Date.now() - started).toBeLessThan(50);
    expect(codes(one({ type: 'string', pattern: '^(\\w*){2,}$' }), { f: 'aaaa' })).toEqual({});
  });

  it('says what a pattern expects: the field description, else the pattern', () => {
    const described = one({
      type: 'string',
      title: 'Card number',
      description: 'four groups of four digits',
      pattern: '^\\d{4}( \\d{4}){3}$',
    });
    expect(validateFormValues(described, { f: '1234' }).errors).toEqual([
      {
        field: 'f',
        code: 'pattern',
        message: 'Card number does not have the expected format: four groups of four digits',
        params: { label: 'Card number', description: 'four groups of four digits' },
      },
    ]);
    expect(validateFormValues(one({ type: 'string', pattern: '^[A-Z]{3}$' }), { f: 'ab' }).errors).toEqual([
      {
        field: 'f',
        code: 'pattern',
        message: 'Field does not have the expected format (it must match ^[A-Z]{3}$)',
        params: { label: 'Field', pattern: '^[A-Z]{3}$' },
      },
    ]);
  });

  it('keeps one compiled schema per distinct field: equal patterns in other forms agree', () => {
    const a = one({ type: 'string', pattern: '^x' });
    const b = FormSchema.parse({ properties: { g: { pattern: '^y', type: 'string' } } });
    expect(codes(a, { f: 'xa' })).toEqual({});
    expect(codes(b, { g: 'xa' })).toEqual({ g: 'pattern' });
    expect(codes(a, { f: 'ya' })).toEqual({ f: 'pattern' });
    expect(codes(b, { g: 'ya' })).toEqual({});
  });

  it('does not run a pattern over a huge input', () => {
    const form = one({ type: 'string', pattern: '^a+$' });
    expect(codes(form, { f: 'a'.repeat(MAX_PATTERN_INPUT) })).toEqual({});
    expect(validateFormValues(form, { f: 'a'.repeat(MAX_PATTERN_INPUT + 1) }).errors).toEqual([
      {
        field: 'f',
        code: 'pattern',
        message: 'Field is too long to check against its pattern',
        params: { label: 'Field', maxLength: MAX_PATTERN_INPUT },
      },
    ]);
  });

  it('keeps fields named like Object.prototype members as plain data', () => {
    // zod drops a `__proto__` key, but a form read straight from JSON still has one.
    const form: FormInput = JSON.parse(
      '{"properties":{"__proto__":{"type":"string"},"constructor":{"type":"string"}}}',
    );
    expect(Object.keys(form.properties)).toEqual(['__proto__', 'constructor']);
    const values = JSON.parse('{"__proto__":"x","constructor":"y"}');
    const result = validateFormValues(form, values);
    expect(result.errors).toEqual([]);
    expect(Object.getPrototypeOf(result.values)).toBe(Object.prototype);
    expect(Object.keys(result.values)).toEqual(['__proto__', 'constructor']);
    expect(codes(replacementCard, JSON.parse('{"reason":"lost","email":"a@b.de","toString":"x"}'))).toEqual({
      toString: 'unknown-field',
    });
  });

  it('lists errors in the form order, and accepts a form whose required list is omitted', () => {
    const form = { ...replacementCard, order: ['email', 'reason'] };
    expect(validateFormValues(form, {}).errors.map((e) => e.field)).toEqual(['email', 'reason']);
    expect(validateFormValues({ properties: { a: { type: 'string' } } }, {}).errors).toEqual([]);
  });
});

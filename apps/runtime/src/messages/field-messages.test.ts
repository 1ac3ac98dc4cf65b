import { FormSchema, VariablesMap } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formErrorMessage, localizeDetails, zodIssueDetails } from './field-messages';

const Body = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits, dashes'),
  note: z.string().min(1),
  tags: z.array(z.string()).max(1),
  count: z.number().int().positive(),
  email: z.email(),
  approvers: z.object({ group: z.string().optional() }).refine((a) => a.group, 'needs a group or users'),
});

function details(input: unknown) {
  const result = Body.safeParse(input);
  if (result.success) throw new Error('expected issues');
  return zodIssueDetails(result.error);
}

describe('zod issues in words', () => {
  const input = { key: 'Bad Key', note: '', tags: ['a', 'b'], count: 0, email: 'x', approvers: {} };

  it('name the field by its path and keep zod’s code and the rule’s params', () => {
    expect(details(input)).toEqual([
      {
        path: 'key',
        code: 'invalid_format',
        message: 'key does not have the expected format: lower-case letters, digits, dashes',
        params: { format: 'regex', origin: 'string', detail: 'lower-case letters, digits, dashes' },
      },
      {
        path: 'note',
        code: 'too_small',
        message: 'note must have at least 1 character',
        params: { origin: 'string', minimum: 1 },
      },
      {
        path: 'tags',
        code: 'too_big',
        message: 'tags may have at most 1 item',
        params: { origin: 'array', maximum: 1 },
      },
      {
        path: 'count',
        code: 'too_small',
        message: 'count must be more than 0',
        params: { origin: 'number', minimum: 0, exclusive: 1 },
      },
      {
        path: 'email',
        code: 'invalid_format',
        message: 'email must be an e-mail address',
        params: { origin: 'string', format: 'email' },
      },
      {
        path: 'approvers',
        code: 'custom',
        message: 'approvers: needs a group or users',
        params: { detail: 'needs a group or users' },
      },
    ]);
  });

  it('say the same in Portuguese, our schemas’ own wording included', () => {
    const messages = (localizeDetails(details(input), 'pt-BR') as Array<{ message: string }>).map(
      (d) => d.message,
    );
    expect(messages).toEqual([
      'O campo key não está no formato esperado: letras minúsculas, números e hífens',
      'O campo note deve ter pelo menos 1 caractere',
      'O campo tags pode ter no máximo 1 item',
      'O campo count deve ser maior que 0',
      'O campo email deve ser um endereço de e-mail',
      'O campo approvers: precisa de um grupo ou de usuários',
    ]);
  });

  it('say our schemas’ wording with numbers and names in Portuguese too (no half-English message)', () => {
    const Sized = z.strictObject({ values: VariablesMap, form: FormSchema });
    const result = Sized.safeParse({
      values: { big: 'x'.repeat(300_000) },
      form: {
        properties: {
          a: { type: 'string' },
          n: { type: 'number', minimum: 5, maximum: 1 },
          e: { type: 'string', enum: [] },
        },
        required: ['b'],
      },
    });
    if (result.success) throw new Error('expected issues');
    const messages = (
      localizeDetails(zodIssueDetails(result.error), 'pt-BR') as Array<{ message: string }>
    ).map((d) => d.message);
    expect(messages).toEqual([
      expect.stringMatching(/^O campo values: no máximo 262144 caracteres como JSON \(recebidos \d+\)$/),
      'O campo form.properties.n.minimum: o mínimo 5 é maior que o máximo 1',
      'O campo form.properties.e.enum: uma lista de opções precisa de ao menos uma opção',
      'O campo form.required.0: "b" não é um campo do formulário',
    ]);
  });

  it('call a missing value required, and a wrong one by the type it needs', () => {
    const missing = details({ ...input, note: undefined, count: 'three' });
    const pt = localizeDetails(missing, 'pt-BR') as Array<{ path: string; message: string }>;
    expect(pt.find((d) => d.path === 'note')?.message).toBe('O campo note é obrigatório');
    expect(pt.find((d) => d.path === 'count')?.message).toBe('O campo count deve ser um número');
    expect(missing.find((d) => d.path === 'count')?.message).toBe('count must be a number');
  });
});

describe('form errors in words', () => {
  it('word each code from its params, plurals included', () => {
    expect(formErrorMessage('max-length', { label: 'PIN', limit: 1 }, 'pt-BR')).toBe(
      'O campo PIN deve ter no máximo 1 caractere',
    );
    expect(formErrorMessage('max-length', { label: 'PIN', limit: 4 }, 'en')).toBe(
      'PIN must be at most 4 characters',
    );
    expect(formErrorMessage('pattern', { label: 'Card', description: 'four digits' }, 'pt-BR')).toBe(
      'O campo Card não está no formato esperado: four digits',
    );
    expect(formErrorMessage('type', { expected: 'object' }, 'pt-BR')).toBe(
      'Os valores do formulário devem ser um objeto',
    );
    expect(formErrorMessage('format', { label: 'Quando', format: 'date' }, 'pt-BR')).toBe(
      'O campo Quando deve ser uma data (AAAA-MM-DD)',
    );
  });

  it('leave details they cannot word as they are, and task-form details under `fields`', () => {
    const other = [{ path: 'x', message: 'kept' }];
    expect(localizeDetails(other, 'pt-BR')).toEqual(other);
    expect(localizeDetails({ allowed: ['a'] }, 'pt-BR')).toEqual({ allowed: ['a'] });
    const task = {
      fields: [
        {
          field: 'n',
          path: 'values.n',
          code: 'minimum',
          message: 'N must be at least 2',
          params: { label: 'N', limit: 2 },
        },
      ],
    };
    expect(localizeDetails(task, 'pt-BR')).toEqual({
      fields: [{ ...task.fields[0], message: 'O campo N deve ser no mínimo 2' }],
    });
  });
});

import type { FormSchema } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { requestFields } from './request-fields';

describe('requestFields', () => {
  it("labels a request's values with the form's titles, in the form's order", () => {
    const form = {
      type: 'object',
      properties: {
        username: { type: 'string', title: 'User name' },
        contact: { type: 'string', title: 'Where to reach you' },
      },
      order: ['username', 'contact'],
    } as unknown as FormSchema;
    expect(requestFields({ contact: 'a@b.c', username: 'carla', extra: 1, empty: '' }, form)).toEqual([
      { name: 'username', label: 'User name', value: 'carla' },
      { name: 'contact', label: 'Where to reach you', value: 'a@b.c' },
      { name: 'extra', label: 'extra', value: 1 },
    ]);
    expect(requestFields({ a: true }, null)).toEqual([{ name: 'a', label: 'a', value: true }]);
  });

  it('shows a chosen option by its label', () => {
    const form = {
      type: 'object',
      properties: {
        accountType: {
          type: 'string',
          title: 'Account type',
          enum: ['standard', 'privileged'],
          optionLabels: { privileged: 'Privileged account' },
        },
      },
    } as unknown as FormSchema;
    expect(requestFields({ accountType: 'privileged' }, form)).toEqual([
      { name: 'accountType', label: 'Account type', value: 'Privileged account' },
    ]);
    expect(requestFields({ accountType: 'standard' }, form)[0]?.value).toBe('standard');
  });
});

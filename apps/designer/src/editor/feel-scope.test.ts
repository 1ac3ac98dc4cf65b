import { describe, expect, it } from 'vitest';
import { feelScope, scopeRoots } from './feel-scope';
import type { FlowDoc } from './flow-document';

//  start → verify-identity (task, form: code) → check (decision) → end
//                                     later (task) ─┘
const doc: FlowDoc = {
  key: 'f',
  name: 'f',
  variables: { type: 'object', properties: { amount: { type: 'number' } } },
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'verify-identity',
      type: 'task',
      title: 'Verify',
      outcomes: ['ok'],
      form: { properties: { code: { type: 'string' } } },
    },
    { id: 'check', type: 'decision' },
    { id: 'later', type: 'task', title: 'Later', outcomes: ['ok'] },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'verify-identity' },
    { from: 'verify-identity', to: 'check', on: 'ok' },
    { from: 'check', to: 'later', default: true },
    { from: 'later', to: 'end', on: 'ok' },
  ],
};

describe('feelScope', () => {
  it('offers case fields, variables and the form fields of tasks that ran before', () => {
    const labels = feelScope(doc, 'check').map((n) => n.label);
    expect(labels).toContain('case.customerId');
    expect(labels).toContain('case.variables.amount');
    expect(labels).toContain('verify-identity.code');
    expect(labels).not.toContain('later');
  });

  it('names the roots FEEL must know', () => {
    expect(scopeRoots(feelScope(doc, 'check'))).toEqual(
      expect.arrayContaining(['case', 'customer', 'env', 'verify-identity', 'amount']),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '../store/store';
import { caseRow, T0 } from '../store/store.contract';
import { placeholderProblems, renderResponseBody, responseScope } from './response-template';

const carla: CustomerRow = {
  id: 'c-1001',
  name: 'Carla Souza',
  email: 'carla@example.com',
  phone: null,
  segment: 'gold',
  attributes: { plan: 'premium' },
  tags: [],
  createdAt: T0,
  updatedAt: T0,
};
const scope = responseScope(caseRow('c1', { number: 123, customerId: 'c-1001' }), carla, {
  username: 'lena',
  displayName: 'Lena Berg',
});

describe('canned response placeholders', () => {
  it('renders customer, case and agent fields with FEEL', () => {
    const body =
      'Hello {{customer.name}}, about {{case.number}} ({{upper case(customer.plan)}}). {{agent.name}}';
    expect(renderResponseBody(body, scope, T0)).toBe(
      'Hello Carla Souza, about REQ-000123 (PREMIUM). Lena Berg',
    );
  });

  it('leaves nothing for an unknown name and never runs JavaScript', () => {
    expect(renderResponseBody('[{{customer.nope}}]', scope, T0)).toBe('[]');
    expect(renderResponseBody('{{constructor.constructor("return process")()}}', scope, T0)).toBe('');
  });

  it('answers 422 for a placeholder over the expression budget instead of hanging', () => {
    expect(() => renderResponseBody('{{for i in 1..100000000 return i}}', scope, T0)).toThrow(/budget/);
  });

  it('reports a syntax error with its position in the body', () => {
    expect(placeholderProblems('Hi {{customer.name}}')).toEqual([]);
    const [problem] = placeholderProblems('Hi {{customer.name +}}');
    expect(problem).toMatchObject({
      path: 'body',
      message: expect.stringContaining('placeholder at character'),
    });
  });

  it('refuses more placeholders than a reply needs', () => {
    expect(placeholderProblems('{{1}}'.repeat(51))).toHaveLength(1);
  });
});

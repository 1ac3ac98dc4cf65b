import { describe, expect, it } from 'vitest';
import { renderPathTemplate } from './path-template';

const NOW = Date.parse('2026-01-05T09:00:00Z');

describe('renderPathTemplate', () => {
  it('fills placeholders and keeps the literal path', () => {
    expect(
      renderPathTemplate('/accounts/{{case.customerId}}/freeze', { case: { customerId: 'c-42' } }, NOW),
    ).toBe('/accounts/c-42/freeze');
  });

  it('encodes each value so that it stays one segment', () => {
    const scope = { a: '../../admin', b: 'x/y?z=1#f', c: '%2e%2e' };
    expect(renderPathTemplate('/v/{{a}}/{{b}}/{{c}}', scope, NOW)).toBe(
      '/v/..%2F..%2Fadmin/x%2Fy%3Fz%3D1%23f/%252e%252e',
    );
  });

  it('renders failing or null values as empty text', () => {
    expect(renderPathTemplate('/x/{{missing}}/{{1 +}}', {}, NOW)).toBe('/x//');
  });
});

import { describe, expect, it } from 'vitest';
import { homeFor, navFor } from './navigation';

describe('navFor', () => {
  it('shows a customer the catalog and their requests only', () => {
    expect(navFor(['customer']).map((n) => n.to)).toEqual(['/catalog', '/requests', '/help']);
  });
  it('shows an agent the work queue but not the flow designer', () => {
    const routes = navFor(['agent']).map((n) => n.to);
    expect(routes).toContain('/work');
    expect(routes).not.toContain('/flows');
  });
  it('shows an owner what an agent sees, plus flows, analytics and incidents, by the role ladder', () => {
    expect(navFor(['owner']).map((n) => n.to)).toEqual([
      '/work',
      '/flows',
      '/analytics',
      '/incidents',
      '/catalog',
      '/help',
      '/kb',
    ]);
  });
  it('shows an admin every staff entry but no customer-only one', () => {
    expect(navFor(['admin']).map((n) => n.to)).toEqual([
      '/work',
      '/supervisor',
      '/flows',
      '/analytics',
      '/incidents',
      '/admin',
      '/groups',
      '/outbox',
      '/catalog',
      '/help',
      '/kb',
    ]);
  });
  it('shows the supervisor view to members of the supervisors group and admins only', () => {
    expect(navFor(['agent'], ['supervisors']).map((n) => n.to)).toContain('/supervisor');
    expect(navFor(['agent'], ['service-desk']).map((n) => n.to)).not.toContain('/supervisor');
    expect(navFor(['owner']).map((n) => n.to)).not.toContain('/supervisor');
    expect(navFor(['customer'], ['supervisors']).map((n) => n.to)).not.toContain('/supervisor');
  });
  it('keeps incidents from agents', () => {
    expect(navFor(['agent']).map((n) => n.to)).not.toContain('/incidents');
  });
});

describe('homeFor', () => {
  it('lands owners on flows, agents on work and customers on the catalog', () => {
    expect(homeFor(['owner'])).toBe('/flows');
    expect(homeFor(['admin'])).toBe('/flows');
    expect(homeFor(['agent'])).toBe('/work');
    expect(homeFor(['customer'])).toBe('/catalog');
  });
});

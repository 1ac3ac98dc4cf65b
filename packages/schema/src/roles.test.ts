import { describe, expect, it } from 'vitest';
import type { Role } from './primitives';
import { isCustomerOnlyRoles, roleAtLeast, roleAtLeastAny, staffRank } from './roles';

describe('role ladder', () => {
  it('ranks agent < owner < admin and customers outside it', () => {
    expect(staffRank(['customer'])).toBe(0);
    expect(staffRank(['agent'])).toBe(1);
    expect(staffRank(['agent', 'owner'])).toBe(2);
    expect(staffRank(['customer', 'admin'])).toBe(3);
  });

  it('lets a higher staff role act as every lower one', () => {
    const table: Array<[Role[], Role, boolean]> = [
      [['admin'], 'owner', true],
      [['admin'], 'agent', true],
      [['owner'], 'agent', true],
      [['owner'], 'admin', false],
      [['agent'], 'owner', false],
    ];
    for (const [roles, role, expected] of table) expect(roleAtLeast(roles, role)).toBe(expected);
  });

  it('never lets a staff role act as a customer, nor a customer as staff', () => {
    expect(roleAtLeast(['admin'], 'customer')).toBe(false);
    expect(roleAtLeast(['customer'], 'agent')).toBe(false);
    expect(roleAtLeast(['customer'], 'customer')).toBe(true);
  });

  it('admits any of several roles and nobody for none', () => {
    expect(roleAtLeastAny(['owner'], ['customer', 'agent'])).toBe(true);
    expect(roleAtLeastAny(['customer'], ['agent', 'owner'])).toBe(false);
    expect(roleAtLeastAny(['admin'], [])).toBe(false);
  });

  it('scopes customers who hold no staff role', () => {
    expect(isCustomerOnlyRoles(['customer'])).toBe(true);
    expect(isCustomerOnlyRoles(['customer', 'agent'])).toBe(false);
    expect(isCustomerOnlyRoles([])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { userRow } from '../executor/test-support/user-row';
import type { UserRow } from '../store/store';
import { assertVisible } from './access';
import { hasRole, isCustomerOnly } from './roles';

const user = (roles: UserRow['roles'], extra: Partial<UserRow> = {}): UserRow =>
  userRow('u', { roles, ...extra });

describe('role ladder', () => {
  it('admits an admin wherever an owner or agent may go', () => {
    expect(['admin', 'owner', 'agent'].map((r) => hasRole(user(['admin']), r as 'agent'))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('admits an owner to agent routes but not admin routes', () => {
    expect(hasRole(user(['owner']), 'agent')).toBe(true);
    expect(hasRole(user(['owner']), 'admin')).toBe(false);
  });

  it('keeps customers off the staff ladder', () => {
    expect(hasRole(user(['customer']), 'agent')).toBe(false);
    expect(hasRole(user(['customer']), 'customer')).toBe(true);
    expect(hasRole(user(['admin']), 'customer')).toBe(false);
    expect(isCustomerOnly(user(['customer']))).toBe(true);
    expect(isCustomerOnly(user(['customer', 'agent']))).toBe(false);
  });
});

describe('customer visibility', () => {
  const carla = user(['customer'], { customerId: 'c-1001' });

  it('lets a customer see their own data', () => {
    expect(() => assertVisible(carla, 'c-1001', 'case', 'k1')).not.toThrow();
  });

  it("answers 404 (not 403) for another customer's data", () => {
    expect(() => assertVisible(carla, 'c-1002', 'case', 'k1')).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => assertVisible(carla, null, 'case', 'k1')).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('does not restrict staff', () => {
    expect(() => assertVisible(user(['agent']), 'c-1002', 'case', 'k1')).not.toThrow();
  });
});

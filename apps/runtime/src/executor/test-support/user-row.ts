import type { UserRow } from '../../store/store';

/** A user row as the rules see it: an active agent of no group unless `over` says otherwise. */
export const userRow = (username: string, over: Partial<UserRow> = {}): UserRow => ({
  username,
  displayName: null,
  roles: ['agent'],
  groups: [],
  tiers: [],
  customerId: null,
  email: null,
  active: true,
  passwordChangedAt: null,
  createdAt: 0,
  ...over,
});

import { describe, expect, it } from 'vitest';
import { staffName, staffText } from './staff-name';

const users = [
  { username: 'olivia', displayName: 'Olivia Owner' },
  { username: 'bob', displayName: null },
];

describe('a staff member by name', () => {
  it('reads by the display name with the username beside it', () => {
    expect(staffName(users, 'olivia')).toEqual({ name: 'Olivia Owner', username: 'olivia' });
  });

  it('reads as the username without a display name, an account the list lacks, or no list', () => {
    expect(staffName(users, 'bob')).toEqual({ name: 'bob', username: null });
    expect(staffName(users, 'gone')).toEqual({ name: 'gone', username: null });
    expect(staffName(undefined, 'olivia')).toEqual({ name: 'olivia', username: null });
  });
});

describe('a staff member in running text', () => {
  const t = (id: string, v: Record<string, string>) => `${id}:${v.name}/${v.username}`;
  it('gives the display name with the username, or the username alone', () => {
    expect(staffText(users, 'olivia', t)).toBe('pickers.user.option:Olivia Owner/olivia');
    expect(staffText(users, 'bob', t)).toBe('bob');
  });
});

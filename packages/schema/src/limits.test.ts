import { describe, expect, it } from 'vitest';
import { CaseCreate, FlowSave, GroupCreate, UserCreate } from './api';
import { LIMITS, VariablesMap } from './limits';

const paths = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('request limits', () => {
  it('refuses a group name of a megabyte, naming the field', () => {
    expect(paths(GroupCreate.safeParse({ name: 'a'.repeat(1_000_000) }))).toEqual(['name']);
    expect(GroupCreate.safeParse({ name: 'card-ops' }).success).toBe(true);
  });

  it('bounds the lists of a user', () => {
    const groups = Array.from({ length: LIMITS.list + 1 }, (_, i) => `g${i}`);
    const r = UserCreate.safeParse({ username: 'ann', password: 'longenough', roles: ['agent'], groups });
    expect(paths(r)).toEqual(['groups']);
  });

  it('bounds variables by key count and size', () => {
    const many = Object.fromEntries(Array.from({ length: LIMITS.mapKeys + 1 }, (_, i) => [`k${i}`, i]));
    expect(VariablesMap.safeParse(many).success).toBe(false);
    expect(VariablesMap.safeParse({ blob: 'x'.repeat(LIMITS.jsonChars) }).success).toBe(false);
    expect(VariablesMap.safeParse({ cardLast4: '4242' }).success).toBe(true);
    const open = { flow: 'lost-card', customerId: 'c-1', channel: 'phone', variables: many };
    expect(paths(CaseCreate.safeParse(open))).toEqual(['variables']);
  });

  it('wants a flow definition to be an object', () => {
    expect(paths(FlowSave.safeParse({ definition: null }))).toEqual(['definition']);
    expect(paths(FlowSave.safeParse({}))).toEqual(['definition']);
    expect(paths(FlowSave.safeParse({ definition: [] }))).toEqual(['definition']);
    expect(FlowSave.safeParse({ definition: { key: 'x' } }).success).toBe(true);
  });
});

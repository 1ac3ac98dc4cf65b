import { beforeEach, describe, expect, it } from 'vitest';
import { type Store, StoreConflict } from '../store';
import { T0 } from './fixtures';

/** Contract of users, groups and customers; `current` answers the store of the running test. */
export function directoryContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('users', () => {
    it('creates users with defaults and never returns the hash outside getCredentials', async () => {
      const user = await store.users.create({
        username: 'ann',
        passwordHash: 'h1',
        roles: ['agent'],
        createdAt: T0,
      });
      expect(user).toEqual({
        username: 'ann',
        displayName: null,
        roles: ['agent'],
        groups: [],
        tiers: [],
        customerId: null,
        email: null,
        active: true,
        passwordChangedAt: null,
        createdAt: T0,
        locale: null,
      });
      expect(await store.users.get('ann')).toEqual(user);
      expect(JSON.stringify(await store.users.list())).not.toContain('h1');
      expect(await store.users.getCredentials('ann')).toEqual({ user, passwordHash: 'h1' });
      expect(await store.users.getCredentials('nobody')).toBeNull();
      expect(await store.users.get('nobody')).toBeNull();
    });

    it("keeps a user's and a customer's locale, and clears it with null", async () => {
      await store.users.create({ username: 'lia', passwordHash: 'h', roles: ['customer'], createdAt: T0 });
      expect((await store.users.update('lia', { locale: 'pt-BR' }))?.locale).toBe('pt-BR');
      expect((await store.users.get('lia'))?.locale).toBe('pt-BR');
      expect((await store.users.list()).find((u) => u.username === 'lia')?.locale).toBe('pt-BR');
      expect((await store.users.update('lia', { locale: null }))?.locale).toBeNull();
      const c = await store.customers.create({ id: 'c-lia', name: 'Lia', locale: 'pt-BR', createdAt: T0 });
      expect(c.locale).toBe('pt-BR');
      expect((await store.customers.get('c-lia'))?.locale).toBe('pt-BR');
      expect((await store.customers.update('c-lia', { locale: 'en' }, T0 + 1))?.locale).toBe('en');
      expect((await store.customers.create({ id: 'c-none', name: 'None', createdAt: T0 })).locale).toBeNull();
    });

    it('rejects a duplicate username with StoreConflict', async () => {
      await store.users.create({ username: 'ann', passwordHash: 'h', roles: [], createdAt: T0 });
      await expect(
        store.users.create({ username: 'ann', passwordHash: 'h', roles: [], createdAt: T0 }),
      ).rejects.toBeInstanceOf(StoreConflict);
    });

    it('updates given fields only, finds group members and counts', async () => {
      await store.users.create({
        username: 'bob',
        passwordHash: 'h',
        roles: ['agent'],
        groups: ['l1'],
        createdAt: T0,
      });
      await store.users.create({
        username: 'amy',
        passwordHash: 'h',
        roles: ['agent'],
        groups: ['l1', 'l2'],
        createdAt: T0,
      });
      await store.users.create({
        username: 'cy',
        passwordHash: 'h',
        roles: ['owner'],
        groups: ['l22'],
        createdAt: T0,
      });
      const updated = await store.users.update('bob', {
        displayName: 'Bob',
        tiers: ['t2'],
        passwordHash: 'h2',
      });
      expect(updated).toMatchObject({ username: 'bob', displayName: 'Bob', tiers: ['t2'], groups: ['l1'] });
      expect(updated).not.toHaveProperty('passwordHash');
      expect((await store.users.getCredentials('bob'))?.passwordHash).toBe('h2');
      expect(await store.users.update('nobody', { displayName: 'x' })).toBeNull();
      expect(await store.users.membersOf('l1')).toEqual(['amy', 'bob']);
      expect(await store.users.membersOf('l2')).toEqual(['amy']);
      expect(await store.users.count()).toBe(3);
      expect((await store.users.list()).map((u) => u.username)).toEqual(['amy', 'bob', 'cy']);
    });
  });

  describe('groups', () => {
    it('creates, reads and lists groups; a duplicate name conflicts', async () => {
      await store.groups.create({ name: 'l2', description: 'Second line', createdAt: T0 });
      await store.groups.create({ name: 'l1', description: 'First line', createdAt: T0 });
      expect(await store.groups.get('l1')).toEqual({
        name: 'l1',
        description: 'First line',
        createdAt: T0,
      });
      expect((await store.groups.list()).map((g) => g.name)).toEqual(['l1', 'l2']);
      await expect(
        store.groups.create({ name: 'l1', description: '', createdAt: T0 }),
      ).rejects.toBeInstanceOf(StoreConflict);
      expect(await store.groups.get('l3')).toBeNull();
    });

    it('changes a description and answers null for an unknown group', async () => {
      await store.groups.create({ name: 'l1', description: 'First line', createdAt: T0 });
      expect(await store.groups.update('l1', { description: 'Front desk' })).toEqual({
        name: 'l1',
        description: 'Front desk',
        createdAt: T0,
      });
      expect(await store.groups.get('l1')).toMatchObject({ description: 'Front desk' });
      expect(await store.groups.update('nope', { description: 'x' })).toBeNull();
    });
  });

  describe('customers', () => {
    it('fills defaults, conflicts on a duplicate id and updates a patch', async () => {
      const c = await store.customers.create({ id: 'c1', name: 'Ada', createdAt: T0 });
      expect(c).toEqual({
        id: 'c1',
        name: 'Ada',
        email: null,
        phone: null,
        segment: null,
        attributes: {},
        tags: [],
        createdAt: T0,
        updatedAt: T0,
        locale: null,
        mergedInto: null,
        mergedAt: null,
      });
      await expect(store.customers.create({ id: 'c1', name: 'X', createdAt: T0 })).rejects.toBeInstanceOf(
        StoreConflict,
      );
      const u = await store.customers.update(
        'c1',
        { segment: 'gold', tags: ['vip'], attributes: { tier: 3 } },
        T0 + 5,
      );
      expect(u).toMatchObject({
        name: 'Ada',
        segment: 'gold',
        tags: ['vip'],
        attributes: { tier: 3 },
        updatedAt: T0 + 5,
      });
      expect(await store.customers.update('c9', { name: 'x' }, T0)).toBeNull();
    });

    it('reads many customers by id at once, leaving unknown ids out', async () => {
      for (const id of ['c1', 'c2', 'c3']) await store.customers.create({ id, name: id, createdAt: T0 });
      const many = await store.customers.getMany(['c3', 'nobody', 'c1', 'c3']);
      expect(many.map((c) => c.id).sort()).toEqual(['c1', 'c3']);
      expect(many.find((c) => c.id === 'c1')).toEqual(await store.customers.get('c1'));
      expect(await store.customers.getMany([])).toEqual([]);
    });

    it('pages through customers with filters', async () => {
      for (const [id, name, segment] of [
        ['c1', 'Ada Lovelace', 'gold'],
        ['c2', 'Bob 100%', 'gold'],
        ['c3', 'Cy', 'silver'],
        ['c4', 'Dee', 'gold'],
        ['c5', 'Eve', 'gold'],
      ] as const) {
        await store.customers.create({
          id,
          name,
          segment,
          email: `${id}@example.com`,
          phone: `+55 11 9000-00${id.slice(1)}`,
          createdAt: T0,
        });
      }
      const first = await store.customers.list({ segment: 'gold', limit: 2 });
      expect(first.items.map((c) => c.id)).toEqual(['c1', 'c2']);
      expect(first.next).not.toBeNull();
      const second = await store.customers.list({ segment: 'gold', limit: 2, cursor: first.next });
      expect(second.items.map((c) => c.id)).toEqual(['c4', 'c5']);
      expect(second.next).toBeNull();
      expect((await store.customers.list({ search: 'lovelace' })).items.map((c) => c.id)).toEqual(['c1']);
      expect((await store.customers.list({ search: '100%' })).items.map((c) => c.id)).toEqual(['c2']);
      expect((await store.customers.list({ search: 'c3@' })).items.map((c) => c.id)).toEqual(['c3']);
      expect((await store.customers.list({ search: '9000-004' })).items.map((c) => c.id)).toEqual(['c4']);
    });
  });
}

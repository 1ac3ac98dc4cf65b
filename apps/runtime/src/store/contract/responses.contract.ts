import { beforeEach, describe, expect, it } from 'vitest';
import type { ResponseRow } from '../response-store';
import { type Store, StoreConflict } from '../store';
import { T0 } from './fixtures';

const greeting = (over: Partial<ResponseRow> = {}): ResponseRow => ({
  id: 'r-1',
  title: 'Greeting',
  body: 'Hello {{customer.name}}, about {{case.number}}:',
  groups: ['service-desk', 'card-ops'],
  locale: 'en',
  createdAt: T0,
  createdBy: 'olivia',
  updatedAt: T0,
  updatedBy: 'olivia',
  ...over,
});

/** Contract of canned responses; `current` answers the store of the running test. */
export function responsesContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('responses', () => {
    it('creates, reads back groups as a list and lists by title then id', async () => {
      const row = greeting();
      expect(await store.responses.create(row)).toEqual(row);
      await store.responses.create(greeting({ id: 'r-0', title: 'Apology', groups: [], locale: 'pt-BR' }));
      await store.responses.create(greeting({ id: 'r-2', title: 'Apology' }));
      expect(await store.responses.get('r-1')).toEqual(row);
      expect(await store.responses.get('nope')).toBeNull();
      expect((await store.responses.list()).map((r) => r.id)).toEqual(['r-0', 'r-2', 'r-1']);
      expect(await store.responses.count()).toBe(3);
    });

    it('rejects a duplicate id with StoreConflict', async () => {
      await store.responses.create(greeting());
      await expect(store.responses.create(greeting())).rejects.toBeInstanceOf(StoreConflict);
    });

    it('updates the given fields only, and deletes', async () => {
      await store.responses.create(greeting());
      const updated = await store.responses.update('r-1', {
        body: 'Olá {{customer.name}}',
        groups: [],
        locale: 'pt-BR',
        updatedAt: T0 + 5,
        updatedBy: 'lena',
      });
      expect(updated).toEqual(
        greeting({
          body: 'Olá {{customer.name}}',
          groups: [],
          locale: 'pt-BR',
          updatedAt: T0 + 5,
          updatedBy: 'lena',
        }),
      );
      expect(await store.responses.update('nope', { updatedAt: T0 })).toBeNull();
      expect(await store.responses.delete('r-1')).toBe(true);
      expect(await store.responses.delete('r-1')).toBe(false);
      expect(await store.responses.count()).toBe(0);
    });
  });
}

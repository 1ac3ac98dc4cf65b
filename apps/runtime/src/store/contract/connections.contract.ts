import { beforeEach, describe, expect, it } from 'vitest';
import { type ConnectionRow, type Store, StoreConflict } from '../store';
import { T0 } from './fixtures';

const bank = (over: Partial<ConnectionRow> = {}): ConnectionRow => ({
  name: 'core-banking',
  baseUrl: 'https://bank.example/api',
  allowedHosts: ['bank-dr.example'],
  auth: { kind: 'bearer' },
  secret: 'cf1.k.iv.ct.tag',
  description: 'Core banking',
  updatedBy: 'admin',
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

/** Contract of connections; `current` answers the store of the running test. */
export function connectionsContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('connections', () => {
    it('creates, reads back JSON columns parsed and lists by name', async () => {
      const row = bank();
      expect(await store.connections.create(row)).toEqual(row);
      await store.connections.create(
        bank({ name: 'alpha', secret: null, auth: { kind: 'none' }, description: null }),
      );
      expect(await store.connections.get('core-banking')).toEqual(row);
      expect(await store.connections.get('nope')).toBeNull();
      expect((await store.connections.list()).map((c) => c.name)).toEqual(['alpha', 'core-banking']);
    });

    it('rejects a duplicate name with StoreConflict', async () => {
      await store.connections.create(bank());
      await expect(store.connections.create(bank())).rejects.toBeInstanceOf(StoreConflict);
    });

    it('updates the given fields only and keeps the rest', async () => {
      await store.connections.create(bank());
      const updated = await store.connections.update('core-banking', {
        baseUrl: 'https://bank2.example/v2',
        auth: { kind: 'basic', username: 'svc' },
        updatedAt: T0 + 5,
      });
      expect(updated).toEqual(
        bank({
          baseUrl: 'https://bank2.example/v2',
          auth: { kind: 'basic', username: 'svc' },
          updatedAt: T0 + 5,
        }),
      );
      expect(await store.connections.update('nope', { updatedAt: T0 })).toBeNull();
      const cleared = await store.connections.update('core-banking', { secret: null, updatedAt: T0 + 6 });
      expect(cleared?.secret).toBeNull();
    });

    it('deletes and reports whether a row went', async () => {
      await store.connections.create(bank());
      expect(await store.connections.delete('core-banking')).toBe(true);
      expect(await store.connections.delete('core-banking')).toBe(false);
      expect(await store.connections.get('core-banking')).toBeNull();
    });
  });
}

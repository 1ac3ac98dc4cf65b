import { beforeEach, describe, expect, it } from 'vitest';
import { type Store, StoreConflict } from '../store';
import { T0 } from './fixtures';

/** Contract of flows, versions, catalog items and pilots; `current` answers the store of the running test. */
export function flowsContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('flows and versions', () => {
    it('upserts drafts keeping createdAt and the active version', async () => {
      const draft = {
        key: 'refund',
        name: 'Refund',
        kind: 'case',
        draft: { nodes: [] },
        problems: [],
        updatedBy: 'ann',
      };
      const created = await store.flows.upsertDraft({ ...draft, updatedAt: T0 });
      expect(created).toMatchObject({ key: 'refund', activeVersion: null, createdAt: T0, updatedAt: T0 });
      await store.flows.setActiveVersion('refund', 1, T0 + 1);
      const problems = [
        { severity: 'error' as const, code: 'missing-start' as const, message: 'no start', path: [] },
      ];
      const replaced = await store.flows.upsertDraft({
        ...draft,
        name: 'Refunds',
        problems,
        updatedAt: T0 + 2,
      });
      expect(replaced).toMatchObject({
        name: 'Refunds',
        activeVersion: 1,
        createdAt: T0,
        updatedAt: T0 + 2,
        problems,
      });
      expect(await store.flows.get('refund')).toEqual(replaced);
      expect((await store.flows.list()).map((f) => f.key)).toEqual(['refund']);
      expect(await store.flows.setActiveVersion('nope', 1, T0)).toBeNull();
    });

    it('keeps versions immutable: a repeated (flow, version) conflicts', async () => {
      const v = (version: number) => ({
        flow: 'refund',
        version,
        definition: { key: 'refund', v: version },
        config: { id: 'refund' },
        checksum: `sum${version}`,
        author: 'ann',
        note: '',
        createdAt: T0 + version,
      });
      expect(await store.flowVersions.latest('refund')).toBe(0);
      await store.flowVersions.insert(v(1));
      await store.flowVersions.insert(v(2));
      await expect(store.flowVersions.insert({ ...v(2), checksum: 'other' })).rejects.toBeInstanceOf(
        StoreConflict,
      );
      expect(await store.flowVersions.get('refund', 2)).toEqual(v(2));
      expect(await store.flowVersions.get('refund', 3)).toBeNull();
      expect((await store.flowVersions.list('refund')).map((r) => r.version)).toEqual([2, 1]);
      expect(await store.flowVersions.latest('refund')).toBe(2);
    });
  });

  describe('catalog and pilots', () => {
    it('round-trips catalog items with all their fields', async () => {
      const item = {
        key: 'laptop',
        name: 'Laptop',
        category: 'Hardware',
        description: 'A new laptop',
        form: {
          type: 'object' as const,
          properties: { model: { type: 'string' as const } },
          required: ['model'],
        },
        flow: 'hw-request',
        audience: { roles: ['agent' as const] },
        active: true,
        updatedAt: T0,
      };
      await store.catalog.upsert(item);
      await store.catalog.upsert({ ...item, key: 'access', name: 'Access', category: 'Accounts' });
      expect(await store.catalog.get('laptop')).toEqual(item);
      const changed = await store.catalog.upsert({ ...item, active: false, updatedAt: T0 + 1 });
      expect(changed).toEqual({ ...item, active: false, updatedAt: T0 + 1 });
      expect((await store.catalog.list()).map((i) => i.key)).toEqual(['access', 'laptop']);
      expect(await store.catalog.get('none')).toBeNull();
    });

    it('finds the active pilot and records its end', async () => {
      const pilot = {
        id: 'p1',
        flow: 'refund',
        version: 2,
        baselineVersion: 1,
        percentage: 12.5,
        segments: ['gold'],
        customerIds: ['c1'],
        note: 'try v2',
        status: 'active' as const,
        createdBy: 'ann',
        createdAt: T0,
        endedAt: null,
      };
      await store.pilots.create(pilot);
      await expect(store.pilots.create(pilot)).rejects.toBeInstanceOf(StoreConflict);
      expect(await store.pilots.activeFor('refund')).toEqual(pilot);
      expect(await store.pilots.activeFor('other')).toBeNull();
      expect(await store.pilots.setStatus('p1', 'promoted', T0 + 9)).toEqual({
        ...pilot,
        status: 'promoted',
        endedAt: T0 + 9,
      });
      expect(await store.pilots.activeFor('refund')).toBeNull();
      expect((await store.pilots.list('refund')).map((p) => p.id)).toEqual(['p1']);
      expect(await store.pilots.list('other')).toEqual([]);
      expect(await store.pilots.get('p2')).toBeNull();
    });

    it('answers what opening a case needs in one read: kind, active version, newest active pilot', async () => {
      expect(await store.flows.launch('refund')).toBeNull();
      await store.flows.upsertDraft({
        key: 'refund',
        name: 'Refund',
        kind: 'case',
        draft: { nodes: [] },
        problems: [],
        updatedBy: 'ann',
        updatedAt: T0,
      });
      expect(await store.flows.launch('refund')).toEqual({
        key: 'refund',
        kind: 'case',
        activeVersion: null,
        pilot: null,
      });
      await store.flows.setActiveVersion('refund', 3, T0 + 1);
      const pilot = {
        id: 'p1',
        flow: 'refund',
        version: 4,
        baselineVersion: null,
        percentage: 12.5,
        segments: ['gold'],
        customerIds: ['c1'],
        note: 'try v4',
        status: 'active' as const,
        createdBy: 'ann',
        createdAt: T0 + 2,
        endedAt: null,
      };
      await store.pilots.create({
        ...pilot,
        id: 'p0',
        status: 'stopped',
        createdAt: T0 + 5,
        endedAt: T0 + 6,
      });
      await store.pilots.create(pilot);
      await store.pilots.create({ ...pilot, id: 'p2', createdAt: T0 + 3, version: 5, baselineVersion: 3 });
      expect(await store.flows.launch('refund')).toEqual({
        key: 'refund',
        kind: 'case',
        activeVersion: 3,
        pilot: { ...pilot, id: 'p2', createdAt: T0 + 3, version: 5, baselineVersion: 3 },
      });
      await store.pilots.setStatus('p2', 'stopped', T0 + 7);
      expect((await store.flows.launch('refund'))?.pilot).toEqual(pilot);
    });
  });
}

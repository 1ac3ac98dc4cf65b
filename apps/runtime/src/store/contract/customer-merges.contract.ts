import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { caseRow, T0 } from './fixtures';

/** Contract of contact merges; `current` answers the store of the running test. */
export function customerMergesContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  /** Wa (WhatsApp contact, a case, a message, a survey, a visitor, a read, a portal user) and Em. */
  async function twoContacts() {
    await store.customers.create({ id: 'c-wa', name: '+5511', phone: '+5511999990000', createdAt: T0 });
    await store.customers.create({ id: 'c-em', name: 'Ana', email: 'ana@example.com', createdAt: T0 + 1 });
    await store.cases.insert(
      caseRow('k-wa', { customerId: 'c-wa', pilotId: 'p1', cohort: 'pilot', version: 2 }),
    );
    await store.cases.insert(caseRow('k-em', { customerId: 'c-em' }));
    await store.messages.insert({
      id: 'm1',
      caseId: 'k-wa',
      customerId: 'c-wa',
      channel: 'whatsapp',
      direction: 'in',
      from: 'customer',
      author: null,
      body: 'oi',
      at: T0,
    });
    await store.surveys.insert({
      token: 't1',
      caseId: 'k-wa',
      customerId: 'c-wa',
      surveyId: 's1',
      nodeId: null,
      kind: 'csat',
      to: '+5511999990000',
      score: null,
      comment: null,
      sentAt: T0,
      answeredAt: null,
    });
    await store.chatVisitors.insert({
      id: 'v-1',
      tokenHash: 'a'.repeat(64),
      caseId: 'k-wa',
      customerId: 'c-wa',
      name: 'Ana',
      email: 'ana@example.com',
      createdAt: T0,
      expiresAt: T0 + 60_000,
    });
    await store.kb.recordView({
      slug: 'lost-card',
      locale: 'en',
      username: 'ana',
      customerId: 'c-wa',
      at: T0,
    });
    await store.users.create({
      username: 'ana',
      passwordHash: 'x',
      roles: ['customer'],
      groups: [],
      tiers: [],
      customerId: 'c-wa',
      createdAt: T0,
    });
  }

  describe('customer merges', () => {
    it('moves what names the source to the target and leaves the source a tombstone', async () => {
      await twoContacts();
      const identities = [{ kind: 'phone' as const, address: '+5511999990000', adopted: true }];
      const merged = await store.transaction(async (tx) => {
        expect((await tx.customerMerges.lock(['c-wa', 'c-em', 'nobody'])).map((c) => c.id).sort()).toEqual([
          'c-em',
          'c-wa',
        ]);
        return tx.customerMerges.apply({
          sourceId: 'c-wa',
          targetId: 'c-em',
          actor: 'sam',
          at: T0 + 9,
          identities,
        });
      });
      expect(merged).toEqual({
        sourceId: 'c-wa',
        targetId: 'c-em',
        actor: 'sam',
        at: T0 + 9,
        identities,
        cases: 1,
      });

      // The case keeps its pilot, cohort and version: a merge moves no running case between versions.
      expect(await store.cases.get('k-wa')).toMatchObject({
        customerId: 'c-em',
        pilotId: 'p1',
        cohort: 'pilot',
        version: 2,
      });
      expect((await store.cases.list({ customerId: 'c-em' })).items.map((k) => k.id).sort()).toEqual([
        'k-em',
        'k-wa',
      ]);
      expect((await store.messages.listByCustomer('c-em')).map((m) => m.id)).toEqual(['m1']);
      expect((await store.surveys.listByCustomer('c-em')).map((s) => s.token)).toEqual(['t1']);
      expect(await store.chatVisitors.get('v-1')).toMatchObject({ customerId: 'c-em' });
      expect((await store.kb.viewsOf('c-em', T0 + 100, 10)).map((v) => v.slug)).toEqual(['lost-card']);
      expect(await store.users.get('ana')).toMatchObject({ customerId: 'c-em' });
      expect(await store.customers.get('c-wa')).toMatchObject({
        mergedInto: 'c-em',
        mergedAt: T0 + 9,
        phone: '+5511999990000',
      });
      expect(await store.customers.get('c-em')).toMatchObject({ mergedInto: null });

      // Hidden from lists and searches, still found by id and address.
      expect((await store.customers.list()).items.map((c) => c.id)).toEqual(['c-em']);
      expect((await store.customers.list({ search: '5511' })).items).toEqual([]);
      expect(await store.channels.customerByAddress('phone', '+5511999990000')).toMatchObject({ id: 'c-wa' });

      expect(await store.customerMerges.listFor('c-wa', 10)).toEqual([merged]);
      expect(await store.customerMerges.listFor('c-em', 10)).toEqual([merged]);
      expect(await store.customerMerges.listFor('c-other', 10)).toEqual([]);
    });

    it('re-points tombstones of the source, so a chain of merges stays one step long', async () => {
      await twoContacts();
      await store.customers.create({ id: 'c-3', name: 'Third', createdAt: T0 + 2 });
      await store.transaction((tx) =>
        tx.customerMerges.apply({
          sourceId: 'c-wa',
          targetId: 'c-em',
          actor: 'sam',
          at: T0 + 9,
          identities: [],
        }),
      );
      await store.transaction((tx) =>
        tx.customerMerges.apply({
          sourceId: 'c-em',
          targetId: 'c-3',
          actor: 'sam',
          at: T0 + 10,
          identities: [],
        }),
      );
      expect(await store.customers.get('c-wa')).toMatchObject({ mergedInto: 'c-3', mergedAt: T0 + 9 });
      expect(await store.customers.get('c-em')).toMatchObject({ mergedInto: 'c-3', mergedAt: T0 + 10 });
      expect((await store.cases.list({ customerId: 'c-3' })).items).toHaveLength(2);
      expect((await store.customerMerges.listFor('c-em', 10)).map((m) => m.sourceId)).toEqual([
        'c-em',
        'c-wa',
      ]);
      expect((await store.customerMerges.listFor('c-em', 1)).map((m) => m.sourceId)).toEqual(['c-em']);
      // A contact is merged once: a second record for the same source conflicts.
      await expect(
        store.transaction((tx) =>
          tx.customerMerges.apply({
            sourceId: 'c-em',
            targetId: 'c-wa',
            actor: 'sam',
            at: T0 + 11,
            identities: [],
          }),
        ),
      ).rejects.toThrow();
    });
  });
}

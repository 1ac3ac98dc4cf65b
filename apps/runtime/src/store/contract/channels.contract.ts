import { beforeEach, describe, expect, it } from 'vitest';
import { type NewMessage, type Store, StoreConflict } from '../store';
import { caseRow, T0 } from './fixtures';

/** Contract of conversations' channel parts (store.channels, message visibility), on either side. */
export function channelsContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  const message = (id: string, over: Partial<NewMessage> = {}): NewMessage => ({
    id,
    caseId: 'k1',
    customerId: 'c1',
    channel: 'email',
    direction: 'in',
    from: 'customer',
    author: null,
    body: id,
    at: T0,
    ...over,
  });

  describe('channels', () => {
    it('stores files with their bytes and lists them per message without them', async () => {
      await store.messages.insert(message('m1'));
      const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
      const file = {
        id: 'm1.a1',
        messageId: 'm1',
        caseId: 'k1',
        name: 'scan ção.pdf',
        contentType: 'application/pdf',
        size: bytes.length,
        createdAt: T0,
      };
      expect(await store.channels.insertAttachment({ ...file, data: bytes })).toEqual(file);
      await store.channels.insertAttachment({
        ...file,
        id: 'm1.a2',
        name: 'b.png',
        data: Buffer.alloc(0),
        size: 0,
      });
      const read = await store.channels.attachment('m1.a1');
      expect(read?.name).toBe('scan ção.pdf');
      expect(Buffer.compare(read!.data, bytes)).toBe(0);
      expect((await store.channels.attachmentsOf(['m1', 'nope'])).map((a) => [a.id, 'data' in a])).toEqual([
        ['m1.a1', false],
        ['m1.a2', false],
      ]);
      expect(await store.channels.attachment('m1.a9')).toBeNull();
      await expect(store.channels.insertAttachment({ ...file, data: bytes })).rejects.toBeInstanceOf(
        StoreConflict,
      );
    });

    it('keeps one message per channel id and finds it again', async () => {
      await store.messages.insert(message('m1', { externalId: '<a@x>' }));
      await store.messages.insert(message('m2', { channel: 'sms', externalId: '<a@x>' }));
      await store.messages.insert(message('m3'));
      await store.messages.insert(message('m4'));
      await expect(store.messages.insert(message('m5', { externalId: '<a@x>' }))).rejects.toBeInstanceOf(
        StoreConflict,
      );
      expect((await store.channels.messageByExternalId('email', '<a@x>'))?.id).toBe('m1');
      expect((await store.channels.messageByExternalId('chat', '<a@x>'))?.id).toBeUndefined();
      expect((await store.channels.message('m3'))?.visibility).toBe('public');
    });

    it('leaves internal notes out of customer views and names the last channel the customer used', async () => {
      await store.messages.insert(message('m1', { channel: 'email', at: T0 + 1 }));
      await store.messages.insert(message('m2', { channel: 'whatsapp', at: T0 + 2 }));
      await store.messages.insert(
        message('m3', {
          channel: 'chat',
          at: T0 + 3,
          visibility: 'internal',
          from: 'agent',
          direction: 'out',
        }),
      );
      await store.messages.insert(
        message('m4', { channel: 'sms', at: T0 + 4, from: 'agent', direction: 'out' }),
      );
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
      expect(ids((await store.messages.pageByCase('k1', { publicOnly: true })).items)).toEqual([
        'm1',
        'm2',
        'm4',
      ]);
      expect(ids((await store.messages.pageByCase('k1', {})).items)).toEqual(['m1', 'm2', 'm3', 'm4']);
      expect(ids(await store.messages.listByCustomer('c1', 10, { publicOnly: true }))).toEqual([
        'm4',
        'm2',
        'm1',
      ]);
      const last = await store.channels.lastInbound('k1');
      expect(last?.channel).toBe('whatsapp');
      expect(last).toEqual(await store.channels.message(last?.id ?? ''));
      expect(await store.channels.lastInbound('k2')).toBeNull();
    });

    it('finds customers by e-mail in any case and by phone, oldest first; cases by number', async () => {
      const customer = (id: string, at: number, email: string | null, phone: string | null) =>
        store.customers.create({ id, name: id, email, phone, createdAt: at, updatedAt: at });
      await customer('c2', T0 + 2, 'Ana@Example.com', null);
      await customer('c1', T0 + 1, 'ana@example.COM', '+5511999990000');
      await customer('c3', T0, null, null);
      expect((await store.channels.customerByAddress('email', 'ANA@example.com'))?.id).toBe('c1');
      expect((await store.channels.customerByAddress('phone', '+5511999990000'))?.id).toBe('c1');
      expect(await store.channels.customerByAddress('email', 'bob@example.com')).toBeNull();
      await store.cases.insert(caseRow('k7', { number: 7 }));
      expect(await store.channels.caseIdByNumber(7)).toBe('k7');
      expect(await store.channels.caseIdByNumber(8)).toBeNull();
    });
  });
}

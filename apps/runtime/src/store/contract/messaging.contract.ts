import { beforeEach, describe, expect, it } from 'vitest';
import type { MessagingAccountRow } from '../messaging-store';
import type { Store } from '../store';
import { T0 } from './fixtures';

const whatsapp = (over: Partial<MessagingAccountRow> = {}): MessagingAccountRow => ({
  channel: 'whatsapp',
  connection: 'meta-graph',
  sender: '106540352242922',
  webhookUrl: null,
  secret: 'cf1.k.iv.ct.tag',
  verifyToken: 'cf1.k.iv.ct2.tag',
  updatedAt: T0,
  updatedBy: 'admin',
  ...over,
});

/** Contract of WhatsApp and SMS accounts; `current` answers the store of the running test. */
export function messagingContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('messaging accounts', () => {
    it('inserts, replaces and lists one row per channel', async () => {
      expect(await store.messaging.getAccount('sms')).toBeNull();
      expect(await store.messaging.putAccount(whatsapp())).toEqual(whatsapp());
      const sms = whatsapp({
        channel: 'sms',
        connection: 'twilio',
        sender: '+14158141819',
        webhookUrl: 'https://support.example/api/channels/sms/webhook',
        verifyToken: null,
      });
      await store.messaging.putAccount(sms);
      const replaced = whatsapp({ sender: '999', verifyToken: null, updatedAt: T0 + 1 });
      expect(await store.messaging.putAccount(replaced)).toEqual(replaced);
      expect(await store.messaging.getAccount('whatsapp')).toEqual(replaced);
      expect(await store.messaging.listAccounts()).toEqual([sms, replaced]);
    });
  });
}

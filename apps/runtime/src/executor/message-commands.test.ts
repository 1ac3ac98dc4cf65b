import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAttachment } from './attachment-access';
import { supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

describe('messages: visibility, channels and files', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(supportFlow);
    await f.store.users.create({
      username: 'cora',
      passwordHash: 'x',
      roles: ['customer'],
      customerId: 'cu-1',
      createdAt: T0,
    });
  });
  afterEach(async () => f.dispose());

  const open = () =>
    f.runtime.openCase({
      flow: 'support',
      customerId: 'cu-1',
      channel: 'phone',
      subject: 'Card',
      actor: 'ann',
    });
  const user = async (name: string) => (await f.store.users.get(name))!;

  it('keeps internal notes from staff away from the customer, the flow and the first response', async () => {
    const c = await open();
    await f.runtime.completeTask(c.tasks[0]!.id, { outcome: 'wait', values: { note: 'asked' } }, 'ann');
    const note = await f.runtime.addMessage(c.id, {
      body: 'customer sounded upset',
      visibility: 'internal',
      from: 'customer',
      author: 'ann',
    });
    expect(note.visibility).toBe('internal');
    expect(note.repliedCase).toBeUndefined();
    expect((await f.store.cases.get(c.id))!).toMatchObject({ status: 'open', firstResponseAt: null });
    const customerTimeline = await f.runtime.timeline(c.id, { publicOnly: true });
    expect(customerTimeline.some((e) => e.type === 'message')).toBe(false);
    expect((await f.store.messages.pageByCase(c.id, { publicOnly: true })).items).toEqual([]);
    await expect(
      f.runtime.addMessage(c.id, { body: 'psst', visibility: 'internal', from: 'customer', author: 'cora' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('answers on the channel the customer last used unless the agent picks one', async () => {
    const c = await open();
    // A WhatsApp answer needs a number to go to (channels/channel-reply.ts).
    await f.store.customers.update('cu-1', { phone: '+5511999990000' }, T0);
    const first = await f.runtime.addMessage(c.id, { body: 'hello', from: 'agent', author: 'ann' });
    expect(first.channel).toBe('phone');
    await f.runtime.addMessage(c.id, {
      body: 'on whatsapp',
      channel: 'whatsapp',
      from: 'customer',
      author: 'ann',
    });
    expect((await f.runtime.addMessage(c.id, { body: 'ok', from: 'agent', author: 'ann' })).channel).toBe(
      'whatsapp',
    );
    const queued = (await f.runtime.outboxEntries(c.id)).filter((o) => o.kind === 'message');
    expect(queued.map((o) => o.payload)).toEqual([
      expect.objectContaining({ channel: 'whatsapp', to: '+5511999990000', body: 'ok' }),
    ]);
    expect(
      (await f.runtime.addMessage(c.id, { body: 'mail', channel: 'email', from: 'agent', author: 'ann' }))
        .channel,
    ).toBe('email');
    // A customer writing from the portal writes on the web.
    expect((await f.runtime.addMessage(c.id, { body: 'me', from: 'customer', author: 'cora' })).channel).toBe(
      'web',
    );
  });

  it('stores files with the message, refuses bad ones whole, and serves them like the case', async () => {
    const c = await open();
    const pdf = Buffer.from('%PDF-1.4 fake');
    const added = await f.runtime.addMessage(c.id, {
      body: 'see attached',
      from: 'agent',
      author: 'ann',
      attachments: [
        { name: '../../etc/pass\u0000wd.pdf', contentType: 'application/PDF; name=x', data: pdf },
      ],
    });
    expect(added.attachments).toEqual([
      expect.objectContaining({ name: 'passwd.pdf', contentType: 'application/pdf', size: pdf.length }),
    ]);
    const id = added.attachments[0]!.id;
    expect((await readAttachment(f.store, await user('cora'), id)).data.toString()).toBe('%PDF-1.4 fake');
    expect((await readAttachment(f.store, await user('ann'), id)).name).toBe('passwd.pdf');

    const note = await f.runtime.addMessage(c.id, {
      body: 'internal scan',
      visibility: 'internal',
      from: 'agent',
      author: 'ann',
      attachments: [{ name: 'scan.png', contentType: 'image/png', data: Buffer.from([1, 2]) }],
    });
    await expect(readAttachment(f.store, await user('cora'), note.attachments[0]!.id)).rejects.toMatchObject({
      status: 404,
    });

    const before = (await f.store.messages.listByCase(c.id)).length;
    await expect(
      f.runtime.addMessage(c.id, {
        body: 'evil',
        from: 'agent',
        author: 'ann',
        attachments: [
          { name: 'ok.txt', contentType: 'text/plain', data: Buffer.from('a') },
          { name: 'x.svg', contentType: 'image/svg+xml', data: Buffer.from('<svg/>') },
        ],
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      f.runtime.addMessage(c.id, {
        body: 'big',
        from: 'agent',
        author: 'ann',
        attachments: [
          {
            name: 'big.bin',
            contentType: 'application/octet-stream',
            data: Buffer.alloc(10 * 1024 * 1024 + 1),
          },
        ],
      }),
    ).rejects.toMatchObject({ status: 413 });
    expect((await f.store.messages.listByCase(c.id)).length).toBe(before);
  });
});

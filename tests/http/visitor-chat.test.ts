import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishChatFlow } from '../support/chat-flow';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { openSse, type SseStream } from '../support/sse-client';
import { scenarioBackends } from '../support/test-database';

/**
 * An anonymous visitor's live chat (issue #15 item 3) against the built runtime on SQLite and
 * PostgreSQL: a name, an e-mail and a first message open a case on the chat channel and set an
 * HttpOnly cookie for that one conversation; messages go both ways (the agent's reply reaches
 * the visitor's stream); the cookie reads nothing but its own conversation — not another
 * visitor's files, not the rest of the customer whose e-mail it claims — posts no internal
 * notes, and a wrong or expired one is 401; leaving hands the conversation to e-mail; a flood of
 * openings, or of one visitor's messages, is refused with 429 while the runtime keeps answering.
 */

describe.each(scenarioBackends())('anonymous visitor chat on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    const streams: SseStream[] = [];
    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
      await publishChatFlow(rt, 'visitor-chat', 'Visitor chat');
    });
    afterAll(async () => {
      for (const s of streams) s.close();
      await rt?.stop();
    });

    /** Opens a chat; answers the cookie to send back and the answer. */
    const openChat = async (name: string, email: string, body: string) => {
      const res = await rt.api('POST', '/api/chat/visitor', { body: { name, email, body } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const set = res.headers.get('set-cookie') ?? '';
      expect(set).toMatch(/^caseflow_visitor=[A-Za-z0-9_-]{43};/);
      expect(set).toMatch(/HttpOnly/i);
      expect(set).toMatch(/SameSite=Strict/i);
      expect(set).toMatch(/Path=\/api\/chat\/visitor/);
      const cookie = set.split(';')[0]!;
      // The token travels in the cookie only, never in a body.
      expect(JSON.stringify(res.body)).not.toContain(cookie.split('=')[1]);
      return { cookie, chat: res.body.chat };
    };
    const as = (cookie: string) => ({ headers: { cookie } });
    const caseOf = async (number: string) => {
      const found = await rt.api('GET', `/api/cases?q=${number}`, { as: 'lena' });
      expect(found.status).toBe(200);
      expect(found.body.items).toHaveLength(1);
      return found.body.items[0] as { id: string; customerId: string; channel: string };
    };

    let vera: { cookie: string; caseId: string };

    it('opens a chat case and carries messages both ways, live', async () => {
      const { cookie, chat } = await openChat('Vera Lima', 'vera@example.org', 'Where is my parcel?');
      expect(chat).toMatchObject({ name: 'Vera Lima', email: 'vera@example.org', status: 'open' });
      const kase = await caseOf(chat.caseNumber);
      expect(kase.channel).toBe('chat');
      vera = { cookie, caseId: kase.id };
      expect((await rt.api('GET', '/api/chat/visitor', as(cookie))).body.chat).toEqual(chat);

      const stream = await openSse(`${rt.url}/api/chat/visitor/events`, { cookie });
      streams.push(stream);
      expect(stream.status).toBe(200);
      await stream.next((e) => e.event === 'ready', 'ready');

      // The agent sees who wrote, flagged as unverified, and answers.
      const view = await rt.api('GET', `/api/cases/${kase.id}/chat`, { as: 'lena' });
      expect(view.body.visitor).toEqual({ name: 'Vera Lima', email: 'vera@example.org' });
      // (The test clock stands still: a minute on, so the answer sorts after the question.)
      await rt.advance('PT1M');
      const reply = await rt.api('POST', `/api/cases/${kase.id}/messages`, {
        as: 'lena',
        body: { body: 'It left the depot this morning.' },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      expect(reply.body.channel).toBe('chat');
      await stream.next(
        (e) => e.event === 'change' && JSON.parse(e.data).kinds.includes('message'),
        'the reply announced',
      );
      const page = await rt.api('GET', '/api/chat/visitor/messages', as(cookie));
      expect(page.status).toBe(200);
      expect(page.body.items.map((m: { body: string; from: string }) => [m.from, m.body])).toEqual([
        ['visitor', 'Where is my parcel?'],
        ['agent', 'It left the depot this morning.'],
      ]);
      // An agent by display name, never the username they sign in with.
      expect(JSON.stringify(page.body)).not.toContain('"lena"');

      const sent = await rt.api('POST', '/api/chat/visitor/messages', {
        ...as(cookie),
        body: { body: 'Thanks!' },
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      expect(sent.body).toMatchObject({ from: 'visitor', body: 'Thanks!' });
      const staff = await rt.api('GET', `/api/cases/${kase.id}/messages?limit=100`, { as: 'lena' });
      expect(staff.body.items.map((m: { body: string }) => m.body)).toContain('Thanks!');

      // Typing and reading, as for signed-in customers.
      expect((await rt.api('POST', '/api/chat/visitor/typing', as(cookie))).status).toBe(204);
      const typing = await rt.api('GET', `/api/cases/${kase.id}/chat`, { as: 'lena' });
      expect(typing.body.typing).toEqual([{ party: 'customer', name: 'Vera Lima' }]);
      expect((await rt.api('POST', `/api/cases/${kase.id}/chat/typing`, { as: 'lena' })).status).toBe(204);
      const seen = await rt.api('GET', '/api/chat/visitor/state', as(cookie));
      expect(seen.body.typing).toHaveLength(1);
      expect(seen.body.typing[0].party).toBe('agent');
    });

    it('keeps each cookie to its own conversation, even one claiming a customer’s e-mail', async () => {
      // Someone types Carla's address: the chat is filed under Carla, but reads nothing of hers.
      const { cookie, chat } = await openChat('Carla S', 'carla@example.com', 'I lost my card');
      const kase = await caseOf(chat.caseNumber);
      expect(kase.customerId).toBe('c-1001');
      const page = await rt.api('GET', '/api/chat/visitor/messages', as(cookie));
      expect(page.body.items.map((m: { body: string }) => m.body)).toEqual(['I lost my card']);
      // Carla's own words on that case, from her account, stay hers.
      await rt.api('POST', `/api/cases/${kase.id}/messages`, { as: 'carla', body: { body: 'not me!' } });
      const again = await rt.api('GET', '/api/chat/visitor/messages', as(cookie));
      expect(JSON.stringify(again.body)).not.toContain('not me!');
      // The cookie is no session: her cases, profile and the signed-in routes are 401.
      for (const path of ['/api/cases', '/api/customers/c-1001', `/api/cases/${kase.id}`, '/api/chat']) {
        expect((await rt.api('GET', path, as(cookie))).status, path).toBe(401);
      }
      // A file on Vera's conversation: Vera downloads it, this visitor gets 404.
      const withFile = await rt.api('POST', `/api/cases/${vera.caseId}/messages`, {
        as: 'lena',
        body: {
          body: 'The label',
          attachments: [
            {
              name: 'label.txt',
              contentType: 'text/plain',
              content: Buffer.from('TRACK-1').toString('base64'),
            },
          ],
        },
      });
      expect(withFile.status, JSON.stringify(withFile.body)).toBe(201);
      const fileId = withFile.body.attachments[0].id as string;
      const mine = await fetch(`${rt.url}/api/chat/visitor/attachments/${fileId}`, as(vera.cookie));
      expect(mine.status).toBe(200);
      expect(mine.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(await mine.text()).toBe('TRACK-1');
      const theirs = await rt.api('GET', `/api/chat/visitor/attachments/${fileId}`, as(cookie));
      expect(theirs.status).toBe(404);
      // Nor do its streams hear of Vera's case.
      const stream = await openSse(`${rt.url}/api/chat/visitor/events`, { cookie });
      streams.push(stream);
      await stream.next((e) => e.event === 'ready', 'ready');
      await rt.api('POST', `/api/cases/${vera.caseId}/messages`, { as: 'lena', body: { body: 'more' } });
      await rt.api('POST', `/api/cases/${kase.id}/messages`, { as: 'lena', body: { body: 'hello' } });
      const heard = await stream.next((e) => e.event === 'change', 'a change');
      expect(JSON.parse(heard.data).caseId).toBe(kase.id);
      expect(
        stream.events.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data).caseId),
      ).not.toContain(vera.caseId);
    });

    it('posts no internal notes, refuses bad input by field, and answers 401 to a wrong or expired cookie', async () => {
      const note = await rt.api('POST', '/api/chat/visitor/messages', {
        ...as(vera.cookie),
        body: { body: 'psst', visibility: 'internal' },
      });
      expect(note.status).toBe(403);
      const staff = await rt.api('GET', `/api/cases/${vera.caseId}/messages?limit=100`, { as: 'lena' });
      expect(JSON.stringify(staff.body)).not.toContain('psst');

      const bad = await rt.api('POST', '/api/chat/visitor', {
        body: { name: '<script>', email: 'not-an-email', body: 'hi' },
      });
      expect(bad.status).toBe(400);
      const paths = (bad.body.error.details as Array<{ path: string }>).map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['name', 'email']));

      const wrong = 'caseflow_visitor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      for (const cookie of [wrong, 'caseflow_visitor=x', '']) {
        expect((await rt.api('GET', '/api/chat/visitor/messages', as(cookie))).status).toBe(401);
        expect(
          (await rt.api('POST', '/api/chat/visitor/messages', { ...as(cookie), body: { body: 'hi' } }))
            .status,
        ).toBe(401);
        expect((await openSse(`${rt.url}/api/chat/visitor/events`, { cookie })).status).toBe(401);
      }
    });

    it('continues by e-mail on the same case when the visitor leaves', async () => {
      const left = await rt.api('POST', '/api/chat/visitor/leave', as(vera.cookie));
      expect(left.status).toBe(200);
      expect(left.body).toEqual({ email: 'vera@example.org' });
      const reply = await rt.api('POST', `/api/cases/${vera.caseId}/messages`, {
        as: 'lena',
        body: { body: 'It will arrive tomorrow.' },
      });
      expect(reply.status).toBe(201);
      expect(reply.body.channel).toBe('email');
    });

    it('lets a token expire', async () => {
      await rt.advance('P2D');
      expect((await rt.api('GET', '/api/chat/visitor/messages', as(vera.cookie))).status).toBe(401);
      expect((await rt.api('GET', '/api/chat/visitor', as(vera.cookie))).status).toBe(401);
    });

    it('bounds a flood of openings from one address with 429, and keeps answering', async () => {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          rt.api('POST', '/api/chat/visitor', {
            body: { name: `Flood ${i}`, email: `flood${i}@example.org`, body: 'hello' },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(3);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9);
      expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
      const refused = answers.find((a) => a.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await rt.api('GET', '/api/health')).status).toBe(200);

      // One admitted visitor writing without pause is held to 30 messages a minute.
      const cookie = answers
        .find((a) => a.status === 201)!
        .headers.get('set-cookie')!
        .split(';')[0]!;
      const sent = [];
      for (let i = 0; i < 32; i++) {
        sent.push(
          (await rt.api('POST', '/api/chat/visitor/messages', { ...as(cookie), body: { body: `m${i}` } }))
            .status,
        );
      }
      expect(sent.filter((s) => s === 201)).toHaveLength(30);
      expect(sent.slice(30)).toEqual([429, 429]);
    });
  });
});

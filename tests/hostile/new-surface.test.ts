import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiAnswer, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * The HTTP surface that landed with canned responses, channels, chat, supervision and routing,
 * attacked as a hostile user would: anonymous calls, customers reaching for other customers'
 * cases, agents acting for other agents, forged webhook signatures, malformed and oversized
 * bodies, and FEEL placeholders that try to run long. Nothing may answer 500 or leak.
 */

const MARKER = 'zq-new-surface-91c2';

function refused(res: ApiAnswer, statuses: number[]): void {
  expect(statuses, `${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
}

describe.each(scenarioBackends())('the new surface on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    let carlaCase = '';
    let benCase = '';

    beforeAll(async () => {
      rt = await startRuntime({ LOG_LEVEL: 'info' }, { backend });
      const open = async (customerId: string) => {
        const res = await rt.api('POST', '/api/cases', {
          as: 'lena',
          body: { flow: 'lost-card', customerId, channel: 'phone', variables: { cardLast4: '4242' } },
        });
        if (res.status !== 201) throw new Error(`open: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.id as string;
      };
      carlaCase = await open('c-1001');
      benCase = await open('c-1002');
    });
    afterAll(() => rt?.stop());

    it('answers 401 to anonymous calls on every new route', async () => {
      const calls: Array<[string, string, unknown?]> = [
        ['GET', '/api/responses'],
        ['POST', '/api/responses', { title: 't', body: 'b', groups: [] }],
        ['POST', '/api/responses/r-x/render', { caseId: carlaCase }],
        ['PUT', '/api/channels/whatsapp/account', {}],
        ['GET', '/api/channels/messaging'],
        ['GET', '/api/chat'],
        ['POST', '/api/chat', { body: 'hi' }],
        ['GET', `/api/cases/${carlaCase}/chat`],
        ['POST', `/api/cases/${carlaCase}/chat/typing`],
        ['POST', `/api/cases/${carlaCase}/chat/read`],
        ['POST', `/api/cases/${carlaCase}/chat/leave`],
        ['GET', '/api/attachments/m-x.a1'],
        ['GET', '/api/supervisor/overview'],
        ['GET', '/api/supervisor/events?ticket=forged'],
        ['PUT', '/api/supervisor/groups/card-ops/assignment', { paused: true }],
        ['PUT', '/api/agents/lena/presence', { status: 'online' }],
        ['GET', '/api/agents'],
        ['PUT', '/api/groups/card-ops', { description: 'x' }],
        ['POST', '/api/tasks/t-x/decline', {}],
        ['GET', '/api/flow-choices'],
      ];
      for (const [method, path, body] of calls) {
        const res = await rt.api(method, path, body === undefined ? {} : { body });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    });

    it("keeps a customer out of another customer's chat, messages and staff-only routes", async () => {
      for (const path of ['/chat', '/messages']) {
        refused(await rt.api('GET', `/api/cases/${benCase}${path}`, { as: 'carla' }), [404]);
      }
      for (const path of ['/chat/typing', '/chat/read', '/chat/leave']) {
        refused(await rt.api('POST', `/api/cases/${benCase}${path}`, { as: 'carla' }), [404]);
      }
      const post = await rt.api('POST', `/api/cases/${benCase}/messages`, {
        as: 'carla',
        body: { body: 'let me in', visibility: 'public' },
      });
      refused(post, [404]);
      const note = await rt.api('POST', `/api/cases/${carlaCase}/messages`, {
        as: 'carla',
        body: { body: 'an internal note?', visibility: 'internal' },
      });
      refused(note, [403]);
      for (const [method, path, body] of [
        ['GET', '/api/responses', undefined],
        ['GET', '/api/supervisor/overview', undefined],
        ['GET', '/api/agents', undefined],
        ['PUT', '/api/agents/lena/presence', { status: 'offline' }],
        ['PUT', '/api/supervisor/groups/card-ops/assignment', { paused: true }],
        ['PUT', '/api/channels/whatsapp/account', { enabled: true }],
      ] as const) {
        refused(await rt.api(method, path, { as: 'carla', ...(body ? { body } : {}) }), [400, 403, 404]);
      }
    });

    it('keeps an agent from acting for another agent or as a supervisor', async () => {
      refused(await rt.api('POST', '/api/chat', { as: 'lena', body: { body: 'as a customer?' } }), [403]);
      refused(
        await rt.api('PUT', '/api/agents/marco/presence', { as: 'lena', body: { status: 'offline' } }),
        [403],
      );
      refused(
        await rt.api('PUT', '/api/supervisor/groups/card-ops/assignment', {
          as: 'lena',
          body: { paused: true },
        }),
        [400, 403],
      );
      refused(await rt.api('GET', '/api/supervisor/overview', { as: 'lena' }), [403]);
      refused(
        await rt.api('PUT', '/api/channels/sms/account', { as: 'lena', body: { enabled: true } }),
        [400, 403],
      );
    });

    it('answers 400, never 500, to malformed JSON and wrong types on the new routes', async () => {
      const routes: Array<[string, string, string]> = [
        ['POST', '/api/responses', 'olivia'],
        ['POST', '/api/responses/r-x/render', 'lena'],
        ['PUT', '/api/channels/whatsapp/account', 'admin'],
        ['POST', '/api/chat', 'carla'],
        ['PUT', '/api/supervisor/groups/card-ops/assignment', 'admin'],
        ['PUT', '/api/agents/lena/presence', 'lena'],
        ['PUT', '/api/groups/card-ops', 'admin'],
        ['POST', `/api/cases/${carlaCase}/messages`, 'lena'],
      ];
      for (const [method, path, as] of routes) {
        for (const raw of [
          '{',
          '[]',
          '{"body":{"$gt":1}}',
          `{"title":1e400,"x":"\\ud800${MARKER}"}`,
          'null',
        ]) {
          const res = await rt.api(method, path, { as, raw });
          expect([400, 404, 413, 422], `${method} ${path} ${raw}: ${res.status}`).toContain(res.status);
        }
      }
      expect(rt.output()).not.toContain(MARKER);
    });

    it('bounds long strings, many groups and a huge chat message', async () => {
      const long = await rt.api('POST', '/api/responses', {
        as: 'olivia',
        body: { title: 'x'.repeat(100_000), body: 'b', groups: [], locale: 'en' },
      });
      refused(long, [400, 413]);
      const many = await rt.api('POST', '/api/responses', {
        as: 'olivia',
        body: {
          title: 't',
          body: 'b',
          groups: Array.from({ length: 10_000 }, (_, i) => `g${i}`),
          locale: 'en',
        },
      });
      refused(many, [400, 413]);
      const chat = await rt.api('POST', '/api/chat', { as: 'carla', body: { body: 'x'.repeat(200_000) } });
      refused(chat, [400, 413]);
      const huge = await rt.api('POST', '/api/responses', {
        as: 'olivia',
        raw: JSON.stringify({ title: 't', body: 'x'.repeat(3_000_000), groups: [], locale: 'en' }),
      });
      refused(huge, [400, 413]);
    });

    it('stops a placeholder that runs long with a 422 and renders only the asked case', async () => {
      const slow = await rt.api('POST', '/api/responses', {
        as: 'olivia',
        body: {
          title: 'slow',
          body: '{{ count(for a in 1..3000, b in 1..3000 return a * b) }}',
          groups: [],
          locale: 'en',
        },
      });
      expect(slow.status, JSON.stringify(slow.body)).toBe(201);
      const started = Date.now();
      const render = await rt.api('POST', `/api/responses/${slow.body.id}/render`, {
        as: 'lena',
        body: { caseId: carlaCase },
      });
      expect(Date.now() - started).toBeLessThan(5000);
      refused(render, [422]);

      const peek = await rt.api('POST', '/api/responses', {
        as: 'olivia',
        body: {
          title: 'peek',
          body: 'Hello {{customer.name}} {{case.customerId}}',
          groups: [],
          locale: 'en',
        },
      });
      expect(peek.status, JSON.stringify(peek.body)).toBe(201);
      const mine = await rt.api('POST', `/api/responses/${peek.body.id}/render`, {
        as: 'lena',
        body: { caseId: carlaCase },
      });
      expect(mine.status).toBe(200);
      expect(mine.body.body).toContain('c-1001');
      expect(mine.body.body).not.toContain('c-1002');
      refused(
        await rt.api('POST', `/api/responses/${peek.body.id}/render`, {
          as: 'carla',
          body: { caseId: carlaCase },
        }),
        [403],
      );
    });

    it("serves a file to its own customer only, never an internal note's, always as a download", async () => {
      const file = {
        name: '<script>.html',
        contentType: 'text/plain',
        content: Buffer.from(MARKER).toString('base64'),
      };
      const post = async (caseId: string, visibility: string) => {
        const res = await rt.api('POST', `/api/cases/${caseId}/messages`, {
          as: 'lena',
          body: { body: 'see attached', visibility, attachments: [file] },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.attachments[0].id as string;
      };
      const carlasPublic = await post(carlaCase, 'public');
      const carlasNote = await post(carlaCase, 'internal');
      const bensPublic = await post(benCase, 'public');
      const own = await rt.api('GET', `/api/attachments/${carlasPublic}`, { as: 'carla' });
      expect(own.status).toBe(200);
      expect(own.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(own.headers.get('x-content-type-options')).toBe('nosniff');
      for (const id of [carlasNote, bensPublic, `${carlasPublic}x`, '../../etc/passwd']) {
        refused(await rt.api('GET', `/api/attachments/${encodeURIComponent(id)}`, { as: 'carla' }), [404]);
      }
      expect((await rt.api('GET', `/api/attachments/${carlasNote}`, { as: 'lena' })).status).toBe(200);
      const listed = await rt.api('GET', `/api/cases/${carlaCase}/messages`, { as: 'carla' });
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain(carlasNote);
    });

    it('refuses to decline a task the caller does not hold', async () => {
      const staff = await rt.api('GET', `/api/cases/${carlaCase}`, { as: 'admin' });
      const task = (staff.body.tasks as Array<{ id: string; assignee: string | null }>)[0];
      if (!task) throw new Error(`no task on the case: ${JSON.stringify(staff.body)}`);
      for (const as of ['ivan', 'carla']) {
        const res = await rt.api('POST', `/api/tasks/${task.id}/decline`, {
          as,
          body: { reason: 'not mine' },
        });
        refused(res, [403, 404, 409]);
      }
      const after = await rt.api('GET', `/api/cases/${carlaCase}`, { as: 'admin' });
      expect(after.body.tasks[0].assignee ?? null).toBe(task.assignee ?? null);
    });

    it('changes nothing on a forged webhook signature and keeps secrets out of answers and logs', async () => {
      const secret = `app-secret-${MARKER}`;
      const put = await rt.api('PUT', '/api/channels/whatsapp/account', {
        as: 'admin',
        body: {
          sender: '15550001111',
          connection: 'core-banking',
          secret,
          verifyToken: `verify-${MARKER}`,
        },
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(JSON.stringify(put.body)).not.toContain(secret);
      const handshake = await rt.api(
        'GET',
        `/api/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=${MARKER}`,
      );
      refused(handshake, [403]);
      expect(JSON.stringify(handshake.body)).not.toContain(MARKER);
      const before = (await rt.api('GET', '/api/cases?limit=500', { as: 'admin' })).body.items.length;
      const forged = await rt.api('POST', '/api/channels/whatsapp/webhook', {
        raw: JSON.stringify({
          object: 'whatsapp_business_account',
          entry: [
            {
              changes: [
                {
                  value: {
                    messaging_product: 'whatsapp',
                    metadata: { display_phone_number: '15550001111' },
                    messages: [
                      { from: '5511999990000', id: 'wamid.forged', type: 'text', text: { body: 'hi' } },
                    ],
                  },
                },
              ],
            },
          ],
        }),
        headers: { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      });
      refused(forged, [401]);
      const smsAccount = await rt.api('PUT', '/api/channels/sms/account', {
        as: 'admin',
        body: {
          sender: '+15550002222',
          connection: 'core-banking',
          secret,
          webhookUrl: 'https://example.test/sms',
        },
      });
      expect(smsAccount.status, JSON.stringify(smsAccount.body)).toBe(200);
      const sms = await rt.api('POST', '/api/channels/sms/webhook', {
        raw: 'From=%2B5511999990000&Body=hi&MessageSid=SMforged',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' },
      });
      refused(sms, [401]);
      const after = (await rt.api('GET', '/api/cases?limit=500', { as: 'admin' })).body.items.length;
      expect(after).toBe(before);
      const list = await rt.api('GET', '/api/channels/messaging', { as: 'admin' });
      expect(JSON.stringify(list.body)).not.toContain(secret);
      expect(rt.output()).not.toContain(secret);
    });
  });
});

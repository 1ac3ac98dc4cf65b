import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreBankingStub, startCoreBankingStub } from '../../examples/core-banking/stub';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Leak 11 (issue #11): credentials of http actions were literal headers in the flow, readable
 * by every agent in GET /cases/:id/flow and by admins in GET /outbox. Now they live in
 * admin-managed connections (DESIGN §8), sealed at rest, added at delivery only, and a call's
 * URL cannot leave its connection's base URL. Against the built runtime, on both backends.
 */

const BANK_TOKEN = 'bank-token-6f1d9a7c2e';
const SINK_TOKEN = 'sink-token-93b7e1d0aa';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A loopback HTTP server that answers 200 to anything and records what came. */
async function startRecorder(): Promise<{
  url: string;
  port: number;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** start → call (http on connection `sink`, `path`) → done; a refused call ends in `failed`. */
function callFlow(key: string, path: string) {
  return {
    key,
    name: key,
    kind: 'case',
    nodes: [
      { id: 'start', type: 'start', trigger: { kind: 'case' } },
      {
        id: 'call',
        type: 'action',
        action: { kind: 'http', method: 'POST', connection: 'sink', path, body: { x: 1 }, retries: 0 },
      },
      { id: 'done', type: 'end' },
      { id: 'failed', type: 'end', outcome: 'failed' },
    ],
    edges: [
      { from: 'start', to: 'call' },
      { from: 'call', to: 'done' },
      { from: 'call', to: 'failed', on: 'error' },
    ],
  };
}

interface Entry {
  type: string;
  data: Record<string, unknown>;
}

let bank: CoreBankingStub;
let sink: Awaited<ReturnType<typeof startRecorder>>;
let evil: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => {
  bank = await startCoreBankingStub({ token: BANK_TOKEN });
  sink = await startRecorder();
  evil = await startRecorder();
});
afterAll(async () => {
  await bank?.close();
  await sink?.close();
  await evil?.close();
});

describe.each(scenarioBackends())('connections over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    let lostCard = '';

    const httpCalled = (caseId: string) =>
      eventually(async () => {
        const t = await rt.api('GET', `/api/cases/${caseId}/timeline`, { as: 'admin' });
        return (t.body.items as Entry[]).find((e) => e.type === 'http.called');
      }, `the http call of ${caseId}`);

    const openCase = async (flow: string, variables: Record<string, unknown> = { cardLast4: '4242' }) => {
      const res = await rt.api('POST', '/api/cases', {
        as: 'lena',
        body: { flow, customerId: 'c-1001', channel: 'phone', variables },
      });
      if (res.status !== 201) throw new Error(`open ${flow}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };

    beforeAll(async () => {
      rt = await startRuntime({ CORE_BANKING_URL: bank.url, CORE_BANKING_TOKEN: BANK_TOKEN }, { backend });
      lostCard = await openCase('lost-card');
    });
    afterAll(() => rt?.stop());

    it('sends the bearer token of the core-banking connection to the stub on a normal run', async () => {
      expect((await httpCalled(lostCard)).data).toMatchObject({ ok: true, status: 200 });
      const call = bank.calls.find((c) => (c.body as { caseId?: string } | null)?.caseId === lostCard);
      expect(call).toMatchObject({
        customerId: 'c-1001',
        authorization: `Bearer ${BANK_TOKEN}`,
        status: 200,
      });
    });

    it("never shows the token to an agent reading the case's flow", async () => {
      const res = await rt.api('GET', `/api/cases/${lostCard}/flow`, { as: 'lena' });
      expect(res.status).toBe(200);
      const freeze = res.body.definition.nodes.find((n: { id: string }) => n.id === 'freeze');
      expect(freeze.action).toMatchObject({
        connection: 'core-banking',
        path: '/accounts/{{case.customerId}}/freeze',
      });
      expect(JSON.stringify(res.body)).not.toContain(BANK_TOKEN);
    });

    it('never shows the token to an admin reading the outbox', async () => {
      const res = await rt.api('GET', `/api/outbox?case=${lostCard}`, { as: 'admin' });
      expect(res.status).toBe(200);
      const http = res.body.items.find((o: { kind: string }) => o.kind === 'http');
      expect(http.payload).toMatchObject({ connection: 'core-banking', path: '/accounts/c-1001/freeze' });
      expect(JSON.stringify(res.body)).not.toContain(BANK_TOKEN);
      expect(JSON.stringify(res.body).toLowerCase()).not.toContain('bearer');
    });

    it('answers connections with "secret": "set" to admins only, never the secret', async () => {
      const list = await rt.api('GET', '/api/connections', { as: 'admin' });
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual(
        expect.objectContaining({
          name: 'core-banking',
          baseUrl: bank.url,
          auth: { kind: 'bearer' },
          secret: 'set',
        }),
      );
      const one = await rt.api('GET', '/api/connections/core-banking', { as: 'admin' });
      expect(one.body.secret).toBe('set');
      expect(JSON.stringify([list.body, one.body])).not.toContain(BANK_TOKEN);
      for (const as of ['lena', 'olivia', 'carla'])
        expect((await rt.api('GET', '/api/connections', { as })).status).toBe(403);
    });

    it('refuses to publish a flow that writes an Authorization header itself', async () => {
      const flow = callFlow('literal-auth', '/x');
      const action = flow.nodes[1]!.action as Record<string, unknown>;
      delete action.connection;
      delete action.path;
      action.url = `${sink.url}/api/x`;
      action.headers = { Authorization: `Bearer ${SINK_TOKEN}` };
      expect(
        (await rt.api('PUT', '/api/flows/literal-auth', { as: 'olivia', body: { definition: flow } })).status,
      ).toBe(200);
      const published = await rt.api('POST', '/api/flows/literal-auth/publish', { as: 'olivia', body: {} });
      expect(published.status).toBe(422);
      expect(published.body.error.details.problems).toContainEqual(
        expect.objectContaining({
          code: 'credential-in-flow',
          nodeId: 'call',
          hint: expect.stringContaining('connection'),
        }),
      );
      // Nor is the draft answered with it.
      const draft = await rt.api('GET', '/api/flows/literal-auth', { as: 'olivia' });
      expect(JSON.stringify(draft.body)).not.toContain(SINK_TOKEN);
    });

    describe('a call whose path leaves the base URL', () => {
      beforeAll(async () => {
        const created = await rt.api('POST', '/api/connections', {
          as: 'admin',
          body: { name: 'sink', baseUrl: `${sink.url}/api`, auth: { kind: 'bearer', token: SINK_TOKEN } },
        });
        if (created.status !== 201)
          throw new Error(`connection: ${created.status} ${JSON.stringify(created.body)}`);
      });

      it('reaches the sink with the token when the path stays under the base URL (control)', async () => {
        const before = sink.received.length;
        await rt.api('PUT', '/api/flows/call-ok', {
          as: 'olivia',
          body: { definition: callFlow('call-ok', '/ok/{{case.customerId}}') },
        });
        expect((await rt.api('POST', '/api/flows/call-ok/publish', { as: 'olivia', body: {} })).status).toBe(
          201,
        );
        const id = await openCase('call-ok');
        expect((await httpCalled(id)).data).toMatchObject({ ok: true });
        expect(sink.received.slice(before)).toEqual([
          expect.objectContaining({
            url: '/api/ok/c-1001',
            headers: expect.objectContaining({ authorization: `Bearer ${SINK_TOKEN}` }),
          }),
        ]);
      });

      it.each([
        ['dot-dot', '/../admin'],
        ['encoded dot-dot', '/%2e%2e/admin'],
        ['double-encoded dot-dot', '/%252e%252e/admin'],
        ['protocol-relative', '//127.0.0.1:EVIL/api/x'],
        ['absolute URL to another host', 'http://127.0.0.1:EVIL/api/x'],
        ['scheme change', 'https://127.0.0.1:SINK/api/x'],
        ['absolute URL outside the base path', 'http://127.0.0.1:SINK/admin'],
      ])('is not sent (%s)', async (label, template) => {
        const path = template.replace('EVIL', String(evil.port)).replace('SINK', String(sink.port));
        const key = `escape-${label.replace(/[^a-z]+/g, '-').replace(/-$/, '')}`;
        const sinkBefore = sink.received.length;
        const evilBefore = evil.received.length;
        expect(
          (
            await rt.api('PUT', `/api/flows/${key}`, {
              as: 'olivia',
              body: { definition: callFlow(key, path) },
            })
          ).status,
        ).toBe(200);
        const published = await rt.api('POST', `/api/flows/${key}/publish`, { as: 'olivia', body: {} });
        expect(published.status, JSON.stringify(published.body)).toBe(201);
        const id = await openCase(key);
        const called = await httpCalled(id);
        expect(called.data).toMatchObject({ ok: false, error: expect.stringContaining('refused') });
        const outbox = await rt.api('GET', `/api/outbox?case=${id}`, { as: 'admin' });
        expect(outbox.body.items[0]).toMatchObject({ kind: 'http', status: 'dead' });
        const kase = await rt.api('GET', `/api/cases/${id}`, { as: 'admin' });
        expect(kase.body.status).toBe('failed');
        expect(sink.received.length).toBe(sinkBefore);
        expect(evil.received.length).toBe(evilBefore);
      });

      it('keeps "@" on the base host: refused in a written path, encoded from a case variable', async () => {
        const written = callFlow('escape-at', `http://127.0.0.1:${sink.port}@127.0.0.1:${evil.port}/api/x`);
        await rt.api('PUT', '/api/flows/escape-at', { as: 'olivia', body: { definition: written } });
        const refused = await rt.api('POST', '/api/flows/escape-at/publish', { as: 'olivia', body: {} });
        expect(refused.status).toBe(422);
        expect(refused.body.error.details.problems).toContainEqual(
          expect.objectContaining({ code: 'credential-in-flow', path: ['nodes', 1, 'action', 'path'] }),
        );

        const templated = callFlow('at-variable', '/ok/{{case.variables.target}}');
        await rt.api('PUT', '/api/flows/at-variable', { as: 'olivia', body: { definition: templated } });
        expect(
          (await rt.api('POST', '/api/flows/at-variable/publish', { as: 'olivia', body: {} })).status,
        ).toBe(201);
        const sinkBefore = sink.received.length;
        const evilBefore = evil.received.length;
        const id = await openCase('at-variable', { target: `@127.0.0.1:${evil.port}/x` });
        expect((await httpCalled(id)).data).toMatchObject({ ok: true });
        expect(sink.received.slice(sinkBefore).map((r) => r.url)).toEqual([
          `/api/ok/%40127.0.0.1%3A${evil.port}%2Fx`,
        ]);
        expect(evil.received.length).toBe(evilBefore);
      });
    });

    it('refuses to delete a connection an active flow calls, naming the flow', async () => {
      const res = await rt.api('DELETE', '/api/connections/core-banking', { as: 'admin' });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('lost-card');
    });
  });
});

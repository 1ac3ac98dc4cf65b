import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { requireUser } from '../auth/roles';
import type { AppDeps, Router } from '../http/context';
import { bearer, errorResponses, IdParam, json, jsonBody, newRouter } from '../http/openapi';
import { chatView, markRead, reportTyping } from './chat-commands';
import { currentChat, leaveChat, sendChat } from './chat-conversation';

const tags = ['chat'];
const ChatViewResource = z.object({
  typing: z.array(z.object({ party: z.enum(['customer', 'agent']), name: z.string() })),
  otherReadAt: z.string().nullable(),
  visitor: z
    .object({ name: z.string(), email: z.string() })
    .nullable()
    .optional()
    .describe('staff only: the anonymous visitor who opened the chat, as typed (unverified)'),
});

const route = <T extends Parameters<typeof createRoute>[0]>(config: T) =>
  createRoute({ tags, security: bearer, middleware: [requireUser] as const, ...config });

const view = route({
  method: 'get',
  path: '/cases/{id}/chat',
  summary: 'Who on the other side is typing, and until when they have read',
  request: { params: IdParam },
  responses: { 200: json(ChatViewResource, 'the chat state'), ...errorResponses },
});
const typing = route({
  method: 'post',
  path: '/cases/{id}/chat/typing',
  summary: 'The caller is typing (lasts a few seconds; repeat while typing)',
  request: { params: IdParam },
  responses: { 204: { description: 'noted' }, ...errorResponses },
});
const read = route({
  method: 'post',
  path: '/cases/{id}/chat/read',
  summary: 'The caller has read the conversation up to now',
  request: { params: IdParam },
  responses: { 204: { description: 'noted' }, ...errorResponses },
});

const current = route({
  method: 'get',
  path: '/chat',
  summary: 'The signed-in customer’s open chat, if any',
  responses: { 200: json(z.object({ caseId: z.string().nullable() }), 'the chat'), ...errorResponses },
});
const send = route({
  method: 'post',
  path: '/chat',
  summary: 'A customer’s chat message: continues their open chat or opens a case on the chat channel',
  request: { body: jsonBody(z.object({ body: z.string().trim().min(1).max(5000) })) },
  responses: { 201: json(z.object({ caseId: z.string() }), 'the chat’s case'), ...errorResponses },
});
const leave = route({
  method: 'post',
  path: '/cases/{id}/chat/leave',
  summary: 'The customer ends the chat: the conversation continues by e-mail on the same case',
  request: { params: IdParam },
  responses: {
    200: json(z.object({ email: z.string().nullable() }), 'where it continues'),
    ...errorResponses,
  },
});

/** Live chat (DESIGN §10): the customer's conversation, typing and read indicators; messages are the case's. */
export function chatRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const deps = { store: runtime.store, clock: runtime.clock };
  r.openapi(view, async (c) =>
    c.json(await chatView(deps, actorOf(c.get('user')!), c.req.valid('param').id), 200),
  );
  r.openapi(typing, async (c) => {
    await reportTyping(deps, actorOf(c.get('user')!), c.req.valid('param').id);
    return c.body(null, 204);
  });
  r.openapi(read, async (c) => {
    await markRead(deps, actorOf(c.get('user')!), c.req.valid('param').id);
    return c.body(null, 204);
  });
  r.openapi(current, async (c) =>
    c.json({ caseId: await currentChat(runtime.store, actorOf(c.get('user')!)) }, 200),
  );
  r.openapi(send, async (c) =>
    c.json(await sendChat(runtime, actorOf(c.get('user')!), c.req.valid('json').body), 201),
  );
  r.openapi(leave, async (c) =>
    c.json(await leaveChat(deps, actorOf(c.get('user')!), c.req.valid('param').id), 200),
  );
  return r;
}

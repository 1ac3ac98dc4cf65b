import { formatCaseNumber } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { AppError } from '../executor/errors';
import { downloadResponses, sendAttachment } from '../http/attachment-download';
import type { AppDeps, AppEnv, Router } from '../http/context';
import { displayNames } from '../http/display-names';
import { errorResponses, IdParam, isoAt, json, jsonBody, newRouter, PageQuery } from '../http/openapi';
import { requestSource } from '../http/request-source';
import { createChangeFeed } from '../live/change-feed';
import { serveLiveStream } from '../live/live-stream';
import { customerKinds } from '../live/stream-filter';
import type { AttachmentRow } from '../store/channel-store';
import type { ChatVisitorRow } from '../store/chat-visitor-store';
import type { MessageRow } from '../store/store';
import {
  leaveVisitorChat,
  openVisitorChat,
  sendVisitorMessage,
  VISITOR_TTL_MS,
  visitorAttachment,
  visitorByToken,
  visitorMessages,
  visitorRead,
  visitorTyping,
  visitorView,
} from './visitor-chat';
import { createVisitorGate } from './visitor-gate';

const tags = ['chat'];
/** The cookie that carries a visitor's token: HttpOnly, SameSite=Strict, sent to these routes only. */
export const VISITOR_COOKIE = 'caseflow_visitor';
const COOKIE_PATH = '/api/chat/visitor';
/** Open streams per visitor, and anonymous streams per process. */
const STREAMS_PER_VISITOR = 4;
const VISITOR_STREAMS = 500;

/** Letters, marks, digits, spaces and common name punctuation; no control or markup characters. */
const NAME = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'’()-]*$/u;
const VisitorOpen = z
  .object({
    name: z.string().trim().min(1).max(100).regex(NAME, "letters, digits, spaces and . , ' ( ) - only"),
    email: z.string().trim().max(254).pipe(z.email()),
    body: z.string().trim().min(1).max(5000),
  })
  .strict();
const VisitorChat = z.object({
  /** The case number the visitor can quote by e-mail (REQ-000123). */
  caseNumber: z.string().nullable(),
  name: z.string(),
  email: z.string(),
  status: z.enum(['open', 'closed']),
  expiresAt: z.string(),
});
const VisitorMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  from: z.enum(['visitor', 'agent', 'system']),
  /** An agent's display name (never their username); null for the visitor and the runtime. */
  authorName: z.string().nullable(),
  body: z.string(),
  attachments: z.array(
    z.object({ id: z.string(), name: z.string(), size: z.number(), contentType: z.string() }),
  ),
  at: z.string(),
});
const VisitorView = z.object({
  typing: z.array(z.object({ party: z.enum(['customer', 'agent']), name: z.string() })),
  otherReadAt: z.string().nullable(),
});
const cookieAuth = [{ visitorCookie: [] }];
const limited = { 429: { ...errorResponses[400], description: 'too many at once (see Retry-After)' } };
const sse = { 200: { description: 'text/event-stream of `change`, `reset`, `ready` and `end` events' } };

const route = <T extends Parameters<typeof createRoute>[0]>(config: T) =>
  createRoute({ tags, security: cookieAuth, ...config });

const current = route({
  method: 'get',
  path: '/chat/visitor',
  summary: 'The anonymous visitor’s chat, from their cookie (null without one)',
  responses: { 200: json(z.object({ chat: VisitorChat.nullable() }), 'the chat'), ...errorResponses },
});
const open = route({
  method: 'post',
  path: '/chat/visitor',
  summary: 'An anonymous visitor opens a chat with a name, an e-mail and a first message (sets the cookie)',
  security: [],
  request: { body: jsonBody(VisitorOpen) },
  responses: { 201: json(z.object({ chat: VisitorChat }), 'the chat'), ...errorResponses, ...limited },
});
const messages = route({
  method: 'get',
  path: '/chat/visitor/messages',
  summary: 'The visitor’s conversation, paged (`order=desc` for the newest first)',
  request: { query: PageQuery.extend({ order: z.enum(['asc', 'desc']).optional() }) },
  responses: {
    200: json(z.object({ items: z.array(VisitorMessage), next: z.string().nullable() }), 'messages'),
    ...errorResponses,
  },
});
const send = route({
  method: 'post',
  path: '/chat/visitor/messages',
  summary: 'The visitor writes in their chat (public only; 409 once the case is closed)',
  request: {
    body: jsonBody(
      z
        .object({
          body: z.string().trim().min(1).max(5000),
          visibility: z.enum(['public', 'internal']).optional(),
        })
        .strict(),
    ),
  },
  responses: { 201: json(VisitorMessage, 'the message'), ...errorResponses, ...limited },
});
const view = route({
  method: 'get',
  path: '/chat/visitor/state',
  summary: 'Which agent is typing, and until when the agents have read',
  responses: { 200: json(VisitorView, 'the chat state'), ...errorResponses },
});
const typing = route({
  method: 'post',
  path: '/chat/visitor/typing',
  summary: 'The visitor is typing (lasts a few seconds; repeat while typing)',
  responses: { 204: { description: 'noted' }, ...errorResponses },
});
const read = route({
  method: 'post',
  path: '/chat/visitor/read',
  summary: 'The visitor has read the conversation up to now',
  responses: { 204: { description: 'noted' }, ...errorResponses },
});
const leave = route({
  method: 'post',
  path: '/chat/visitor/leave',
  summary: 'The visitor ends the chat: the conversation continues by e-mail on the same case',
  responses: { 200: json(z.object({ email: z.string() }), 'where it continues'), ...errorResponses },
});
const download = route({
  method: 'get',
  path: '/chat/visitor/attachments/{id}',
  summary: 'A file of the visitor’s conversation, as a download',
  request: { params: IdParam },
  responses: downloadResponses,
});
const events = route({
  method: 'get',
  path: '/chat/visitor/events',
  summary: 'Server-sent events of the visitor’s conversation (what changed, never its content)',
  request: { query: z.object({ lastEventId: z.string().max(100).optional() }) },
  responses: { ...sse, 401: errorResponses[401], 429: errorResponses[400] },
});

/**
 * Anonymous visitors' live chat (issue #15 item 3): routes under /chat/visitor authenticated by
 * the visitor's cookie only (a bearer token plays no part: staff and customers use their own
 * routes). Opening is bounded per source address and per process, writing per visitor and per
 * process; the rules are the commands'
 * (visitor-chat.ts). A missing, wrong or expired token is 401.
 */
export function visitorChatRoutes({ runtime, config, logger }: AppDeps): Router {
  const r = newRouter();
  r.openAPIRegistry.registerComponent('securitySchemes', 'visitorCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: VISITOR_COOKIE,
  });
  const { store, clock } = runtime;
  const deps = { store, clock };
  const gate = createVisitorGate();
  // Each message is an event transaction: one visitor writes at most 30 a minute, and all
  // visitors together at most 300 a second per process (the same fixed windows as openings).
  const messageGate = createVisitorGate({
    perSource: 30,
    sourceWindowMs: 60_000,
    global: 300,
    globalWindowMs: 1000,
  });
  const feed = createChangeFeed({ store, logger, now: () => clock.now() });
  runtime.onCommit(() => feed.wake());
  const streams = new Map<string, number>();
  let streamCount = 0;
  const tokenOf = (c: Context<AppEnv>) => getCookie(c, VISITOR_COOKIE);

  const chatOf = async (v: ChatVisitorRow) => {
    const kase = await store.cases.get(v.caseId);
    return {
      caseNumber: kase?.number ? formatCaseNumber(kase.number) : null,
      name: v.name,
      email: v.email,
      status: kase?.status === 'open' ? ('open' as const) : ('closed' as const),
      expiresAt: isoAt(v.expiresAt),
    };
  };
  const toVisitorMessages = async (rows: readonly MessageRow[]) => {
    const files: AttachmentRow[] = await store.channels.attachmentsOf(rows.map((m) => m.id));
    const names = await displayNames(
      store,
      rows.map((m) => (m.from === 'agent' ? m.author : null)),
    );
    return rows.map((m) => ({
      id: m.id,
      direction: m.direction,
      from: m.from === 'customer' ? ('visitor' as const) : m.from,
      authorName: m.from === 'agent' && m.author ? (names.get(m.author) ?? null) : null,
      body: m.body,
      attachments: files
        .filter((a) => a.messageId === m.id)
        .map((a) => ({ id: a.id, name: a.name, size: a.size, contentType: a.contentType })),
      at: isoAt(m.at),
    }));
  };

  r.openapi(current, async (c) => {
    const token = tokenOf(c);
    if (token === undefined) return c.json({ chat: null }, 200);
    return c.json({ chat: await chatOf(await visitorByToken(store, token, clock.now())) }, 200);
  });

  r.openapi(open, async (c) => {
    const source = requestSource(c, config.trustProxy);
    const admitted = gate.admit(source, Date.now());
    if (!admitted.ok) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(admitted.retryAfterMs / 1000))));
      throw new AppError('too-many-chats', 429, 'too many chats opened; try again later');
    }
    const { token, visitor } = await openVisitorChat(runtime, c.req.valid('json'));
    setCookie(c, VISITOR_COOKIE, token, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: Math.floor(VISITOR_TTL_MS / 1000),
    });
    return c.json({ chat: await chatOf(visitor) }, 201);
  });

  r.openapi(messages, async (c) => {
    const page = await visitorMessages(store, tokenOf(c), clock.now(), c.req.valid('query'));
    return c.json({ items: await toVisitorMessages(page.items), next: page.next }, 200);
  });

  r.openapi(send, async (c) => {
    const body = c.req.valid('json');
    const token = tokenOf(c);
    const visitor = await visitorByToken(store, token, clock.now());
    const admitted = messageGate.admit(visitor.id, Date.now());
    if (!admitted.ok) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(admitted.retryAfterMs / 1000))));
      throw new AppError('too-many-messages', 429, 'too many messages; wait a moment');
    }
    const result = await sendVisitorMessage(runtime, token, body.body, body.visibility);
    const row = result.message ? await store.channels.message(result.message.id) : null;
    if (!row) throw new AppError('internal', 500, 'the message was not stored');
    return c.json((await toVisitorMessages([row]))[0]!, 201);
  });

  r.openapi(view, async (c) => c.json(await visitorView(deps, tokenOf(c)), 200));
  r.openapi(typing, async (c) => {
    await visitorTyping(deps, tokenOf(c));
    return c.body(null, 204);
  });
  r.openapi(read, async (c) => {
    await visitorRead(deps, tokenOf(c));
    return c.body(null, 204);
  });
  r.openapi(leave, async (c) => c.json(await leaveVisitorChat(deps, tokenOf(c)), 200));

  r.openapi(download, async (c) => {
    const file = await visitorAttachment(store, tokenOf(c), clock.now(), c.req.valid('param').id);
    return sendAttachment(c, file);
  });

  r.openapi(events, async (c) => {
    const token = tokenOf(c);
    const visitor = await visitorByToken(store, token, clock.now());
    if ((streams.get(visitor.id) ?? 0) >= STREAMS_PER_VISITOR || streamCount >= VISITOR_STREAMS) {
      throw new AppError('too-many-streams', 429, 'too many live streams for this chat');
    }
    streams.set(visitor.id, (streams.get(visitor.id) ?? 0) + 1);
    streamCount++;
    const last = c.req.header('last-event-id') ?? c.req.valid('query').lastEventId ?? null;
    c.header('X-Accel-Buffering', 'no');
    const response = streamSSE(c, async (s) => {
      try {
        await serveLiveStream(s, {
          store,
          feed,
          // What a customer hears of their own case, for this one case only.
          filter: (change) =>
            change.caseId === visitor.caseId ? customerKinds(change, visitor.customerId) : null,
          lastEventId: last,
          iso: isoAt,
          async stillAllowed() {
            const row = await store.chatVisitors.get(visitor.id);
            return row !== null && row.expiresAt > clock.now();
          },
        });
      } finally {
        streamCount--;
        const left = (streams.get(visitor.id) ?? 1) - 1;
        if (left > 0) streams.set(visitor.id, left);
        else streams.delete(visitor.id);
      }
    });
    // biome-ignore lint/suspicious/noExplicitAny: a stream is not one of the declared JSON answers
    return response as any;
  });
  return r;
}

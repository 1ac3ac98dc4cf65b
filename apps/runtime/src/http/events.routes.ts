import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { requireUser } from '../auth/roles';
import { sessionEnded } from '../auth/session-policy';
import { AppError, unauthorized } from '../executor/errors';
import { requireSupervisor } from '../executor/supervisor-overview';
import { createChangeFeed } from '../live/change-feed';
import { serveLiveStream } from '../live/live-stream';
import {
  caseStreamFilter,
  type StreamFilter,
  supervisorStreamFilter,
  userStreamFilter,
} from '../live/stream-filter';
import { issueTicket, TICKET_TTL_MS, ticketSession } from '../live/stream-ticket';
import { isSupervisor } from '../routing/agent-profile';
import type { UserRow } from '../store/store';
import { visibleCase } from './case-access';
import type { AppDeps, Router } from './context';
import { bearer, errorResponses, IdParam, isoAt, json, newRouter } from './openapi';

const tags = ['events'];
/** Open streams one user may hold in one process (a browser keeps ~6 connections per site). */
export const STREAMS_PER_USER = 8;

const StreamTicket = z.object({ ticket: z.string(), expiresAt: z.string() }).openapi('StreamTicket');
const StreamQuery = z.object({
  ticket: z.string().max(1000).describe('from POST /events/ticket (EventSource sends no headers)'),
  lastEventId: z
    .string()
    .max(100)
    .optional()
    .describe('resume after this event id when the Last-Event-ID header cannot be set'),
});
const sse = { 200: { description: 'text/event-stream of `change`, `reset`, `ready` and `end` events' } };

const ticket = createRoute({
  method: 'post',
  path: '/events/ticket',
  tags,
  summary: 'A one-minute ticket that opens live streams for the signed-in session',
  security: bearer,
  middleware: [requireUser] as const,
  responses: { 200: json(StreamTicket, 'the ticket'), 401: errorResponses[401] },
});
const userEvents = createRoute({
  method: 'get',
  path: '/events',
  tags,
  summary:
    "Server-sent events of the caller's queues and requests (case, task, message and SLA changes); resumable with Last-Event-ID",
  request: { query: StreamQuery },
  responses: { ...sse, 401: errorResponses[401], 429: errorResponses[400] },
});
const supervisorEvents = createRoute({
  method: 'get',
  path: '/supervisor/events',
  tags,
  summary:
    'Server-sent events for the supervisor overview (supervisors only): a `change` whenever work, clocks or cases change anywhere',
  request: { query: StreamQuery },
  responses: { ...sse, 401: errorResponses[401], 403: errorResponses[403], 429: errorResponses[400] },
});
const caseEvents = createRoute({
  method: 'get',
  path: '/cases/{id}/events',
  tags,
  summary: 'Server-sent events of one case the caller may see; resumable with Last-Event-ID',
  request: { params: IdParam, query: StreamQuery },
  responses: { ...sse, 401: errorResponses[401], 404: errorResponses[404], 429: errorResponses[400] },
});

/**
 * Whether a user still has the roles, groups and customer a stream's filter was made from:
 * a stream filters by them as they were when it opened, so one taken out of a group ends (at
 * the next heartbeat, `access changed`: the client opens it again) instead of hearing that
 * group's changes while the session lives.
 */
function sameAccess(opened: UserRow): (user: UserRow) => boolean {
  const key = (u: UserRow) => JSON.stringify([[...u.roles].sort(), [...u.groups].sort(), u.customerId]);
  const was = key(opened);
  return (user) => key(user) === was;
}

/**
 * POST /events/ticket, GET /events and GET /cases/:id/events (DESIGN §10). Streams are
 * authenticated by ticket only (never the session token in a URL), access-checked like the case
 * itself, limited per user, and closed when the session ends or the user's access changes.
 */
export function eventsRoutes({ runtime, config, logger }: AppDeps): Router {
  const r = newRouter();
  const { store, clock } = runtime;
  const feed = createChangeFeed({ store, logger, now: () => clock.now() });
  runtime.onCommit(() => feed.wake());
  const open = new Map<string, number>();

  /** The ticket's live session and user: 401 otherwise. */
  async function ticketUser(value: string): Promise<{ user: UserRow; sessionId: string }> {
    const sessionId = ticketSession(value, config.secret, Date.now());
    const found = sessionId ? await store.sessions.getWithUser(sessionId) : null;
    if (!found || sessionEnded(found.session, found.user, Date.now(), config.sessions)) {
      throw unauthorized('the stream ticket is invalid or expired; ask for a new one');
    }
    return { user: found.user, sessionId: found.session.id };
  }

  function stream(
    c: Parameters<typeof streamSSE>[0],
    who: { user: UserRow; sessionId: string },
    filter: StreamFilter,
    lastEventId: string | null,
    /** Besides a live session: does the user still qualify (checked on every heartbeat)? */
    qualifies: (user: UserRow) => boolean = () => true,
    /** Is the stream's filter still the user's (false: reopen it, `access-changed`)? */
    current: (user: UserRow) => boolean = () => true,
  ) {
    const name = who.user.username;
    if ((open.get(name) ?? 0) >= STREAMS_PER_USER) {
      throw new AppError('too-many-streams', 429, `at most ${STREAMS_PER_USER} live streams per user`);
    }
    open.set(name, (open.get(name) ?? 0) + 1);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (s) => {
      try {
        await serveLiveStream(s, {
          store,
          feed,
          filter,
          lastEventId,
          iso: isoAt,
          async stillAllowed() {
            const found = await store.sessions.getWithUser(who.sessionId);
            if (
              found === null ||
              sessionEnded(found.session, found.user, Date.now(), config.sessions) ||
              !qualifies(found.user)
            ) {
              return false;
            }
            return current(found.user) || 'access-changed';
          },
        });
      } finally {
        const left = (open.get(name) ?? 1) - 1;
        if (left > 0) open.set(name, left);
        else open.delete(name);
      }
    });
  }

  r.openapi(ticket, async (c) => {
    const sessionId = c.get('sessionId');
    if (!sessionId) throw unauthorized();
    const expiresAt = Date.now() + TICKET_TTL_MS;
    return c.json(
      { ticket: issueTicket(sessionId, expiresAt, config.secret), expiresAt: isoAt(expiresAt) },
      200,
    );
  });

  r.openapi(userEvents, async (c) => {
    const query = c.req.valid('query');
    const who = await ticketUser(query.ticket);
    const last = c.req.header('last-event-id') ?? query.lastEventId ?? null;
    // biome-ignore lint/suspicious/noExplicitAny: a stream is not one of the declared JSON answers
    return stream(c, who, userStreamFilter(who.user), last, undefined, sameAccess(who.user)) as any;
  });

  r.openapi(supervisorEvents, async (c) => {
    const query = c.req.valid('query');
    const who = await ticketUser(query.ticket);
    // The same rule as the overview itself (a removed supervisor's stream ends at the next beat).
    await requireSupervisor(store, who.user.username);
    const last = c.req.header('last-event-id') ?? query.lastEventId ?? null;
    // biome-ignore lint/suspicious/noExplicitAny: a stream is not one of the declared JSON answers
    return stream(c, who, supervisorStreamFilter(who.user), last, isSupervisor) as any;
  });

  r.openapi(caseEvents, async (c) => {
    const query = c.req.valid('query');
    const { id } = c.req.valid('param');
    const who = await ticketUser(query.ticket);
    // 404 for a case the user may not see (other customers', subflow children for customers).
    await visibleCase(runtime, who.user, id);
    const last = c.req.header('last-event-id') ?? query.lastEventId ?? null;
    // biome-ignore lint/suspicious/noExplicitAny: a stream is not one of the declared JSON answers
    return stream(c, who, caseStreamFilter(who.user, id), last, undefined, sameAccess(who.user)) as any;
  });
  return r;
}

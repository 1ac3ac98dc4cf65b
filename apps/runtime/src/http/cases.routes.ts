import {
  Case,
  CaseCreate,
  CaseStatus,
  CustomerCase,
  CustomerCaseItem,
  formatCaseNumber,
  MessageCreate,
  SignalDeliver,
  TimelineEntry,
} from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { isCustomerOnly, requireRole } from '../auth/roles';
import { listCustomerCases } from '../executor/customer-case';
import type { CaseSummary } from '../store/store';
import { caseAnswerFor, caseFor, countEvent, visibleCase } from './case-access';
import type { AppDeps, Router } from './context';
import { displayNames } from './display-names';
import { AppError } from './errors';
import { idempotent } from './idempotency';
import { toIncidentRef } from './incidents.routes';
import {
  bearer,
  errorResponses,
  IdParam,
  iso,
  isoAt,
  json,
  jsonBody,
  newRouter,
  PageQuery,
  pageOf,
} from './openapi';
import { MessageResource, toMessage, toMessages } from './resources';
import { withOffers } from './task-offers';
import { UploadBudget } from './upload-budget';

const tags = ['cases'];
const staffOrCustomer = requireRole('agent', 'customer');
const staff = requireRole('agent');

/** A case in a list: the Case resource without tasks, SLAs, surveys and variables. */
export const CaseListItem = Case.pick({
  id: true,
  number: true,
  parentCaseId: true,
  flow: true,
  version: true,
  pilotId: true,
  cohort: true,
  customerId: true,
  channel: true,
  subject: true,
  priority: true,
  status: true,
  activeNodes: true,
  createdAt: true,
  closedAt: true,
}).extend({ updatedAt: z.string() });
/** A case row as a list item (times as ISO strings). */
export function toCaseListItem(c: CaseSummary): z.infer<typeof CaseListItem> {
  return {
    id: c.id,
    number: c.number === null ? null : formatCaseNumber(c.number),
    parentCaseId: c.parentCaseId,
    flow: c.flow,
    version: c.version,
    pilotId: c.pilotId,
    cohort: c.cohort,
    customerId: c.customerId,
    channel: c.channel,
    subject: c.subject,
    priority: c.priority,
    status: c.status,
    activeNodes: c.activeNodes,
    createdAt: isoAt(c.createdAt),
    updatedAt: isoAt(c.updatedAt),
    closedAt: iso(c.closedAt),
  };
}

const openCase = createRoute({
  method: 'post',
  path: '/cases',
  tags,
  summary:
    'Open a case from any channel (customers: only flows the catalog offers them, checked by its form)',
  security: bearer,
  middleware: [staffOrCustomer] as const,
  request: { body: jsonBody(CaseCreate) },
  responses: {
    201: json(z.union([Case, CustomerCase]), 'the opened case (customers: their view of it)'),
    ...errorResponses,
  },
});
const listCases = createRoute({
  method: 'get',
  path: '/cases',
  tags,
  summary: 'List cases, newest first (customers: their own requests, no subflow children)',
  security: bearer,
  middleware: [staffOrCustomer] as const,
  request: {
    query: PageQuery.extend({
      status: CaseStatus.optional(),
      customer: z.string().max(200).optional(),
      flow: z.string().max(200).optional(),
      queue: z.string().max(200).optional(),
      q: z.string().max(200).optional().describe('number (REQ-000123 or 123), subject text or customer id'),
    }),
  },
  responses: {
    200: json(pageOf(z.union([CaseListItem, CustomerCaseItem])), 'a page of cases'),
    ...errorResponses,
  },
});
const getCase = createRoute({
  method: 'get',
  path: '/cases/{id}',
  tags,
  summary: 'A case with its tasks, SLAs and surveys (customers: their view of their own case)',
  security: bearer,
  middleware: [staffOrCustomer] as const,
  request: { params: IdParam },
  responses: { 200: json(z.union([Case, CustomerCase]), 'the case'), ...errorResponses },
});
/** Paging of a case's timeline and messages: `?limit=&cursor=&order=asc|desc`. */
const HistoryQuery = PageQuery.extend({ order: z.enum(['asc', 'desc']).optional() });
const timeline = createRoute({
  method: 'get',
  path: '/cases/{id}/timeline',
  tags,
  summary:
    'The audit trail, a page at a time: oldest first, or newest first with order=desc (customers: public entries)',
  security: bearer,
  middleware: [staffOrCustomer] as const,
  request: { params: IdParam, query: HistoryQuery },
  responses: { 200: json(pageOf(TimelineEntry), 'timeline entries'), ...errorResponses },
});
const listMessages = createRoute({
  method: 'get',
  path: '/cases/{id}/messages',
  tags,
  summary: 'Messages exchanged on a case, a page at a time: oldest first, or newest first with order=desc',
  security: bearer,
  middleware: [staffOrCustomer] as const,
  request: { params: IdParam, query: HistoryQuery },
  responses: { 200: json(pageOf(MessageResource), 'messages'), ...errorResponses },
});
const addMessage = createRoute({
  method: 'post',
  path: '/cases/{id}/messages',
  tags,
  summary: 'Record an interaction; the first agent message is the first response',
  security: bearer,
  middleware: [staffOrCustomer] as const,
  request: { params: IdParam, body: jsonBody(MessageCreate) },
  responses: { 201: json(MessageResource, 'the message'), ...errorResponses },
});
const signal = createRoute({
  method: 'post',
  path: '/cases/{id}/signals',
  tags,
  summary: 'Deliver a signal to a waiting node',
  security: bearer,
  middleware: [staff] as const,
  request: { params: IdParam, body: jsonBody(SignalDeliver) },
  responses: { 200: json(Case, 'the case after the signal'), ...errorResponses },
});
const cancel = createRoute({
  method: 'post',
  path: '/cases/{id}/cancel',
  tags,
  summary:
    'Cancel an open case (an agent who opened it or works it, supervisors and admins; customers withdraw their own requests)',
  security: bearer,
  middleware: [staffOrCustomer] as const,
  request: {
    params: IdParam,
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ reason: z.string().max(2000).default('') }) } },
    },
  },
  responses: {
    200: json(z.union([Case, CustomerCase]), 'the cancelled case (customers: their view of it)'),
    ...errorResponses,
  },
});

/** Cases: open, list, read, timeline, messages, signals, cancel (DESIGN §5). */
export function casesRoutes({ runtime, metrics, config }: AppDeps): Router {
  const r = newRouter();
  const uploads = new UploadBudget(config.uploadBytesPerHour);
  r.use('/cases', idempotent(runtime.store));
  // A message can open a case (on a closed request) and a cancel is answered once: a client's
  // retry after a lost answer gets the first answer again.
  r.use('/cases/:id/messages', idempotent(runtime.store));
  r.use('/cases/:id/cancel', idempotent(runtime.store));
  r.openapi(openCase, async (c) => {
    // Who may open which flow (customers: only what the catalog offers them) is the command's.
    const user = c.get('user')!;
    const record = await runtime.openCaseAs({ ...c.req.valid('json'), actor: actorOf(user) });
    metrics.caseOpened(record.flow);
    return c.json(await caseAnswerFor(runtime, user, record), 201);
  });
  r.openapi(listCases, async (c) => {
    const user = c.get('user')!;
    const q = c.req.valid('query');
    const paging = { limit: q.limit, cursor: q.cursor ?? null };
    if (isCustomerOnly(user)) {
      // Their own top-level cases, whatever customer or queue the query names (staff filters).
      const page = await listCustomerCases(runtime.store, user.customerId, {
        status: q.status,
        flow: q.flow,
        q: q.q,
        ...paging,
      });
      return c.json(page, 200);
    }
    const page = await runtime.store.cases.list({
      status: q.status,
      customerId: q.customer,
      flow: q.flow,
      queue: q.queue,
      q: q.q,
      ...paging,
    });
    return c.json({ items: page.items.map(toCaseListItem), next: page.next }, 200);
  });
  r.openapi(getCase, async (c) => {
    const user = c.get('user')!;
    const id = c.req.valid('param').id;
    // Customers get their projection of their own case: never incidents or other internals.
    if (isCustomerOnly(user)) return c.json(await caseFor(runtime, user, id), 200);
    const record = await visibleCase(runtime, user, id);
    // Staff see what is stuck on the case (DESIGN §8).
    const [incidents, tasks, customer] = await Promise.all([
      runtime.openIncidents(record.id),
      withOffers(runtime.store, record.tasks),
      record.customerId ? runtime.store.customers.get(record.customerId) : null,
    ]);
    return c.json(
      { ...record, tasks, incidents: incidents.map(toIncidentRef), customerName: customer?.name ?? null },
      200,
    );
  });
  r.openapi(timeline, async (c) => {
    const user = c.get('user')!;
    const { id } = c.req.valid('param');
    await visibleCase(runtime, user, id);
    const page = await runtime.timelinePage(id, {
      ...c.req.valid('query'),
      publicOnly: isCustomerOnly(user),
    });
    const names = await displayNames(
      runtime.store,
      page.items.map((e) => e.actor),
    );
    const items = page.items.map((e) => ({ ...e, actorName: e.actor ? (names.get(e.actor) ?? null) : null }));
    return c.json({ items, next: page.next }, 200);
  });
  r.openapi(listMessages, async (c) => {
    const { id } = c.req.valid('param');
    const user = c.get('user')!;
    await visibleCase(runtime, user, id);
    // Internal notes are for staff: a customer's page never holds them (DESIGN §10).
    const page = await runtime.store.messages.pageByCase(id, {
      ...c.req.valid('query'),
      publicOnly: isCustomerOnly(user),
    });
    const names = await displayNames(
      runtime.store,
      page.items.map((m) => m.author),
    );
    const items = (await toMessages(runtime.store, page.items)).map((m) => ({
      ...m,
      authorName: m.author ? (names.get(m.author) ?? null) : null,
    }));
    return c.json({ items, next: page.next }, 200);
  });
  r.openapi(addMessage, async (c) => {
    const user = c.get('user')!;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    // The files' size from their base64 text: a refused upload is never decoded.
    const bytes = (body.attachments ?? []).reduce(
      (sum, a) => sum + Buffer.byteLength(a.content, 'base64'),
      0,
    );
    const wait = uploads.take(user.username, bytes, runtime.clock.now());
    if (wait > 0) {
      const message = `you uploaded more than ${config.uploadBytesPerHour} bytes of files in the last hour; retry in ${wait} s`;
      c.header('Retry-After', String(wait));
      throw new AppError('upload-quota', 429, message, [{ path: 'attachments', message }]);
    }
    // Who may write, and as whom (a customer always as the customer, never an internal
    // note), is the command's rule.
    let message: Awaited<ReturnType<typeof runtime.addMessage>>;
    try {
      message = await runtime.addMessage(id, {
        body: body.body,
        channel: body.channel,
        visibility: body.visibility,
        from: body.from ?? 'agent',
        author: actorOf(user),
        attachments: body.attachments?.map((a) => ({
          name: a.name,
          contentType: a.contentType,
          data: Buffer.from(a.content, 'base64'),
        })),
      });
    } catch (error) {
      uploads.refund(user.username, bytes);
      throw error;
    }
    metrics.event('message');
    if (message.repliedCase) countEvent(metrics, 'signal', message.repliedCase);
    return c.json(toMessage(message, message.attachments), 201);
  });
  r.openapi(signal, async (c) => {
    const user = c.get('user')!;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const record = await runtime.signal(id, body.name, body.data, actorOf(user));
    countEvent(metrics, 'signal', record);
    return c.json(record, 200);
  });
  r.openapi(cancel, async (c) => {
    const user = c.get('user')!;
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json') as { reason?: string };
    const record = await runtime.cancelCase(id, reason ?? '', actorOf(user));
    countEvent(metrics, 'case.cancel', record);
    return c.json(await caseAnswerFor(runtime, user, record), 200);
  });
  return r;
}

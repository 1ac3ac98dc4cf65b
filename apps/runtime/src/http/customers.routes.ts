import { randomBytes } from 'node:crypto';
import {
  CustomerCaseItem,
  CustomerCreate,
  CustomerMerge,
  CustomerMergeRequest,
  Task,
} from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf, assertVisible } from '../auth/access';
import { isCustomerOnly, requireRole } from '../auth/roles';
import { listCustomerCases } from '../executor/customer-case';
import type { CustomerRow, Store } from '../store/store';
import { CaseListItem, toCaseListItem } from './cases.routes';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { idempotent } from './idempotency';
import { bearer, errorResponses, IdParam, json, jsonBody, newRouter, PageQuery, pageOf } from './openapi';
import {
  CustomerResource,
  MessageResource,
  SurveyResource,
  toCustomer,
  toCustomerMerge,
  toMessages,
  toSurvey,
} from './resources';

const tags = ['customers'];
const staff = requireRole('agent');
const staffOrCustomer = requireRole('agent', 'customer');

const Customer360 = CustomerResource.extend({
  /** Customers reading their own profile get their requests only, as CustomerCaseItem. */
  cases: z.array(z.union([CaseListItem, CustomerCaseItem])),
  channels: z.array(z.string()),
  messages: z.array(MessageResource),
  surveys: z.array(SurveyResource),
  openTasks: z.array(Task),
  /** Merges into or out of this customer, newest first (up to 50): who merged what, when. */
  merges: z.array(CustomerMerge),
});

const list = createRoute({
  method: 'get',
  path: '/customers',
  tags,
  summary:
    "Customers, optionally by segment or a search over id, name, email and phone (requests on a customer's behalf)",
  security: bearer,
  middleware: [staff] as const,
  request: {
    query: PageQuery.extend({ segment: z.string().optional(), search: z.string().max(200).optional() }),
  },
  responses: { 200: json(pageOf(CustomerResource), 'a page of customers'), ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/customers',
  tags,
  summary: 'Create a customer profile',
  security: bearer,
  middleware: [staff] as const,
  request: { body: jsonBody(CustomerCreate) },
  responses: { 201: json(CustomerResource, 'the new customer'), ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/customers/{id}',
  tags,
  summary: '360 view: profile, cases, channels, messages, surveys, open tasks',
  security: bearer,
  middleware: [staffOrCustomer] as const,
  request: { params: IdParam },
  responses: { 200: json(Customer360, 'the customer'), ...errorResponses },
});

const merge = createRoute({
  method: 'post',
  path: '/customers/{id}/merge',
  tags,
  summary:
    'Merge the customer `from` into this one (staff): its cases, messages, surveys, chats and portal users move here, this one takes its e-mail/phone where it has none, and `from` stays as a tombstone (`mergedInto`) that its id and addresses resolve through. A retried merge answers the same; 422 for a merge into itself, from a customer merged elsewhere or into a merged one',
  security: bearer,
  middleware: [staff] as const,
  request: { params: IdParam, body: jsonBody(CustomerMergeRequest) },
  responses: { 200: json(Customer360, 'the merged customer (360 view)'), ...errorResponses },
});

/** Merges into or out of a customer, as its 360 view lists them. */
async function mergesOf(store: Store, id: string) {
  return (await store.customerMerges.listFor(id, 50)).map(toCustomerMerge);
}

/**
 * A customer's view of their own profile: their requests (top-level cases, customer
 * projection), the messages and surveys of those, and no tasks (tasks are internal work). The
 * team's notes on them — segment, attributes, tags (a flow may tag someone "fraud-watch") —
 * are internal too: answered empty.
 */
async function ownView(store: Store, customer: CustomerRow): Promise<z.infer<typeof Customer360>> {
  const [cases, messages, surveys] = await Promise.all([
    listCustomerCases(store, customer.id, { limit: 100 }),
    store.messages.listByCustomer(customer.id, 100, { publicOnly: true }),
    store.surveys.listByCustomer(customer.id),
  ]);
  // Messages and surveys of subflow children (internal cases) stay out, also of older ones.
  const visible = new Set(cases.items.map((x) => x.id));
  const hidden = new Set<string>();
  for (const caseId of new Set([...messages, ...surveys].map((x) => x.caseId))) {
    if (visible.has(caseId)) continue;
    const row = await store.cases.get(caseId);
    if (!row || row.parentCaseId !== null) hidden.add(caseId);
  }
  const mine = <T extends { caseId: string }>(rows: T[]) => rows.filter((x) => !hidden.has(x.caseId));
  const channels = [
    ...new Set([...cases.items.map((x) => x.channel), ...mine(messages).map((m) => m.channel)]),
  ].sort();
  return {
    ...toCustomer(customer),
    segment: null,
    attributes: {},
    tags: [],
    cases: cases.items,
    channels,
    messages: await toMessages(store, mine(messages)),
    surveys: mine(surveys).map(toSurvey),
    openTasks: [],
    merges: [],
  };
}

/** Customer profiles and the 360 view (customers may read their own). */
export function customersRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const store = runtime.store;
  r.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await store.customers.list({ ...q, cursor: q.cursor ?? null });
    return c.json({ items: page.items.map(toCustomer), next: page.next }, 200);
  });
  r.use('/customers', idempotent(store));
  r.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const now = runtime.clock.now();
    const customer = await store.customers.create({
      ...body,
      id: body.id ?? `c-${randomBytes(5).toString('hex')}`,
      email: body.email ?? null,
      phone: body.phone ?? null,
      segment: body.segment ?? null,
      createdAt: now,
      updatedAt: now,
    });
    return c.json(toCustomer(customer), 201);
  });
  r.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const user = c.get('user')!;
    assertVisible(user, id, 'customer', id);
    const customer = await store.customers.get(id);
    if (!customer) throw notFound('customer', id);
    if (isCustomerOnly(user)) return c.json(await ownView(store, customer), 200);
    return c.json(await staffView(customer), 200);
  });
  r.openapi(merge, async (c) => {
    const { id } = c.req.valid('param');
    const { from } = c.req.valid('json');
    const merged = await runtime.mergeCustomers(id, from, actorOf(c.get('user')!));
    return c.json(await staffView(merged.customer), 200);
  });

  /** Staff's 360 view: every case, message and survey, the open tasks and the merges. */
  async function staffView(customer: CustomerRow): Promise<z.infer<typeof Customer360>> {
    const id = customer.id;
    const [cases, messages, surveys, merges] = await Promise.all([
      store.cases.list({ customerId: id, limit: 100 }),
      store.messages.listByCustomer(id, 100),
      store.surveys.listByCustomer(id),
      mergesOf(store, id),
    ]);
    const openIds = cases.items.filter((x) => x.status === 'open').map((x) => x.id);
    const tasks = openIds.length === 0 ? [] : await store.tasks.listByCases(openIds);
    const channels = [
      ...new Set([...cases.items.map((x) => x.channel), ...messages.map((m) => m.channel)]),
    ].sort();
    return {
      ...toCustomer(customer),
      cases: cases.items.map(toCaseListItem),
      channels,
      messages: await toMessages(store, messages),
      surveys: surveys.map(toSurvey),
      openTasks: tasks
        .filter((t) => t.status === 'open' || t.status === 'claimed')
        .map((t) => runtime.toTask(t)),
      merges,
    };
  }
  return r;
}

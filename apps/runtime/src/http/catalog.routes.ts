import { Case, CatalogItem, CatalogItemBody, CatalogRequestCreate, CustomerCase } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { requireRole, requireUser } from '../auth/roles';
import { mayRequest } from '../executor/catalog-rules';
import type { Runtime } from '../executor/types';
import type { CatalogItemRow, CustomerRow, UserRow } from '../store/store';
import { caseAnswerFor } from './case-access';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { idempotent } from './idempotency';
import { bearer, errorResponses, isoAt, json, jsonBody, KeyParam, newRouter } from './openapi';

const tags = ['catalog'];
const owner = requireRole('owner');
const requester = requireRole('agent', 'customer');

const ItemResource = CatalogItem.extend({ updatedAt: z.string() });
function toItem(row: CatalogItemRow): z.infer<typeof ItemResource> {
  return { ...row, updatedAt: isoAt(row.updatedAt) };
}

const list = createRoute({
  method: 'get',
  path: '/catalog',
  tags,
  summary: 'Catalog items the caller may request, by category and name',
  security: bearer,
  middleware: [requireUser] as const,
  responses: {
    200: json(z.object({ items: z.array(ItemResource), next: z.null() }), 'items'),
    ...errorResponses,
  },
});
const get = createRoute({
  method: 'get',
  path: '/catalog/{key}',
  tags,
  summary: 'One catalog item with its request form',
  security: bearer,
  middleware: [requireUser] as const,
  request: { params: KeyParam },
  responses: { 200: json(ItemResource, 'the item'), ...errorResponses },
});
const put = createRoute({
  method: 'put',
  path: '/catalog/{key}',
  tags,
  summary: 'Create or replace a catalog item',
  security: bearer,
  middleware: [owner] as const,
  request: { params: KeyParam, body: jsonBody(CatalogItemBody) },
  responses: { 200: json(ItemResource, 'the saved item'), ...errorResponses },
});
const request = createRoute({
  method: 'post',
  path: '/catalog/{key}/requests',
  tags,
  summary: 'Submit a request: validates values against the form and opens a case',
  security: bearer,
  middleware: [requester] as const,
  request: { params: KeyParam, body: jsonBody(CatalogRequestCreate) },
  responses: {
    201: json(z.union([Case, CustomerCase]), 'the opened case (customers: their view of it)'),
    ...errorResponses,
  },
});

async function customerOf(runtime: Runtime, user: UserRow): Promise<CustomerRow | null> {
  return user.customerId ? runtime.store.customers.get(user.customerId) : null;
}

/** The item if it exists and `user` may see it; 404 otherwise (hidden items do not leak). */
async function visibleItem(runtime: Runtime, user: UserRow, key: string): Promise<CatalogItemRow> {
  const item = await runtime.store.catalog.get(key);
  if (!item || !mayRequest(user, item, await customerOf(runtime, user), runtime.clock.now())) {
    throw notFound('catalog item', key);
  }
  return item;
}

/** The service catalog: browse, edit, and request (which opens a case of the item's flow). */
export function catalogRoutes({ runtime, metrics }: AppDeps): Router {
  const r = newRouter();
  const store = runtime.store;
  r.openapi(list, async (c) => {
    const user = c.get('user')!;
    const customer = await customerOf(runtime, user);
    const now = runtime.clock.now();
    const items = (await store.catalog.list())
      .filter((item) => mayRequest(user, item, customer, now))
      .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));
    return c.json({ items: items.map(toItem), next: null }, 200);
  });
  r.openapi(get, async (c) => {
    return c.json(toItem(await visibleItem(runtime, c.get('user')!, c.req.valid('param').key)), 200);
  });
  r.openapi(put, async (c) => {
    const { key } = c.req.valid('param');
    const saved = await runtime.saveCatalogItem(key, c.req.valid('json'), actorOf(c.get('user')!));
    return c.json(toItem(saved), 200);
  });
  r.use('/catalog/:key/requests', idempotent(store));
  r.openapi(request, async (c) => {
    // Audience, beneficiary and form are checked by the executor's command, in its transaction.
    const user = c.get('user')!;
    const body = c.req.valid('json');
    const record = await runtime.requestFromCatalog({
      item: c.req.valid('param').key,
      values: body.values,
      ...(body.onBehalfOf === undefined ? {} : { onBehalfOf: body.onBehalfOf }),
      ...(body.channel === undefined ? {} : { channel: body.channel }),
      actor: actorOf(user),
    });
    metrics.caseOpened(record.flow);
    return c.json(await caseAnswerFor(runtime, user, record), 201);
  });
  return r;
}

import { Case, ProactiveSignal } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { requireRole } from '../auth/roles';
import type { Runtime } from '../executor/types';
import type { AppDeps, Router } from './context';
import { badRequest, notFound } from './errors';
import { idempotent } from './idempotency';
import { bearer, errorResponses, json, jsonBody, newRouter } from './openapi';

const NameParam = z.object({ name: z.string().min(1).max(200) });

const trigger = createRoute({
  method: 'post',
  path: '/signals/{name}',
  tags: ['cases'],
  summary: 'Proactive trigger: opens a case of every flow whose start waits for this signal',
  security: bearer,
  middleware: [requireRole('agent')] as const,
  request: { params: NameParam, body: jsonBody(ProactiveSignal) },
  responses: {
    201: json(z.object({ items: z.array(Case), next: z.null() }), 'the opened cases'),
    ...errorResponses,
  },
});

interface StartLike {
  type?: unknown;
  trigger?: { kind?: unknown; signal?: unknown };
}

/** Keys of flows whose active version starts on `signal` (trigger.kind "signal"). */
export async function flowsBoundTo(runtime: Runtime, signal: string): Promise<string[]> {
  const keys: string[] = [];
  for (const flow of await runtime.store.flows.list()) {
    if (flow.activeVersion === null) continue;
    const version = await runtime.getVersion(flow.key, flow.activeVersion);
    const nodes = ((version?.definition as { nodes?: StartLike[] } | undefined)?.nodes ?? []) as StartLike[];
    const start = nodes.find((n) => n.type === 'start');
    if (start?.trigger?.kind === 'signal' && start.trigger.signal === signal) keys.push(flow.key);
  }
  return keys;
}

/** POST /signals/:name — monitoring alerts and other systems start cases proactively. */
export function signalsRoutes({ runtime, metrics }: AppDeps): Router {
  const r = newRouter();
  r.use('/signals/:name', idempotent(runtime.store));
  r.openapi(trigger, async (c) => {
    const { name } = c.req.valid('param');
    const { customerId, data } = c.req.valid('json');
    if (!(await runtime.store.customers.get(customerId))) {
      throw badRequest(`unknown customer ${customerId}`, [
        { path: 'customerId', message: 'unknown customer' },
      ]);
    }
    const flows = await flowsBoundTo(runtime, name);
    if (flows.length === 0) throw notFound('flow started by signal', name);
    const items = [];
    for (const flow of flows) {
      const record = await runtime.openCase({
        flow,
        customerId,
        channel: 'api',
        subject: `Signal ${name}`,
        variables: { signal: { name, data: data ?? null } },
        actor: actorOf(c.get('user')!),
      });
      metrics.caseOpened(record.flow);
      items.push(record);
    }
    return c.json({ items, next: null }, 201);
  });
  return r;
}

import { diffFlows } from '@caseflow/engine';
import {
  ActivateRequest,
  FlowDefinition,
  FlowDefinitionBody,
  FlowSave,
  FlowSaved,
  LIMITS,
  Pilot,
  Problem,
  PublishRequest,
} from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { requireRole } from '../auth/roles';
import { redactCredentials } from '../connections/redact-credentials';
import type { Runtime } from '../executor/types';
import type { FlowRow, FlowVersionRow } from '../store/store';
import type { AppDeps, Router } from './context';
import { badRequest, notFound } from './errors';
import { idempotent } from './idempotency';
import { bearer, errorResponses, isoAt, json, jsonBody, KeyParam, newRouter } from './openapi';
import { toPilot, toVersion, VersionResource } from './resources';

const tags = ['flows'];
const owner = requireRole('owner');
const admin = requireRole('admin');

const VersionSummary = VersionResource.omit({ definition: true, config: true }).extend({
  active: z.boolean(),
});
const FlowSummary = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.string(),
  draft: z.object({
    valid: z.boolean(),
    errors: z.number().int(),
    warnings: z.number().int(),
    updatedAt: z.string(),
  }),
  versions: z.array(z.number().int()),
  latestVersion: z.number().int().nullable(),
  activeVersion: z.number().int().nullable(),
  pilots: z.array(Pilot),
  updatedBy: z.string().nullable(),
});
const FlowDetail = FlowSummary.extend({
  definition: z.unknown(),
  problems: z.array(Problem),
  versionList: z.array(VersionSummary),
  createdAt: z.string(),
});
const VersionParam = KeyParam.extend({ v: z.coerce.number().int().min(1).max(LIMITS.int) });

function summarizeVersion(v: FlowVersionRow, activeVersion: number | null): z.infer<typeof VersionSummary> {
  const { definition: _d, config: _c, ...rest } = toVersion(v);
  return { ...rest, active: v.version === activeVersion };
}

async function summarize(runtime: Runtime, flow: FlowRow): Promise<z.infer<typeof FlowSummary>> {
  const [versions, pilots] = await Promise.all([
    runtime.store.flowVersions.list(flow.key),
    runtime.store.pilots.list(flow.key),
  ]);
  const errors = flow.problems.filter((p) => p.severity === 'error').length;
  return {
    key: flow.key,
    name: flow.name,
    kind: flow.kind,
    draft: {
      valid: errors === 0,
      errors,
      warnings: flow.problems.length - errors,
      updatedAt: isoAt(flow.updatedAt),
    },
    versions: versions.map((v) => v.version),
    latestVersion: versions[0]?.version ?? null,
    activeVersion: flow.activeVersion,
    pilots: pilots.filter((p) => p.status === 'active').map(toPilot),
    updatedBy: flow.updatedBy,
  };
}

async function flowOr404(runtime: Runtime, key: string): Promise<FlowRow> {
  const flow = await runtime.store.flows.get(key);
  if (!flow) throw notFound('flow', key);
  return flow;
}

async function versionOr404(runtime: Runtime, key: string, v: number): Promise<FlowVersionRow> {
  const row = await runtime.getVersion(key, v);
  if (!row) throw notFound('version', `${key}@${v}`);
  return row;
}

const route = <T extends Parameters<typeof createRoute>[0]>(config: T) =>
  createRoute({ tags, security: bearer, ...config });

const list = route({
  method: 'get',
  path: '/flows',
  summary: 'Flows with draft status, versions, active version and pilots',
  middleware: [owner] as const,
  responses: {
    200: json(z.object({ items: z.array(FlowSummary), next: z.null() }), 'flows'),
    ...errorResponses,
  },
});
const save = route({
  method: 'put',
  path: '/flows/{key}',
  summary: 'Save the draft (drafts may be invalid); answers its problems',
  middleware: [owner] as const,
  request: { params: KeyParam, body: jsonBody(FlowSave) },
  responses: {
    200: json(FlowSaved, 'validation problems of the draft and its new updatedAt'),
    ...errorResponses,
  },
});
const get = route({
  method: 'get',
  path: '/flows/{key}',
  summary: 'The draft and its metadata',
  middleware: [owner] as const,
  request: { params: KeyParam },
  responses: { 200: json(FlowDetail, 'the flow'), ...errorResponses },
});
const validate = route({
  method: 'post',
  path: '/flows/{key}/validate',
  summary: 'Validate the draft, or the definition in the body',
  middleware: [owner] as const,
  request: {
    params: KeyParam,
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ definition: FlowDefinitionBody.optional() }) } },
    },
  },
  responses: {
    200: json(z.object({ valid: z.boolean(), problems: z.array(Problem) }), 'result'),
    ...errorResponses,
  },
});
const publish = route({
  method: 'post',
  path: '/flows/{key}/publish',
  summary: 'Publish the draft as a new immutable version (422 with problems if invalid)',
  middleware: [owner] as const,
  request: {
    params: KeyParam,
    body: { required: false, content: { 'application/json': { schema: PublishRequest } } },
  },
  responses: {
    201: json(
      z.object({ version: z.number().int(), checksum: z.string(), problems: z.array(Problem) }),
      'published',
    ),
    422: json(
      z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }) }),
      'invalid',
    ),
    ...errorResponses,
  },
});
const versions = route({
  method: 'get',
  path: '/flows/{key}/versions',
  summary: 'Published versions, newest first',
  middleware: [owner] as const,
  request: { params: KeyParam },
  responses: {
    200: json(z.object({ items: z.array(VersionSummary), next: z.null() }), 'versions'),
    ...errorResponses,
  },
});
const version = route({
  method: 'get',
  path: '/flows/{key}/versions/{v}',
  summary: 'One version: definition, compiled config, author, note, checksum',
  middleware: [owner] as const,
  request: { params: VersionParam },
  responses: { 200: json(VersionResource, 'the version'), ...errorResponses },
});
const diff = route({
  method: 'get',
  path: '/flows/{key}/diff',
  summary: 'Nodes and edges added, removed and changed between two versions (to=draft allowed)',
  middleware: [owner] as const,
  request: {
    params: KeyParam,
    query: z.object({
      from: z.coerce.number().int().min(1).max(LIMITS.int),
      to: z.union([z.literal('draft'), z.coerce.number().int().min(1).max(LIMITS.int)]),
    }),
  },
  responses: { 200: json(z.unknown(), 'the diff'), ...errorResponses },
});
const activate = route({
  method: 'post',
  path: '/flows/{key}/activate',
  summary:
    "Make a version the one new cases use (running cases keep theirs); the admin's note settles the version's pending activation requests",
  middleware: [admin] as const,
  request: { params: KeyParam, body: jsonBody(ActivateRequest) },
  responses: {
    200: json(z.object({ key: z.string(), activeVersion: z.number().int() }), 'activated'),
    ...errorResponses,
  },
});

/** Flow drafts, validation, publishing, versions, diffs and activation (DESIGN §5). */
export function flowsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const store = runtime.store;
  r.openapi(list, async (c) => {
    const flows = await store.flows.list();
    return c.json({ items: await Promise.all(flows.map((f) => summarize(runtime, f))), next: null }, 200);
  });
  r.openapi(save, async (c) => {
    const { key } = c.req.valid('param');
    const { definition, baseUpdatedAt } = c.req.valid('json');
    const defKey = definition.key;
    if (defKey !== undefined && defKey !== key) {
      throw badRequest(`definition.key "${String(defKey)}" differs from the URL key "${key}"`, [
        { path: 'definition.key', message: `must be ${key}` },
      ]);
    }
    const base =
      baseUpdatedAt === undefined || baseUpdatedAt === null ? baseUpdatedAt : Date.parse(baseUpdatedAt);
    const saved = await runtime.saveDraft(key, definition, actorOf(c.get('user')!), base);
    return c.json({ problems: saved.problems, updatedAt: isoAt(saved.updatedAt) }, 200);
  });
  r.openapi(get, async (c) => {
    const flow = await flowOr404(runtime, c.req.valid('param').key);
    const rows = await store.flowVersions.list(flow.key);
    return c.json(
      {
        ...(await summarize(runtime, flow)),
        // Credentials written into http actions are never answered (use a connection).
        definition: redactCredentials(flow.draft),
        problems: flow.problems,
        versionList: rows.map((v) => summarizeVersion(v, flow.activeVersion)),
        createdAt: isoAt(flow.createdAt),
      },
      200,
    );
  });
  r.openapi(validate, async (c) => {
    const { key } = c.req.valid('param');
    const body = c.req.valid('json') as { definition?: unknown };
    const definition =
      body.definition !== undefined ? body.definition : (await flowOr404(runtime, key)).draft;
    const problems = await runtime.validate(definition);
    return c.json({ valid: !problems.some((p) => p.severity === 'error'), problems }, 200);
  });
  // A retried publish must not mint a second version.
  r.use('/flows/:key/publish', idempotent(store));
  r.openapi(publish, async (c) => {
    const { key } = c.req.valid('param');
    const body = c.req.valid('json') as { note?: string };
    const result = await runtime.publish(key, { note: body.note ?? '', actor: actorOf(c.get('user')!) });
    return c.json(result, 201);
  });
  r.openapi(versions, async (c) => {
    const flow = await flowOr404(runtime, c.req.valid('param').key);
    const rows = await store.flowVersions.list(flow.key);
    return c.json({ items: rows.map((v) => summarizeVersion(v, flow.activeVersion)), next: null }, 200);
  });
  r.openapi(version, async (c) => {
    const { key, v } = c.req.valid('param');
    return c.json(redactCredentials(toVersion(await versionOr404(runtime, key, v))), 200);
  });
  r.openapi(diff, async (c) => {
    const { key } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    const a = await versionOr404(runtime, key, from);
    const b =
      to === 'draft'
        ? (await flowOr404(runtime, key)).draft
        : (await versionOr404(runtime, key, to)).definition;
    // The engine's diff, so the API and the designer's visual diff always agree.
    return c.json(redactCredentials({ key, from, to, ...diffFlows(asFlow(a.definition), asFlow(b)) }), 200);
  });
  r.openapi(activate, async (c) => {
    const { key } = c.req.valid('param');
    const { version: v, note } = c.req.valid('json');
    await versionOr404(runtime, key, v);
    await runtime.activate(key, v, actorOf(c.get('user')!), note);
    return c.json({ key, activeVersion: v }, 200);
  });
  return r;
}

/** A stored definition for diffing: parsed with defaults when valid (drafts may not be). */
function asFlow(definition: unknown): FlowDefinition {
  const parsed = FlowDefinition.safeParse(definition);
  if (parsed.success) return parsed.data;
  const raw = (definition && typeof definition === 'object' ? definition : {}) as Record<string, unknown>;
  return {
    ...raw,
    nodes: Array.isArray(raw.nodes) ? raw.nodes : [],
    edges: Array.isArray(raw.edges) ? raw.edges : [],
  } as FlowDefinition;
}

/** The subset of JSON Schema (OpenAPI 3.1) that the runtime's zod contracts produce. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  $ref?: string;
}

/** One parameter of a route (path or query). */
export interface RouteParam {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the OpenAPI document: what the fuzz sends requests to. */
export interface FuzzRoute {
  method: string;
  /** Below the origin, with `{param}` placeholders: `/api/cases/{id}`. */
  template: string;
  pathParams: RouteParam[];
  query: RouteParam[];
  /** The JSON request body schema, when the operation takes one. */
  body?: { schema: JsonSchema; required: boolean };
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}
/** The parts of an OpenAPI 3.1 document the fuzz reads. */
export interface OpenApiDocument {
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Replaces `#/components/schemas/X` references by the schema they name (cycles stop at depth 20). */
function resolveRefs(schema: JsonSchema, doc: OpenApiDocument, depth = 0): JsonSchema {
  if (depth > 20) return {};
  const ref = schema.$ref?.match(/^#\/components\/schemas\/(.+)$/)?.[1];
  if (ref) return resolveRefs(doc.components?.schemas?.[ref] ?? {}, doc, depth + 1);
  const out: JsonSchema = { ...schema };
  const r = (s: JsonSchema) => resolveRefs(s, doc, depth + 1);
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, r(v)]));
  }
  if (schema.items) out.items = r(schema.items);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.additionalProperties = r(schema.additionalProperties);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (list) out[key] = list.map(r);
  }
  return out;
}

/**
 * Every operation of the document as a fuzz target, in document order. Paths are prefixed with
 * the document's server URL (`/api`), so a route that another branch adds is fuzzed as soon as
 * it is in the document.
 */
export function routesOf(doc: OpenApiDocument): FuzzRoute[] {
  const base = (doc.servers?.[0]?.url ?? '').replace(/\/$/, '');
  const routes: FuzzRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      if (!METHODS.has(method)) continue;
      const params = (op.parameters ?? []).map((p) => ({
        in: p.in,
        name: p.name,
        required: p.required ?? p.in === 'path',
        schema: resolveRefs(p.schema ?? {}, doc),
      }));
      const json = op.requestBody?.content?.['application/json']?.schema;
      routes.push({
        method: method.toUpperCase(),
        template: `${base}${path}`,
        pathParams: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        ...(json
          ? { body: { schema: resolveRefs(json, doc), required: op.requestBody?.required ?? false } }
          : {}),
      });
    }
  }
  // Path placeholders the document forgot to declare still get a value.
  for (const route of routes) {
    for (const [, name] of route.template.matchAll(/\{([^}]+)\}/g)) {
      if (name && !route.pathParams.some((p) => p.name === name)) {
        route.pathParams.push({ name, required: true, schema: { type: 'string' } });
      }
    }
  }
  return routes;
}

/** `POST /api/cases/{id}/messages`: how reports name a route. */
export const routeKey = (r: Pick<FuzzRoute, 'method' | 'template'>) => `${r.method} ${r.template}`;

import fc from 'fast-check';
import type { JsonSchema } from './openapi-routes';

/**
 * Known-good values by property or parameter name (flow keys, customer ids, outcomes, a flow
 * definition...), mixed into what a schema alone would generate so that requests reach past
 * "not found" into the handlers.
 */
export type Hints = (name: string) => readonly unknown[] | undefined;

const dateArb = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** A string for `schema`: its format, its pattern when fast-check can generate it, else bounded text. */
function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date-time') return dateArb.map((d) => d.toISOString());
  if (schema.format === 'date') return dateArb.map((d) => d.toISOString().slice(0, 10));
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 30, 30));
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY));
    } catch {
      // A pattern fast-check cannot generate from (lookarounds): plain text, often refused.
    }
  }
  return fc.string({ minLength: min, maxLength: max });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = schema.minimum ?? schema.exclusiveMinimum ?? -1000;
  const hi = Math.max(lo, schema.maximum ?? schema.exclusiveMaximum ?? lo + 1000);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values that satisfy `schema` (or come close: patterns with lookarounds, `{}` schemas), with
 * hints mixed in by property name. Sizes stay small: the hostile part comes from mutations.
 */
export function schemaValue(schema: JsonSchema, hints: Hints, name = '', depth = 0): fc.Arbitrary<unknown> {
  const plain = plainSchemaValue(schema, hints, depth);
  const hinted = hints(name);
  if (!hinted?.length) return plain;
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hinted) }, { weight: 1, arbitrary: plain });
}

function plainSchemaValue(schema: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => schemaValue(s, hints, '', depth + 1)));
  if (schema.allOf?.length) return schemaValue(Object.assign({}, ...schema.allOf), hints, '', depth + 1);
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) {
    return fc.oneof(...type.map((t) => schemaValue({ ...schema, type: t }, hints, '', depth + 1)));
  }
  switch (type[0]) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schemaValue(schema.items ?? {}, hints, '', depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectValueOf(schema, hints, depth);
    default:
      // `{}`: anything JSON, kept small.
      return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectValueOf(schema: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(props).map(([k, s]) => [k, schemaValue(s, hints, k, depth + 1)] as const),
  );
  const required = (schema.required ?? []).filter((k) => k in props);
  const record = fc.record(model, { requiredKeys: required });
  const extra = schema.additionalProperties;
  if (Object.keys(props).length > 0 || !extra || depth > 3) return record;
  // A map (`additionalProperties: {...}`): a few entries.
  return fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }),
    schemaValue(extra === true ? {} : extra, hints, '', depth + 1),
    { maxKeys: 3 },
  );
}

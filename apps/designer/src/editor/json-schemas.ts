import { flowDefinitionJsonSchema } from '@caseflow/schema';

type Json = Record<string, unknown>;
let cached: Json | null = null;

/** JSON Schema of a whole flow definition (from the zod schema), computed once. */
export function flowSchema(): Json {
  cached ??= flowDefinitionJsonSchema();
  return cached;
}

/**
 * JSON Schema of a form (the meta-schema forms are checked against in monaco), taken from
 * the task node's `form` property of the flow schema so it never drifts from `FormSchema`.
 */
export function formMetaSchema(): Json {
  const nodes = (flowSchema().properties as Json | undefined)?.nodes as Json | undefined;
  const items = nodes?.items as Json | undefined;
  const variants = ((items?.oneOf ?? items?.anyOf) as Json[] | undefined) ?? [];
  const task = variants.find(
    (v) => ((v.properties as Json | undefined)?.type as Json | undefined)?.const === 'task',
  );
  return ((task?.properties as Json | undefined)?.form as Json | undefined) ?? { type: 'object' };
}

import { FlowDefinition, NODE_TYPES, type Problem } from '@caseflow/schema';

/** Schema problems, and the parsed flow (defaults applied) when the schema holds. */
export interface SchemaCheck {
  problems: Problem[];
  parsed: FlowDefinition | null;
}

import { type FlowView, isKnownType, isObject, nodeName } from './flow-view';
import { error, type ProblemPath, pathText } from './problems';

/**
 * Maps the zod issues of FlowDefinition to `schema` problems, one per issue, naming the
 * node or edge they sit under. A node whose `type` is not one of NODE_TYPES gets a single
 * `unknown-node-type` problem instead of the union's generic complaint: the designer palette
 * cannot render it, and the other fields of an unknown type mean nothing.
 */
export function schemaProblems(def: unknown, view: FlowView): SchemaCheck {
  const problems: Problem[] = [];
  const unknownTypes = new Set<number>();
  for (const node of view.nodes) {
    if (isKnownType(node.type)) continue;
    unknownTypes.add(node.index);
    const what = node.type === undefined ? 'has no type' : `has unknown type "${node.type}"`;
    problems.push(
      error('unknown-node-type', `${nodeName(node)} ${what}`, ['nodes', node.index, 'type'], {
        nodeId: node.id,
        hint: `Use one of: ${NODE_TYPES.join(', ')}.`,
      }),
    );
  }

  const parsed = FlowDefinition.safeParse(def);
  if (parsed.success) return { problems, parsed: parsed.data };
  const nodesByIndex = new Map(view.nodes.map((n) => [n.index, n]));
  const edgesByIndex = new Map(view.edges.map((e) => [e.index, e]));
  for (const issue of parsed.error.issues) {
    const path: ProblemPath = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const [section, index] = path;
    if (section === 'nodes' && typeof index === 'number' && unknownTypes.has(index)) continue;
    const node = section === 'nodes' && typeof index === 'number' ? nodesByIndex.get(index) : undefined;
    const edge = section === 'edges' && typeof index === 'number' ? edgesByIndex.get(index) : undefined;
    const where = node ? nodeName(node) : edge ? `edge "${edge.id}"` : pathText(path);
    const field = node || edge ? path.slice(2) : [];
    const at = field.length > 0 ? ` (${pathText(field)})` : '';
    problems.push(
      error('schema', `${where}${at}: ${issue.message}`, path, {
        nodeId: node?.id,
        edgeId: edge?.id,
        hint: schemaHint(issue, path, def),
      }),
    );
  }
  return { problems, parsed: null };
}

/** A fix suggestion in the designer's words; the zod message already says what is wrong. */
function schemaHint(
  issue: { code: string; message: string; origin?: unknown; options?: unknown; values?: unknown },
  path: ProblemPath,
  def: unknown,
) {
  const field = path[path.length - 1];
  const place = pathText(path);
  if (issue.code === 'invalid_type' && valueAt(def, path) === undefined) {
    return typeof field === 'string' ? `Add the required field "${field}".` : `Fill in ${place}.`;
  }
  if (issue.code === 'invalid_format' && issue.message.startsWith('must')) {
    return `Change ${place}: it ${issue.message}.`;
  }
  if (issue.code === 'too_small') {
    return issue.origin === 'array' ? `Add at least one entry to ${place}.` : `Fill in ${place}.`;
  }
  if (issue.code === 'unrecognized_keys') return `Remove the unknown fields at ${place}.`;
  // Discriminated unions list their options, enums and literals their values.
  const choices =
    issue.code === 'invalid_union'
      ? issue.options
      : issue.code === 'invalid_value'
        ? issue.values
        : undefined;
  if (Array.isArray(choices) && choices.length > 0) {
    return `Set ${place} to one of: ${choices.map((c) => JSON.stringify(c)).join(', ')}.`;
  }
  return `Correct ${place} to match the flow schema.`;
}

function valueAt(def: unknown, path: ProblemPath): unknown {
  let value = def;
  for (const part of path) {
    if (Array.isArray(value) && typeof part === 'number') value = value[part];
    else if (isObject(value) && typeof part === 'string') value = value[part];
    else return undefined;
  }
  return value;
}

import { edgeId, type Problem } from '@caseflow/schema';
import type { MessageValues } from '../i18n/use-t';
import type { DocEdge, DocNode } from './flow-document';
import { nodeLabel } from './node-catalog';

/** A problem as the user reads it: message and hint in their language. */
export interface ProblemText {
  message: string;
  hint?: string | undefined;
}

/** `nodes[3].outcomes[1]`: where in the definition, as the engine writes paths. */
export function problemPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text ? `.${part}` : part;
  return text;
}

/** The text at `path` in the flow definition (an outcome's name, say), or null. */
function textAt(definition: unknown, path: readonly (string | number)[]): string | null {
  let at: unknown = definition;
  for (const part of path) {
    if (typeof at !== 'object' || at === null) return null;
    at = (at as Record<string | number, unknown>)[part];
  }
  return typeof at === 'string' ? at : null;
}

/** The nodes of a definition as far as they read (drafts may be broken). */
function nodesOf(definition: unknown): DocNode[] {
  const nodes = (definition as { nodes?: unknown } | undefined)?.nodes;
  return Array.isArray(nodes) ? nodes.filter((n): n is DocNode => typeof n?.id === 'string') : [];
}

/** A node as the canvas labels it (its title or name), else its id. */
function nodeLabelIn(definition: unknown, id: string): string {
  const node = nodesOf(definition).find((n) => n.id === id);
  return node ? nodeLabel(node) : id;
}

/** An edge by the labels of its ends ("Verify → Approve"), found by its canonical id; else the id. */
function edgeLabelIn(definition: unknown, id: string): string {
  const edges = (definition as { edges?: unknown } | undefined)?.edges;
  if (!Array.isArray(edges)) return id;
  const all = edges.filter((e): e is DocEdge => typeof e?.from === 'string' && typeof e?.to === 'string');
  const index = all.findIndex((e, i) => edgeId(e, i, all) === id);
  const edge = all[index];
  return edge ? `${nodeLabelIn(definition, edge.from)} → ${nodeLabelIn(definition, edge.to)}` : id;
}

/**
 * Translates an engine problem by its code, with its node and edge (by their canvas labels when
 * `definition` is given, else their ids) and path as arguments, and the
 * text the path points at in `definition` when given (`value`; `named` says whether). A code
 * this designer has no message for (a newer runtime) keeps the engine's English text rather
 * than showing a message id. `has` says whether the catalog holds an id; `t` formats one.
 */
export function problemText(
  p: Problem,
  t: (id: string, values?: MessageValues) => string,
  has: (id: string) => boolean,
  definition?: unknown,
): ProblemText {
  const id = `problem.${p.code}`;
  if (!has(id)) return { message: p.message, hint: p.hint };
  const path = problemPath(p.path);
  const values: MessageValues = {
    at: p.nodeId !== undefined ? 'node' : 'flow',
    node: p.nodeId !== undefined ? nodeLabelIn(definition, p.nodeId) : path,
    edge: p.edgeId !== undefined ? edgeLabelIn(definition, p.edgeId) : path,
    path,
    value: textAt(definition, p.path) ?? '',
    named: textAt(definition, p.path) === null ? 'no' : 'yes',
  };
  return { message: t(id, values), hint: has(`${id}.hint`) ? t(`${id}.hint`, values) : p.hint };
}

import type { Problem } from '@caseflow/schema';
import type { MessageValues } from '../i18n/use-t';

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

/**
 * Translates an engine problem by its code, with its node, edge and path as arguments. A code
 * this designer has no message for (a newer runtime) keeps the engine's English text rather
 * than showing a message id. `has` says whether the catalog holds an id; `t` formats one.
 */
export function problemText(
  p: Problem,
  t: (id: string, values?: MessageValues) => string,
  has: (id: string) => boolean,
): ProblemText {
  const id = `problem.${p.code}`;
  if (!has(id)) return { message: p.message, hint: p.hint };
  const path = problemPath(p.path);
  const values: MessageValues = {
    at: p.nodeId !== undefined ? 'node' : 'flow',
    node: p.nodeId ?? path,
    edge: p.edgeId ?? path,
    path,
  };
  return { message: t(id, values), hint: has(`${id}.hint`) ? t(`${id}.hint`, values) : p.hint };
}

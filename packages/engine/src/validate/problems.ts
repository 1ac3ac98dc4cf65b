import type { Problem, ProblemCode } from '@caseflow/schema';

/** A JSON path into a flow definition, e.g. ["nodes", 3, "outcomes", 1]. */
export type ProblemPath = Array<string | number>;

/** Fields of a problem besides severity, code, message and path. */
export interface ProblemExtras {
  nodeId?: string | undefined;
  edgeId?: string | undefined;
  position?: { from: number; to: number } | undefined;
  hint?: string | undefined;
}

/** Builds a problem, leaving out the optional fields that are undefined (problems are JSON). */
export function problem(
  severity: Problem['severity'],
  code: ProblemCode,
  message: string,
  path: ProblemPath,
  extras: ProblemExtras = {},
): Problem {
  const out: Problem = { severity, code, message, path };
  if (extras.nodeId !== undefined) out.nodeId = extras.nodeId;
  if (extras.edgeId !== undefined) out.edgeId = extras.edgeId;
  if (extras.position !== undefined) out.position = extras.position;
  if (extras.hint !== undefined) out.hint = extras.hint;
  return out;
}

/** Shorthand for an error-severity problem. */
export function error(
  code: ProblemCode,
  message: string,
  path: ProblemPath,
  extras?: ProblemExtras,
): Problem {
  return problem('error', code, message, path, extras);
}

/** Shorthand for a warning-severity problem. */
export function warning(
  code: ProblemCode,
  message: string,
  path: ProblemPath,
  extras?: ProblemExtras,
): Problem {
  return problem('warning', code, message, path, extras);
}

/** `nodes[3].outcomes[1]`: a path as a reader writes it, for messages. */
export function pathText(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text ? `.${part}` : part;
  return text || '(the definition)';
}

/**
 * Sorts problems by path (numbers before names, numbers numerically), then code, then
 * message, and drops exact repeats: the same input always gives the same list.
 */
export function orderProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique: Problem[] = [];
  for (const p of problems) {
    const key = JSON.stringify([p.code, p.path, p.nodeId, p.edgeId, p.message, p.position]);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(p);
  }
  return unique.sort(compareProblems);
}

function compareProblems(a: Problem, b: Problem): number {
  const byPath = comparePaths(a.path, b.path);
  if (byPath !== 0) return byPath;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  if (a.message !== b.message) return a.message < b.message ? -1 : 1;
  return (a.position?.from ?? -1) - (b.position?.from ?? -1);
}

function comparePaths(a: ProblemPath, b: ProblemPath): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

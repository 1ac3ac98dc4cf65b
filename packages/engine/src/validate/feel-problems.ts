import type { Problem } from '@caseflow/schema';
import { feelSyntaxError, templateExpressions } from '../feel';
import { feelPatternLiterals } from '../feel-patterns';
import { patternProblem } from '../feel-regexp';
import { entriesOf, type FlowView, isObject, type NodeView, nodeName } from './flow-view';
import { error, type ProblemPath, pathText } from './problems';

/** Names every expression may read besides node ids. */
const BASE_NAMES = ['case', 'customer', 'env', 'now', 'today'];
const ID_RUN = /[a-z][a-z0-9-]*/g;

/**
 * FEEL syntax problems in every place a flow holds FEEL: decision-edge `when`, set `values`,
 * customer `attributes`, timer `until`, task `requires`, subflow `input`, notify `data`, and `{{…}}`
 * placeholders in http url, headers and body strings. Each problem carries the offsets of the
 * error inside the expression as written (for templates: inside the whole template string).
 * A pattern written as a literal in `matches`, `replace` or `split` that RE2 cannot run is an
 * `invalid-pattern` problem at the literal.
 * Empty strings and non-strings are left to the schema, which reports them.
 */
export function feelProblems(view: FlowView): Problem[] {
  const scope = new ScopeNames(view);
  const problems: Problem[] = [];
  const check = (expression: unknown, path: ProblemPath, node: NodeView | undefined, edgeId?: string) => {
    // The schema already reports "" (and non-strings); blank but non-empty text is ours.
    if (typeof expression !== 'string' || expression === '') return;
    const names = scope.namesFor(expression);
    const found = feelSyntaxError(expression, names);
    if (found) problems.push(feelProblem(found, path, expression, node, edgeId));
    else problems.push(...patternProblems(expression, names, 0, path, node, edgeId));
  };
  const checkTemplate = (template: unknown, path: ProblemPath, node: NodeView) => {
    if (typeof template !== 'string') return;
    for (const { expression, offset } of templateExpressions(template)) {
      // templateExpressions trims; shift by the spaces it dropped so offsets index the template.
      const start = offset + (template.slice(offset).length - template.slice(offset).trimStart().length);
      const names = scope.namesFor(expression);
      const bad = feelSyntaxError(expression, names);
      if (!bad) {
        problems.push(...patternProblems(expression, names, start, path, node, undefined));
        continue;
      }
      // Offsets, in the message too, count from the start of the template, like `position`.
      const moved = {
        message: bad.message.replace(/ at \d+$/, ` at ${bad.from + start}`),
        from: bad.from + start,
        to: bad.to + start,
      };
      problems.push(feelProblem(moved, path, template, node, undefined, true));
    }
  };

  for (const edge of view.edges) {
    const source = edge.from === undefined ? undefined : view.byId.get(edge.from);
    check(edge.when, ['edges', edge.index, 'when'], source, edge.id);
  }
  for (const node of view.nodes) {
    const raw = node.raw;
    const at = (...rest: ProblemPath): ProblemPath => ['nodes', node.index, ...rest];
    switch (node.type) {
      case 'action': {
        const action = isObject(raw.action) ? raw.action : {};
        if (action.kind === 'set') {
          for (const [name, expr] of entriesOf(action.values))
            check(expr, at('action', 'values', name), node);
        } else if (action.kind === 'customer') {
          for (const [name, expr] of entriesOf(action.attributes))
            check(expr, at('action', 'attributes', name), node);
        } else if (action.kind === 'http') {
          checkTemplate(action.url, at('action', 'url'), node);
          checkTemplate(action.path, at('action', 'path'), node);
          for (const [name, value] of entriesOf(action.headers))
            checkTemplate(value, at('action', 'headers', name), node);
          walkStrings(action.body, at('action', 'body'), (text, path) => checkTemplate(text, path, node));
        }
        break;
      }
      case 'timer':
        check(raw.until, at('until'), node);
        break;
      case 'task':
        check(raw.requires, at('requires'), node);
        break;
      case 'subflow':
        for (const [name, expr] of entriesOf(raw.input)) check(expr, at('input', name), node);
        break;
      case 'notify':
        for (const [name, expr] of entriesOf(raw.data)) check(expr, at('data', name), node);
        break;
    }
  }
  return problems;
}

/** Literal patterns in `expression` that RE2 cannot run; offsets shifted by `offset`. */
function patternProblems(
  expression: string,
  names: readonly string[],
  offset: number,
  path: ProblemPath,
  node: NodeView | undefined,
  edgeId: string | undefined,
): Problem[] {
  const out: Problem[] = [];
  for (const literal of feelPatternLiterals(expression, names)) {
    const reason = patternProblem(literal.pattern);
    if (!reason) continue;
    const owner = edgeId ? `edge "${edgeId}"` : node ? nodeName(node) : 'the flow';
    out.push(
      error(
        'invalid-pattern',
        `Pattern ${JSON.stringify(literal.pattern)} in ${owner} (${pathText(path.slice(2))}) ${reason}`,
        path,
        {
          nodeId: node?.id,
          edgeId,
          position: { from: literal.from + offset, to: literal.to + offset },
          hint: 'Patterns run on RE2: write the rule without lookaround ((?=…), (?!…)) or backreferences (\\1).',
        },
      ),
    );
  }
  return out;
}

function feelProblem(
  found: { message: string; from: number; to: number },
  path: ProblemPath,
  text: string,
  node: NodeView | undefined,
  edgeId: string | undefined,
  template = false,
): Problem {
  const owner = edgeId ? `edge "${edgeId}"` : node ? nodeName(node) : 'the flow';
  const tail = text.slice(found.from, found.from + 20);
  // In a template, what follows the expression's closing braces is not part of the mistake.
  const near = template ? tail.split('}}')[0]! : tail;
  const fix = near.trim()
    ? `Fix the ${template ? '{{…}} expression' : 'expression'} near "${near}".`
    : 'The expression ends too early: complete it (a bracket or quote may be unclosed).';
  const style = template
    ? ' Inside {{…}} write FEEL, e.g. {{case.customerId}}.'
    : ' FEEL compares with "=", joins with "and"/"or" and quotes text with double quotes.';
  return error('feel-syntax', `FEEL error in ${owner} (${pathText(path.slice(2))}): ${found.message}`, path, {
    nodeId: node?.id,
    edgeId,
    position: { from: found.from, to: found.to },
    hint: fix + style,
  });
}

/** One step into a JSON value, linked to its parent so paths are only built for strings. */
interface Step {
  value: unknown;
  key: string | number | undefined;
  up: Step | undefined;
}

/**
 * Calls `visit` for every string inside a JSON value, with its path. Iterative, and paths
 * are spelled out only for strings: bodies may nest deeply, and copying a path at every
 * level would cost the square of the depth.
 */
function walkStrings(
  root: unknown,
  rootPath: ProblemPath,
  visit: (text: string, path: ProblemPath) => void,
): void {
  const stack: Step[] = [{ value: root, key: undefined, up: undefined }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const { value } = step;
    if (typeof value === 'string') visit(value, [...rootPath, ...keysTo(step)]);
    else if (Array.isArray(value))
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], key: i, up: step });
    else if (isObject(value))
      for (const [key, v] of Object.entries(value)) stack.push({ value: v, key, up: step });
  }
}

function keysTo(step: Step): ProblemPath {
  const keys: ProblemPath = [];
  for (let at: Step | undefined = step; at?.key !== undefined; at = at.up) keys.push(at.key);
  return keys.reverse();
}

/**
 * The scope names one expression needs. FEEL only needs to be told names it could not read
 * alone — node ids with dashes, such as `approve-replacement` — so each expression gets the
 * base names plus the dashed ids it actually mentions. That keeps the parser's context (and
 * the syntax cache key) small, so a flow with a thousand nodes validates in linear time.
 */
class ScopeNames {
  private readonly dashed = new Set<string>();

  constructor(view: FlowView) {
    for (const id of view.byId.keys()) if (id.includes('-')) this.dashed.add(id);
  }

  namesFor(expression: string): string[] {
    if (this.dashed.size === 0) return BASE_NAMES;
    const found = new Set<string>();
    for (const [run] of expression.matchAll(ID_RUN)) {
      if (!run.includes('-')) continue;
      // A mentioned id is a dash-separated slice of a run: `approve-replacement-1` may be
      // the id `approve-replacement` minus 1.
      const parts = run.split('-');
      for (let i = 0; i < parts.length; i++) {
        let candidate = parts[i]!;
        for (let j = i + 1; j < parts.length; j++) {
          candidate += `-${parts[j]}`;
          if (this.dashed.has(candidate)) found.add(candidate);
        }
      }
    }
    return found.size === 0 ? BASE_NAMES : [...BASE_NAMES, ...[...found].sort()];
  }
}

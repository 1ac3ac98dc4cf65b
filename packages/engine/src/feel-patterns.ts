import { evaluate, parseExpression } from 'feelin';
import { tooDeepAt } from './feel-nesting';

/** A pattern written as a string literal in a FEEL call, with its offsets in the expression. */
export interface FeelPatternLiteral {
  /** The pattern as FEEL reads the literal (escapes resolved). */
  pattern: string;
  from: number;
  to: number;
}

/** Which argument of each pattern function is the pattern: position and parameter name. */
const PATTERN_ARGUMENT: Record<string, { index: number; name: string }> = {
  matches: { index: 1, name: 'pattern' },
  replace: { index: 1, name: 'pattern' },
  split: { index: 1, name: 'delimiter' },
};

/**
 * The patterns an expression passes as string literals to `matches`, `replace` and `split`,
 * so a flow can be checked before it runs (patterns computed at run time are checked when
 * used). `names` as for feelSyntaxError. Pure; an expression that does not parse gives none.
 */
export function feelPatternLiterals(expression: string, names: readonly string[] = []): FeelPatternLiteral[] {
  // Too deep to parse cheaply: a syntax error of its own (feel.ts), with no patterns.
  if (!/\b(matches|replace|split)\b/.test(expression) || tooDeepAt(expression) >= 0) return [];
  const found: FeelPatternLiteral[] = [];
  let tree: ReturnType<typeof parseExpression>;
  try {
    tree = parseExpression(expression, Object.fromEntries(names.map((n) => [n, null])), undefined);
  } catch {
    return [];
  }
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'FunctionInvocation') return;
      const callee = ref.node.firstChild;
      const argument = callee ? PATTERN_ARGUMENT[expression.slice(callee.from, callee.to).trim()] : undefined;
      const params = callee?.nextSibling?.nextSibling;
      if (!argument || !params) return;
      let literal: SyntaxNode | null = null;
      if (params.name === 'PositionalParameters') literal = positional(params, argument.index);
      else if (params.name === 'NamedParameters') {
        for (const named of params.getChildren('NamedParameter')) {
          const name = named.firstChild;
          if (name && expression.slice(name.from, name.to).trim() === argument.name)
            literal = named.lastChild;
        }
      }
      if (literal?.name !== 'StringLiteral') return;
      const text = expression.slice(literal.from, literal.to);
      const pattern = evaluate(text).value;
      if (typeof pattern === 'string') found.push({ pattern, from: literal.from, to: literal.to });
    },
  });
  return found;
}

type SyntaxNode = NonNullable<ReturnType<typeof parseExpression>['topNode']['firstChild']>;

/** The `index`th argument node of a positional parameter list (commas are not nodes). */
function positional(params: SyntaxNode, index: number): SyntaxNode | null {
  let child = params.firstChild;
  for (let i = 0; child && i < index; i++) child = child.nextSibling;
  return child;
}

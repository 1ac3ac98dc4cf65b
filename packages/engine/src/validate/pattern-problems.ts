import type { Problem } from '@caseflow/schema';
import { patternProblem } from '../feel-regexp';
import { entriesOf, type FlowView, isObject, nodeName } from './flow-view';
import { error } from './problems';

/**
 * Form field patterns of task nodes that RE2 cannot run (lookaround, backreferences, syntax
 * errors): reported when the flow is saved, instead of as an `invalid-pattern` error on every
 * form a person submits. Patterns in FEEL calls are checked with the FEEL (feel-problems).
 */
export function patternProblems(view: FlowView): Problem[] {
  const problems: Problem[] = [];
  for (const node of view.nodes) {
    const form = node.raw.form;
    if (!isObject(form)) continue;
    for (const [name, field] of entriesOf(form.properties)) {
      if (!isObject(field) || typeof field.pattern !== 'string') continue;
      const reason = patternProblem(field.pattern);
      if (!reason) continue;
      problems.push(
        error(
          'invalid-pattern',
          `The pattern of form field "${name}" in ${nodeName(node)} ${reason}`,
          ['nodes', node.index, 'form', 'properties', name, 'pattern'],
          {
            nodeId: node.id,
            hint: 'Patterns run on RE2: write the rule without lookaround ((?=…), (?!…)) or backreferences (\\1).',
          },
        ),
      );
    }
  }
  return problems;
}

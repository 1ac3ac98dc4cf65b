import { evaluateFeel, type FeelScope } from './feel';

const PLACEHOLDER = /\{\{([\s\S]+?)\}\}/g;

/**
 * Renders the `{{FEEL}}` placeholders of an http action's connection path, URL-encoding each
 * value (encodeURIComponent) so that a case variable holding `../admin` or `a/b?x=1` stays
 * one path segment and cannot steer the call elsewhere under the connection. The literal text
 * around the placeholders is kept as written. A value that fails or is null renders as ''.
 */
export function renderPathTemplate(template: string, scope: FeelScope, now: number): string {
  return template.replace(PLACEHOLDER, (_, expr: string) => {
    const r = evaluateFeel(expr.trim(), scope, now);
    if (!r.ok || r.value === null || r.value === undefined) return '';
    return encodeURIComponent(typeof r.value === 'object' ? JSON.stringify(r.value) : String(r.value));
  });
}

import { evaluateFeel } from '@caseflow/engine';
import { MAX_SKILL_LEVEL, SkillName } from '@caseflow/schema';
import type { SkillNeed } from './assignment-policy';

/** Most skills one task may ask for. */
const MAX_NEEDS = 20;

/**
 * The skills a task node's `requires` asks for, evaluated over the case when the task is created
 * (DESIGN §12). The expression may give a skill name (`"portuguese"`), a list of names, a context
 * of name to minimum level (`{portuguese: 3}`) or a list of `{name, level}`; null, false or an
 * empty list ask for nothing. Names that are not skill names and levels out of 1–5 are dropped
 * (levels are clamped). Answers `error` instead when the expression fails: the task then waits
 * for someone to claim it rather than going to an agent who may lack what it needs.
 * Throws ExpressionBudgetError like every FEEL evaluation.
 */
export function skillNeeds(
  expression: string | undefined,
  scope: Record<string, unknown>,
  now: number,
): { needs: SkillNeed[] } | { error: string } {
  if (expression === undefined) return { needs: [] };
  const result = evaluateFeel(expression, scope, now);
  if (!result.ok) return { error: result.error };
  const needs = new Map<string, number>();
  const add = (name: unknown, level: unknown) => {
    if (!SkillName.safeParse(name).success || needs.size >= MAX_NEEDS) return;
    const n = typeof level === 'number' && Number.isFinite(level) ? Math.round(level) : 1;
    needs.set(
      name as string,
      Math.min(MAX_SKILL_LEVEL, Math.max(1, Math.max(n, needs.get(name as string) ?? 0))),
    );
  };
  const value = result.value;
  if (typeof value === 'string') add(value, 1);
  else if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') add(item, 1);
      else if (item && typeof item === 'object')
        add((item as { name?: unknown }).name, (item as { level?: unknown }).level);
    }
  } else if (value && typeof value === 'object') {
    for (const [name, level] of Object.entries(value)) add(name, level);
  }
  return {
    needs: [...needs].map(([name, level]) => ({ name, level })).sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

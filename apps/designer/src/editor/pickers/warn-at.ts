/**
 * SLA warnings as an owner says them: at "50, 80" percent of the target, written underneath as
 * the fractions the flow keeps (`warnAt: [0.5, 0.8]`). Pure.
 */
export function warnAtPercents(fractions: readonly number[] | undefined): string[] {
  // Rounded to a tenth: 0.7 * 100 is 70.00000000000001 in floating point.
  return (fractions ?? []).map((f) => String(Math.round(f * 1000) / 10));
}

/**
 * The fractions of typed percentages ("80", "80%", "12.5"), each above 0 and below 100, once
 * each and ascending: the engine raises a clock's warnings in the order the list gives them.
 */
export function warnAtFractions(percents: readonly string[]): number[] {
  const out = new Set<number>();
  for (const text of percents) {
    const n = Number(text.replace('%', '').trim());
    if (Number.isFinite(n) && n > 0 && n < 100) out.add(Math.round(n * 10) / 1000);
  }
  return [...out].sort((a, b) => a - b);
}

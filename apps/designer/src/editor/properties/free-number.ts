/**
 * The first number from `from` on whose `<prefix><n>` is not among `taken`: a new tier or SLA
 * gets an id no other one holds, even after some were removed ("L1", "L3" + a new one → "L4"). Pure.
 */
export function freeNumber(taken: readonly string[], prefix: string, from: number): number {
  const used = new Set(taken);
  let n = Math.max(1, from);
  while (used.has(`${prefix}${n}`)) n++;
  return n;
}

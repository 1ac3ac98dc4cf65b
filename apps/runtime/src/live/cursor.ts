/**
 * Change-log cursors (`<xid>.<seq>`, store.changes) compared in their order: by transaction id,
 * then sequence. Anything not of that shape is null (not a cursor).
 */
export function parseCursor(cursor: string | null | undefined): [bigint, bigint] | null {
  const m = /^(\d{1,20})\.(\d{1,19})$/.exec(cursor ?? '');
  return m ? [BigInt(m[1]!), BigInt(m[2]!)] : null;
}

/** Negative when `a` comes before `b`, 0 when equal, positive after. Both must parse. */
export function compareCursors(a: string, b: string): number {
  const x = parseCursor(a);
  const y = parseCursor(b);
  if (!x || !y) throw new Error(`not a change cursor: ${x ? b : a}`);
  if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
  return x[1] === y[1] ? 0 : x[1] < y[1] ? -1 : 1;
}

/**
 * Edits of a map of texts by key (outcome → label, option → label, language → text) that the
 * schemas want without empty entries: an entry set to nothing goes, and so does a map left
 * empty. Pure.
 */
export function withEntry<V>(
  map: Readonly<Record<string, V>> | undefined,
  key: string,
  value: V | undefined,
): Record<string, V> | undefined {
  const next: Record<string, V> = { ...map };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.keys(next).length > 0 ? next : undefined;
}

/** Only the entries whose key is in `keys` (undefined when none is left). Pure. */
export function onlyKeys<V>(
  map: Readonly<Record<string, V>> | undefined,
  keys: Iterable<string>,
): Record<string, V> | undefined {
  const keep = new Set(keys);
  const kept = Object.entries(map ?? {}).filter(([key]) => keep.has(key));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** `text` as a value to set: nothing when it is blank. */
export const textOrNothing = (text: string): string | undefined => (text.trim() === '' ? undefined : text);

type OptionLabels = Record<string, string>;

/** The labels with `option`'s set to `text` (an empty text removes it; none left: undefined). Pure. */
export function withOptionLabel(
  labels: OptionLabels | undefined,
  option: string | number,
  text: string,
): OptionLabels | undefined {
  const next: OptionLabels = { ...labels, [String(option)]: text };
  if (text.trim() === '') delete next[String(option)];
  return Object.keys(next).length > 0 ? next : undefined;
}

/** Only the labels of options the field still has (the schema refuses the others). Pure. */
export function labelsOfOptions(
  labels: OptionLabels | undefined,
  options: ReadonlyArray<string | number>,
): OptionLabels | undefined {
  const keep = new Set(options.map(String));
  const kept = Object.entries(labels ?? {}).filter(([option]) => keep.has(option));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

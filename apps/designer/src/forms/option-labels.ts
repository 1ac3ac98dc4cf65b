import { onlyKeys, textOrNothing, withEntry } from '../i18n/text-map';

type OptionLabels = Record<string, string>;

/** The labels with `option`'s set to `text` (an empty text removes it; none left: undefined). Pure. */
export function withOptionLabel(
  labels: OptionLabels | undefined,
  option: string | number,
  text: string,
): OptionLabels | undefined {
  return withEntry(labels, String(option), textOrNothing(text));
}

/** Only the labels of options the field still has (the schema refuses the others). Pure. */
export function labelsOfOptions(
  labels: OptionLabels | undefined,
  options: ReadonlyArray<string | number>,
): OptionLabels | undefined {
  return onlyKeys(labels, options.map(String));
}

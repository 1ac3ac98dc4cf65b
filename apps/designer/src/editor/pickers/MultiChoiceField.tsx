import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { ListField } from '../properties/fields';
import type { Choice } from './ChoiceField';

/**
 * Several picks from what exists (approvers, recipients): the chosen ones as a list, each with
 * a remove button, and a select that adds one more. `choices` null means the list is not known:
 * the owner types the names, comma-separated. A value the list does not hold stays, marked.
 */
export function MultiChoiceField(props: {
  label: string;
  value: readonly string[] | undefined;
  choices: readonly Choice[] | null;
  onChange(value: string[]): void;
  hint?: string;
  /** What an empty list reads as; "Nobody yet." unless the choices are not people. */
  none?: string;
}) {
  const t = useT();
  const id = useId();
  const value = props.value ?? [];
  if (props.choices === null) {
    return (
      <ListField
        label={props.label}
        value={value}
        hint={props.hint ?? t('pickers.typedHint')}
        onChange={props.onChange}
      />
    );
  }
  const labelOf = (v: string) => props.choices?.find((c) => c.value === v)?.label;
  const left = props.choices.filter((c) => !value.includes(c.value));
  return (
    <fieldset className="field multi-choice">
      <legend>{props.label}</legend>
      {value.length === 0 ? (
        <p className="muted">{props.none ?? t('pickers.multi.none')}</p>
      ) : (
        <ul className="plain chips">
          {value.map((v) => {
            const label = labelOf(v);
            return (
              <li key={v} className={label ? 'chip' : 'chip field-invalid'}>
                <span>{label ?? t('pickers.notListed', { value: v })}</span>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={t('pickers.multi.remove', { name: label ?? v })}
                  onClick={() => props.onChange(value.filter((x) => x !== v))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {left.length > 0 && (
        <>
          <label htmlFor={id} className="sr-only">
            {t('pickers.multi.addLabel', { label: props.label })}
          </label>
          <select
            id={id}
            value=""
            onChange={(e) => {
              if (e.target.value) props.onChange([...value, e.target.value]);
            }}
          >
            <option value="">{t('pickers.multi.add')}</option>
            {left.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </>
      )}
      {props.hint && <small className="muted">{props.hint}</small>}
    </fieldset>
  );
}

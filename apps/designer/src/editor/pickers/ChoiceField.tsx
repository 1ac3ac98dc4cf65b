import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { TextField } from '../properties/fields';

/** One entry of a picker: the value written into the flow and what the owner reads. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * A select of what exists (groups, calendars, templates…). `choices` null means the list is
 * not known (it could not be loaded): the owner types the name instead. A value the list does
 * not hold stays visible and marked, so opening a flow never silently changes it.
 */
export function ChoiceField(props: {
  label: string;
  value: string | undefined;
  choices: readonly Choice[] | null;
  onChange(value: string): void;
  /** The label of the empty choice (its value is ""); without it a value must be picked. */
  empty?: string;
  hint?: string;
}) {
  const t = useT();
  const id = useId();
  if (props.choices === null) {
    return (
      <TextField
        label={props.label}
        value={props.value}
        hint={props.hint ?? t('pickers.typedHint')}
        onChange={props.onChange}
      />
    );
  }
  const value = props.value ?? '';
  const listed = value === '' || props.choices.some((c) => c.value === value);
  return (
    <div className={`field${listed ? '' : ' field-invalid'}`}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={value} onChange={(e) => props.onChange(e.target.value)}>
        {(props.empty !== undefined || value === '') && (
          <option value="" disabled={props.empty === undefined}>
            {props.empty ?? t('pickers.pickOne')}
          </option>
        )}
        {!listed && <option value={value}>{t('pickers.notListed', { value })}</option>}
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {props.hint && <small className="muted">{props.hint}</small>}
    </div>
  );
}

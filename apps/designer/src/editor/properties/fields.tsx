import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { FeelField } from '../FeelField';
import type { ScopeName } from '../feel-scope';

/** A labelled one-line text input; `onChange` receives the text as typed. */
export function TextField(props: {
  label: string;
  value: string | undefined;
  onChange(v: string): void;
  placeholder?: string;
  error?: string | null;
  hint?: string;
  onBlur?(): void;
  /** Enter pressed in the field. */
  onEnter?(): void;
}) {
  const id = useId();
  const { onEnter } = props;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={props.value ?? ''}
        placeholder={props.placeholder}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        onKeyDown={
          onEnter
            ? (e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  onEnter();
                }
              }
            : undefined
        }
      />
      {props.hint && <small className="muted">{props.hint}</small>}
      {props.error && <small className="field-error">{props.error}</small>}
    </div>
  );
}

/** A labelled select of string options. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T | undefined;
  options: readonly T[] | ReadonlyArray<readonly [T, string]>;
  onChange(v: T): void;
  empty?: string;
}) {
  const id = useId();
  const opts = props.options.map((o) => (typeof o === 'string' ? ([o, o] as const) : o));
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {opts.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled number input; empty means undefined. */
export function NumberField(props: {
  label: string;
  value: number | undefined;
  onChange(v: number | undefined): void;
  min?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        min={props.min}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </div>
  );
}

/** A labelled checkbox. */
export function CheckField(props: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}

/** Splits "a, b ,c" into ["a","b","c"]. Pure. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A comma-separated list of words (outcomes, tags, recipients). The text is kept while typing
 * so a trailing comma does not vanish; the list is committed on every change.
 */
export function ListField(props: {
  label: string;
  value: readonly string[] | undefined;
  onChange(v: string[]): void;
  hint?: string;
}) {
  const id = useId();
  const joined = (props.value ?? []).join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText((t) => (splitList(t).join(', ') === joined ? t : joined));
  }, [joined]);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(splitList(e.target.value));
        }}
      />
      {props.hint && <small className="muted">{props.hint}</small>}
    </div>
  );
}

/** Rows of name → FEEL expression (set values, subflow input, notify data), with add and remove. */
export function FeelMapField(props: {
  label: string;
  value: Record<string, string> | undefined;
  scope: ScopeName[];
  onChange(v: Record<string, string>): void;
  keyLabel?: string;
}) {
  const t = useT();
  const entries = Object.entries(props.value ?? {});
  const [newKey, setNewKey] = useState('');
  const id = useId();
  const set = (k: string, v: string) => props.onChange({ ...(props.value ?? {}), [k]: v });
  return (
    <fieldset className="map-field">
      <legend>{props.label}</legend>
      {entries.map(([k, v]) => (
        <div key={k} className="map-row">
          <FeelField label={`${k} =`} value={v} scope={props.scope} onChange={(nv) => set(k, nv)} />
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={t('panel.map.remove', { name: k })}
            onClick={() => props.onChange(Object.fromEntries(entries.filter(([x]) => x !== k)))}
          >
            ✕
          </button>
        </div>
      ))}
      <div className="inline-form">
        <label htmlFor={id}>
          {props.keyLabel ?? t('panel.map.newName')}
          <input id={id} value={newKey} onChange={(e) => setNewKey(e.target.value)} />
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={!newKey.trim() || entries.some(([k]) => k === newKey.trim())}
          onClick={() => {
            set(newKey.trim(), 'null');
            setNewKey('');
          }}
        >
          {t('panel.map.add')}
        </button>
      </div>
    </fieldset>
  );
}

import { type FormField, optionLabel } from '@caseflow/schema';
import { useId } from 'react';
import { useT } from '../i18n/use-t';
import { coerce, type FieldRule, type FormInput, orderedFields } from './form-model';

interface Props {
  form: FormInput;
  values: Record<string, unknown>;
  /** By field: the rule broken (said in the reader's language) or a message (e.g. the server's). */
  errors: Record<string, string | FieldRule>;
  onChange(values: Record<string, unknown>): void;
  disabled?: boolean;
}

/** Draws a FormSchema as labelled inputs with inline errors; controlled by `values`. */
export function FormView({ form, values, errors, onChange, disabled }: Props) {
  const base = useId();
  const t = useT();
  return (
    <div className="form-fields">
      {orderedFields(form).map(({ name, field, required }) => {
        const id = `${base}-${name}`;
        const error = errors[name];
        const label = field.title ?? name;
        const said =
          error === undefined
            ? null
            : typeof error === 'string'
              ? `${label} ${error}`
              : t(`form.rule.${error.rule}`, { field: label, ...error, rule: undefined });
        const set = (raw: string | boolean) => onChange({ ...values, [name]: coerce(field, raw) });
        return (
          <div className={`field${error ? ' field-invalid' : ''}`} key={name}>
            {field.type === 'boolean' ? (
              <label className="check" htmlFor={id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={values[name] === true}
                  disabled={disabled}
                  onChange={(e) => set(e.target.checked)}
                />
                {label}
              </label>
            ) : (
              <>
                <label htmlFor={id}>
                  {label}
                  {required && (
                    <span className="required" aria-hidden="true">
                      {' '}
                      *
                    </span>
                  )}
                </label>
                <FieldInput
                  id={id}
                  field={field}
                  value={values[name]}
                  required={required}
                  invalid={Boolean(error)}
                  disabled={disabled}
                  onChange={set}
                />
              </>
            )}
            {field.description && (
              <small className="muted" id={`${id}-help`}>
                {field.description}
              </small>
            )}
            {error && (
              <small className="field-error" id={`${id}-error`}>
                {said}
              </small>
            )}
          </div>
        );
      })}
    </div>
  );
}

interface InputProps {
  id: string;
  field: FormField;
  value: unknown;
  required: boolean;
  invalid: boolean;
  disabled?: boolean;
  onChange(raw: string): void;
}

function FieldInput({ id, field, value, required, invalid, disabled, onChange }: InputProps) {
  const t = useT();
  const common = {
    id,
    required,
    disabled,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${id}-error` : field.description ? `${id}-help` : undefined,
  };
  const text = value === undefined || value === null ? '' : String(value);
  if (field.enum) {
    return (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('form.choose')}</option>
        {field.enum.map((o) => (
          <option key={String(o)} value={String(o)}>
            {optionLabel(field, o)}
          </option>
        ))}
      </select>
    );
  }
  if (field.format === 'textarea') {
    return <textarea {...common} rows={4} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
  const type =
    field.type === 'number' || field.type === 'integer'
      ? 'number'
      : field.format === 'email'
        ? 'email'
        : field.format === 'date'
          ? 'date'
          : field.format === 'date-time'
            ? 'datetime-local'
            : field.format === 'uri'
              ? 'url'
              : field.format === 'phone'
                ? 'tel'
                : 'text';
  return (
    <input
      {...common}
      type={type}
      value={text}
      step={field.type === 'integer' ? 1 : field.type === 'number' ? 'any' : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

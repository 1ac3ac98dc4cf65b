import type { FormField } from '@caseflow/schema';
import { useId, useState } from 'react';
import { useT } from '../i18n/use-t';
import {
  addField,
  isFieldName,
  moveField,
  removeField,
  renameField,
  setRequired,
  updateField,
} from './form-builder';
import { type FormInput, orderedFields } from './form-model';
import { labelsOfOptions, withOptionLabel } from './option-labels';

const TYPES: FormField['type'][] = ['string', 'number', 'integer', 'boolean'];
const FORMATS = ['', 'email', 'date', 'date-time', 'uri', 'phone', 'textarea'] as const;

/** Edits a form's fields: add, rename, reorder, type, required, options and validation limits. */
export function FormBuilder({ form, onChange }: { form: FormInput; onChange(form: FormInput): void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<FormField['type']>('string');
  const fields = orderedFields(form);
  const base = useId();
  const t = useT();
  return (
    <div className="form-builder">
      <ol className="builder-fields">
        {fields.map(({ name: field, field: def, required }, i) => (
          <li key={field} className="builder-field">
            <FieldEditor
              name={field}
              field={def}
              required={required}
              first={i === 0}
              last={i === fields.length - 1}
              onRename={(to) => onChange(renameField(form, field, to))}
              onChange={(next) => onChange(updateField(form, field, next))}
              onRequired={(r) => onChange(setRequired(form, field, r))}
              onMove={(by) => onChange(moveField(form, field, by))}
              onRemove={() => onChange(removeField(form, field))}
            />
          </li>
        ))}
      </ol>
      {fields.length === 0 && <p className="muted">{t('formBuilder.noFields')}</p>}
      <form
        className="inline-form"
        aria-label={t('formBuilder.addForm')}
        onSubmit={(e) => {
          e.preventDefault();
          onChange(addField(form, name, type));
          setName('');
        }}
      >
        <label htmlFor={`${base}-name`}>
          {t('formBuilder.newName')}
          <input
            id={`${base}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('formBuilder.newNameHint')}
          />
        </label>
        <label htmlFor={`${base}-type`}>
          {t('formBuilder.type')}
          <select
            id={`${base}-type`}
            value={type}
            onChange={(e) => setType(e.target.value as FormField['type'])}
          >
            {TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`formBuilder.type.${ty}`)}
              </option>
            ))}
          </select>
        </label>
        <button className="btn" type="submit" disabled={!isFieldName(name) || name in form.properties}>
          {t('formBuilder.add')}
        </button>
      </form>
    </div>
  );
}

interface EditorProps {
  name: string;
  field: FormField;
  required: boolean;
  first: boolean;
  last: boolean;
  onRename(to: string): void;
  onChange(field: FormField): void;
  onRequired(required: boolean): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

const num = (v: string) => (v === '' ? undefined : Number(v));

function FieldEditor({
  name,
  field,
  required,
  first,
  last,
  onRename,
  onChange,
  onRequired,
  onMove,
  onRemove,
}: EditorProps) {
  const id = useId();
  const t = useT();
  const [draftName, setDraftName] = useState(name);
  const set = (patch: Partial<FormField>) => onChange({ ...field, ...patch });
  return (
    <fieldset>
      <legend>{field.title || name}</legend>
      <div className="builder-grid">
        <label htmlFor={`${id}-name`}>
          {t('formBuilder.fieldName')}
          <input
            id={`${id}-name`}
            value={draftName}
            aria-invalid={!isFieldName(draftName) || undefined}
            onChange={(e) => setDraftName(e.target.value)}
            onBlur={() => (isFieldName(draftName) ? onRename(draftName) : setDraftName(name))}
          />
        </label>
        <label htmlFor={`${id}-title`}>
          {t('formBuilder.label')}
          <input
            id={`${id}-title`}
            value={field.title ?? ''}
            onChange={(e) => set({ title: e.target.value || undefined })}
          />
        </label>
        <label htmlFor={`${id}-type`}>
          {t('formBuilder.type')}
          <select
            id={`${id}-type`}
            value={field.type}
            onChange={(e) => set({ type: e.target.value as FormField['type'] })}
          >
            {TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`formBuilder.type.${ty}`)}
              </option>
            ))}
          </select>
        </label>
        {field.type === 'string' && (
          <label htmlFor={`${id}-format`}>
            {t('formBuilder.format')}
            <select
              id={`${id}-format`}
              value={field.format ?? ''}
              onChange={(e) => set({ format: (e.target.value || undefined) as FormField['format'] })}
            >
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`formBuilder.format.${f || 'plain'}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label htmlFor={`${id}-help`} className="wide">
          {t('formBuilder.help')}
          <input
            id={`${id}-help`}
            value={field.description ?? ''}
            onChange={(e) => set({ description: e.target.value || undefined })}
          />
        </label>
        {field.type !== 'boolean' && (
          <label htmlFor={`${id}-enum`} className="wide">
            {t('formBuilder.options')}
            <input
              id={`${id}-enum`}
              value={(field.enum ?? []).join(', ')}
              onChange={(e) => {
                const items = e.target.value
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean);
                const options = items.map((x) => (field.type === 'string' ? x : Number(x)));
                set({
                  enum: options.length ? options : undefined,
                  optionLabels: labelsOfOptions(field.optionLabels, options),
                });
              }}
            />
          </label>
        )}
        {field.type !== 'boolean' &&
          (field.enum ?? []).map((option) => (
            <label key={String(option)} className="wide">
              {t('formBuilder.optionLabel', { option: String(option) })}
              <input
                value={field.optionLabels?.[String(option)] ?? ''}
                placeholder={String(option)}
                maxLength={200}
                onChange={(e) =>
                  set({ optionLabels: withOptionLabel(field.optionLabels, option, e.target.value) })
                }
              />
            </label>
          ))}
        {field.type === 'string' && (
          <>
            <label htmlFor={`${id}-minl`}>
              {t('formBuilder.minLength')}
              <input
                id={`${id}-minl`}
                type="number"
                min={0}
                value={field.minLength ?? ''}
                onChange={(e) => set({ minLength: num(e.target.value) })}
              />
            </label>
            <label htmlFor={`${id}-maxl`}>
              {t('formBuilder.maxLength')}
              <input
                id={`${id}-maxl`}
                type="number"
                min={0}
                value={field.maxLength ?? ''}
                onChange={(e) => set({ maxLength: num(e.target.value) })}
              />
            </label>
            <label htmlFor={`${id}-pattern`} className="wide">
              {t('formBuilder.pattern')}
              <input
                id={`${id}-pattern`}
                value={field.pattern ?? ''}
                onChange={(e) => set({ pattern: e.target.value || undefined })}
              />
            </label>
          </>
        )}
        {(field.type === 'number' || field.type === 'integer') && (
          <>
            <label htmlFor={`${id}-min`}>
              {t('formBuilder.minimum')}
              <input
                id={`${id}-min`}
                type="number"
                value={field.minimum ?? ''}
                onChange={(e) => set({ minimum: num(e.target.value) })}
              />
            </label>
            <label htmlFor={`${id}-max`}>
              {t('formBuilder.maximum')}
              <input
                id={`${id}-max`}
                type="number"
                value={field.maximum ?? ''}
                onChange={(e) => set({ maximum: num(e.target.value) })}
              />
            </label>
          </>
        )}
      </div>
      <div className="btn-row">
        <label className="check">
          <input type="checkbox" checked={required} onChange={(e) => onRequired(e.target.checked)} />
          {t('formBuilder.required')}
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={first}
          onClick={() => onMove(-1)}
          aria-label={t('formBuilder.moveUp', { name })}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={last}
          onClick={() => onMove(1)}
          aria-label={t('formBuilder.moveDown', { name })}
        >
          ↓
        </button>
        <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>
          {t('formBuilder.remove', { name })}
        </button>
      </div>
    </fieldset>
  );
}

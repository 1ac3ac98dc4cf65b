import type { FormSchema } from '@caseflow/schema';
import { useState } from 'react';
import { FormBuilder } from '../../forms/FormBuilder';
import type { FormInput } from '../../forms/form-model';
import { useT } from '../../i18n/use-t';
import { JsonField } from '../JsonField';
import { formMetaSchema } from '../json-schemas';

/** A task's form, edited with the form builder or as JSON Schema in monaco (checked against the meta-schema). */
export function TaskFormField({ form, onChange }: { form: FormInput; onChange(form: FormSchema): void }) {
  const t = useT();
  const [mode, setMode] = useState<'builder' | 'json'>('builder');
  return (
    <fieldset>
      <legend>{t('panel.taskForm')}</legend>
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={mode === 'builder'}
          onClick={() => setMode('builder')}
        >
          {t('panel.taskForm.builder')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={mode === 'json'}
          onClick={() => setMode('json')}
        >
          {t('panel.taskForm.json')}
        </button>
      </div>
      {mode === 'builder' ? (
        <FormBuilder form={form} onChange={(f) => onChange(f as FormSchema)} />
      ) : (
        <JsonField
          label={t('panel.taskForm.jsonLabel')}
          value={form}
          schema={formMetaSchema()}
          onChange={(f) => onChange(f as FormSchema)}
        />
      )}
    </fieldset>
  );
}

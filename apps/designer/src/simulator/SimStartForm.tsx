import { useMemo, useState } from 'react';
import type { FlowDoc } from '../editor/flow-document';
import { FormView } from '../forms/FormView';
import { cleanValues, type FieldRule, fieldRules, initialValues } from '../forms/form-model';
import { useT } from '../i18n/use-t';
import { caseDataForm } from './case-data-form';

/**
 * The case data a simulation starts with, as a form generated from the flow's variables schema
 * (checked as the runtime would); variables no form field can hold (objects, lists) are typed
 * as JSON below it.
 */
export function SimStartForm({
  doc,
  onStart,
}: {
  doc: FlowDoc;
  onStart(variables: Record<string, unknown>): void;
}) {
  const t = useT();
  const { form, other } = useMemo(() => caseDataForm(doc.variables), [doc.variables]);
  const [values, setValues] = useState<Record<string, unknown>>(() => initialValues(form));
  const [json, setJson] = useState('{}');
  const [errors, setErrors] = useState<Record<string, FieldRule>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const fields = Object.keys(form.properties).length;

  const start = () => {
    const broken = fieldRules(form, values);
    setErrors(broken);
    if (Object.keys(broken).length > 0) {
      setProblem(t('sim.data.invalid', { count: Object.keys(broken).length }));
      return;
    }
    let rest: Record<string, unknown> = {};
    if (other.length > 0) {
      try {
        const parsed: unknown = JSON.parse(json || '{}');
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('{ … }');
        rest = parsed as Record<string, unknown>;
      } catch (e) {
        setProblem(t('sim.data.otherInvalid', { message: (e as Error).message }));
        return;
      }
    }
    setProblem(null);
    onStart({ ...rest, ...cleanValues(values) });
  };

  return (
    <form
      className="sim-start"
      aria-label={t('sim.data.title')}
      // The form's own check speaks the owner's language and names each field.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <h3>{t('sim.data.title')}</h3>
      {fields === 0 && other.length === 0 && <p className="muted">{t('sim.data.none')}</p>}
      <FormView form={form} values={values} errors={errors} onChange={setValues} />
      {other.length > 0 && (
        <label>
          {t('sim.data.other', { names: other.join(', ') })}
          <textarea rows={3} value={json} onChange={(e) => setJson(e.target.value)} />
        </label>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="btn btn-primary">
        {t('sim.start')}
      </button>
    </form>
  );
}

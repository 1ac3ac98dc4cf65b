import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, hasRole, useSession } from '../auth/session';
import { useCatalogText } from '../catalog/use-catalog-text';
import { ItemIcon } from '../components/ItemIcon';
import { ErrorBanner, Loading } from '../components/Status';
import { FormView } from '../forms/FormView';
import { cleanValues, type FieldRule, fieldRules, initialValues } from '../forms/form-model';
import { errorMessage, useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { DeflectionPanel } from '../kb/DeflectionPanel';
import { CustomerPicker } from '../work/CustomerPicker';

/**
 * A catalog item's request form. Field errors state the rule (client check, then the server's
 * 400); staff pick the customer they request for by name, email or phone. After submitting,
 * the request's page confirms it and says what happens next and by when.
 */
export function RequestFormPage() {
  const { key = '' } = useParams();
  const t = useT();
  const user = useSession((s) => s.user);
  const navigate = useNavigate();
  const loaded = useResource(() => api.getCatalogItem(key), [key]);
  const inLanguage = useCatalogText();
  // Memoised on the loaded item alone: the form's values reset when it changes.
  const shown = useMemo(() => loaded.data && inLanguage(loaded.data), [loaded.data, inLanguage]);
  const item = { ...loaded, data: shown };
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string | FieldRule>>({});
  const [error, setError] = useState<string | null>(null);
  const [onBehalfOf, setOnBehalfOf] = useState<{
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const actsForOthers = hasRole(user, 'agent') && !user?.roles.includes('customer');

  useEffect(() => {
    if (item.data) setValues(initialValues(item.data.form));
  }, [item.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!item.data) return;
    const local = fieldRules(item.data.form, values);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setError(t('form.fixFields'));
      return;
    }
    if (actsForOthers && !onBehalfOf) {
      setError(t('portal.form.onBehalfRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const opened = await api.submitRequest(
        key,
        cleanValues(values),
        actsForOthers ? onBehalfOf?.id : undefined,
      );
      navigate(`/cases/${opened.id}`, { state: { submitted: true } });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.byField());
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (item.loading && !item.data) return <Loading />;
  if (!item.data) return <ErrorBanner message={item.error} />;
  return (
    <section className="page narrow">
      <p>
        <Link to="/catalog">{t('portal.form.back')}</Link>
      </p>
      <h1 className="with-icon">
        <span className="catalog-icon">
          <ItemIcon name={item.data.icon} />
        </span>
        {item.data.name}
      </h1>
      <p className="muted">{item.data.description}</p>
      <form
        className="card"
        onSubmit={submit}
        aria-label={t('portal.form.label', { name: item.data.name })}
        noValidate
      >
        {actsForOthers && <CustomerPicker value={onBehalfOf} onChange={setOnBehalfOf} />}
        <FormView
          form={item.data.form}
          values={values}
          errors={errors}
          onChange={setValues}
          disabled={busy}
        />
        <ErrorBanner message={error} />
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? t('portal.form.submitting') : t('portal.form.submit')}
        </button>
      </form>
      <DeflectionPanel catalogItem={key} values={values} />
    </section>
  );
}

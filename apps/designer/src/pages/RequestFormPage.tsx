import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, hasRole, useSession } from '../auth/session';
import { ItemIcon } from '../components/ItemIcon';
import { ErrorBanner, Loading } from '../components/Status';
import { FormView } from '../forms/FormView';
import { checkValues, cleanValues, initialValues } from '../forms/form-model';
import { errorMessage, useResource } from '../hooks/useResource';

/** A catalog item's request form; field errors come from the client check and the server's 400. */
export function RequestFormPage() {
  const { key = '' } = useParams();
  const user = useSession((s) => s.user);
  const navigate = useNavigate();
  const item = useResource(() => api.getCatalogItem(key), [key]);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const [busy, setBusy] = useState(false);
  const actsForOthers = hasRole(user, 'agent') && !user?.roles.includes('customer');

  useEffect(() => {
    if (item.data) setValues(initialValues(item.data.form));
  }, [item.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!item.data) return;
    const local = checkValues(item.data.form, values);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setError('Please correct the highlighted fields.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const opened = await api.submitRequest(
        key,
        cleanValues(values),
        actsForOthers ? onBehalfOf || undefined : undefined,
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
        <Link to="/catalog">← Catalog</Link>
      </p>
      <h1 className="with-icon">
        <span className="catalog-icon">
          <ItemIcon name={item.data.icon} />
        </span>
        {item.data.name}
      </h1>
      <p className="muted">{item.data.description}</p>
      <form className="card" onSubmit={submit} aria-label={`Request ${item.data.name}`} noValidate>
        {actsForOthers && (
          <div className="field">
            <label htmlFor="on-behalf">On behalf of customer (id)</label>
            <input
              id="on-behalf"
              value={onBehalfOf}
              onChange={(e) => setOnBehalfOf(e.target.value)}
              required
            />
          </div>
        )}
        <FormView
          form={item.data.form}
          values={values}
          errors={errors}
          onChange={setValues}
          disabled={busy}
        />
        <ErrorBanner message={error} />
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? 'Submitting…' : 'Submit request'}
        </button>
      </form>
    </section>
  );
}

import type { CatalogItemBody } from '@caseflow/schema';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../auth/session';
import { TranslationsEditor, translationsOfForm } from '../catalog/TranslationsEditor';
import { ITEM_ICONS, ItemIcon } from '../components/ItemIcon';
import { ErrorBanner, Loading, StatusLine } from '../components/Status';
import { FormBuilder } from '../forms/FormBuilder';
import { FormView } from '../forms/FormView';
import { checkValues, type FormInput, touchedErrors } from '../forms/form-model';
import { errorMessage, useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';

const KEY = /^[a-z][a-z0-9-]*$/;

const blank = (): CatalogItemBody => ({
  name: '',
  category: 'General',
  description: '',
  icon: 'help',
  form: { type: 'object', properties: {}, required: [] },
  flow: '',
  active: true,
});

/** Catalog item editor for owners (/catalog/:key/edit, /catalog/new): details, form builder with live preview, flow. */
export function CatalogEditorPage() {
  const { key: routeKey } = useParams();
  const isNew = routeKey === undefined;
  const navigate = useNavigate();
  const t = useT();
  const flows = useResource(() => api.listFlows(), []);
  const [key, setKey] = useState(routeKey ?? '');
  const [item, setItem] = useState<CatalogItemBody | null>(isNew ? blank() : null);
  const [preview, setPreview] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (isNew || !routeKey) return;
    api.getCatalogItem(routeKey).then(
      ({ key: _k, updatedAt: _u, ...body }) => setItem(body),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [isNew, routeKey]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!item) return;
    if (!KEY.test(key)) return setError(t('catalogEditor.keyRule'));
    setError(null);
    try {
      const translations = translationsOfForm(item);
      await api.saveCatalogItem(key, { ...item, translations });
      setStatus(t('catalogEditor.saved'));
      if (isNew) navigate(`/catalog/${key}/edit`, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (!item) return error ? <ErrorBanner message={error} /> : <Loading />;
  const set = (patch: Partial<CatalogItemBody>) => setItem({ ...item, ...patch });
  const form = item.form as FormInput;
  return (
    <section className="page wide">
      <p>
        <Link to="/catalog">{t('catalogEditor.back')}</Link>
      </p>
      <h1>{isNew ? t('catalogEditor.newTitle') : t('catalogEditor.editTitle', { name: item.name })}</h1>
      {/* Only the details are the item's form: the form builder holds a form of its own, and
          the preview's required fields must not block saving the item. */}
      <div className="catalog-editor">
        <form className="card" onSubmit={save} aria-label={t('catalogEditor.form')}>
          <h2>{t('catalogEditor.details')}</h2>
          <label>
            {t('catalogEditor.key')}
            <input value={key} onChange={(e) => setKey(e.target.value)} disabled={!isNew} required />
          </label>
          <label>
            {t('catalogEditor.name')}
            <input value={item.name} onChange={(e) => set({ name: e.target.value })} required />
          </label>
          <label>
            {t('catalogEditor.category')}
            <input value={item.category} onChange={(e) => set({ category: e.target.value })} required />
          </label>
          <label>
            {t('catalogEditor.description')}
            <textarea
              rows={3}
              value={item.description ?? ''}
              onChange={(e) => set({ description: e.target.value })}
            />
          </label>
          <fieldset>
            <legend>{t('catalogEditor.icon')}</legend>
            <div className="icon-picker">
              {ITEM_ICONS.map((name) => (
                <label
                  key={name}
                  className={`icon-choice${item.icon === name ? ' active' : ''}`}
                  title={t('catalogEditor.iconName', { name })}
                >
                  <input
                    type="radio"
                    name="icon"
                    value={name}
                    checked={item.icon === name}
                    onChange={() => set({ icon: name })}
                  />
                  <ItemIcon name={name} size={22} />
                  <span className="sr-only">{t('catalogEditor.iconName', { name })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label>
            {t('catalogEditor.flow')}
            <select value={item.flow} onChange={(e) => set({ flow: e.target.value })} required>
              <option value="">{t('catalogEditor.chooseFlow')}</option>
              {(flows.data?.items ?? []).map((f) => (
                <option key={f.key} value={f.key}>
                  {f.name} ({f.key})
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={item.active !== false}
              onChange={(e) => set({ active: e.target.checked })}
            />
            {t('catalogEditor.offered')}
          </label>
          <TranslationsEditor item={item} onChange={(translations) => set({ translations })} />
          <ErrorBanner message={error} />
          <StatusLine message={status} />
          <button className="btn btn-primary" type="submit">
            {t('catalogEditor.save')}
          </button>
        </form>
        <div className="card">
          <h2>{t('catalogEditor.requestForm')}</h2>
          <FormBuilder form={form} onChange={(next) => set({ form: next as CatalogItemBody['form'] })} />
        </div>
        <div className="card preview">
          <h2>{t('catalogEditor.preview')}</h2>
          <FormView
            form={form}
            values={preview}
            errors={touchedErrors(checkValues(form, preview), preview)}
            onChange={setPreview}
          />
        </div>
      </div>
    </section>
  );
}

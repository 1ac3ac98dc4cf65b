import type { ArticleAudience, ArticleStatus, KbLocale } from '@caseflow/schema';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorBanner, Loading, StatusLine } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { isLocale } from '../i18n/locales';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { ArticleHtml } from './ArticleHtml';
import { useMayEditArticles } from './KnowledgeBasePage';
import { kbApi } from './kb-api';

interface Draft {
  slug: string;
  title: string;
  body: string;
  category: string;
  tags: string;
  audience: ArticleAudience;
  locale: KbLocale;
  status: ArticleStatus;
  catalogItems: string;
  revision: number;
}

const EMPTY: Draft = {
  slug: '',
  title: '',
  body: '',
  category: '',
  tags: '',
  audience: 'public',
  locale: 'en',
  status: 'draft',
  catalogItems: '',
  revision: 0,
};

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Waits this long after the last keystroke before rendering the preview on the server. */
const PREVIEW_DELAY_MS = 400;

/**
 * Writes one language of an article: fields, the Markdown body with a live preview rendered by
 * the runtime exactly as readers will see it, and the history of who changed what. Saving over
 * someone else's newer revision is refused (409) and says so.
 */
export function ArticleEditorPage() {
  const { slug: routeSlug } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const t = useT();
  const f = useFormat();
  const mayEdit = useMayEditArticles();
  const asked = params.get('locale');
  const locale: KbLocale = isLocale(asked) ? asked : 'en';
  const existing = useResource(
    () => (routeSlug ? kbApi.get(routeSlug, locale) : Promise.resolve(null)),
    [routeSlug, locale],
  );
  const history = useResource(
    () => (routeSlug ? kbApi.history(routeSlug) : Promise.resolve({ items: [] })),
    [routeSlug, existing.data?.revision],
  );
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, locale });
  const [preview, setPreview] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    const a = existing.data;
    if (!a) return;
    setDraft({
      slug: a.slug,
      title: a.title,
      body: a.body,
      category: a.category,
      tags: a.tags.join(', '),
      audience: a.audience,
      locale: a.locale,
      status: a.status,
      catalogItems: a.catalogItems.join(', '),
      revision: a.revision,
    });
  }, [existing.data]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      kbApi.preview(draft.body).then(
        (r) => live && setPreview(r.html),
        () => undefined,
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft.body]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const saved = await kbApi.save(draft.slug, {
        title: draft.title,
        body: draft.body,
        category: draft.category,
        tags: list(draft.tags),
        audience: draft.audience,
        locale: draft.locale,
        status: draft.status,
        catalogItems: list(draft.catalogItems),
        revision: draft.revision,
      });
      setStatus(t('kb.editor.saved', { revision: saved.revision }));
      if (!routeSlug || saved.locale !== locale)
        navigate(`/kb/${saved.slug}/edit?locale=${saved.locale}`, { replace: true });
      else existing.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (!mayEdit) return <p className="page muted">{t('kb.editor.noRights')}</p>;
  if (routeSlug && existing.loading && !existing.data) return <Loading />;
  return (
    <section className="page wide">
      <p>
        <Link to="/kb">← {t('kb.editor.listTitle')}</Link>
      </p>
      <h1>{routeSlug ? draft.title || routeSlug : t('kb.editor.new')}</h1>
      {existing.data?.flagged && (
        <p className="banner warn">{t('kb.editor.flagNote', { reason: existing.data.flagged.reason })}</p>
      )}
      <div className="kb-editor">
        <form className="card" onSubmit={save} aria-label={t('kb.editor.title')}>
          <div className="field">
            <label htmlFor="kb-slug">{t('kb.editor.slug')}</label>
            <input
              id="kb-slug"
              value={draft.slug}
              readOnly={!!routeSlug}
              required
              pattern="[a-z][a-z0-9-]*"
              onChange={(e) => set('slug', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="kb-title">{t('kb.editor.title')}</label>
            <input
              id="kb-title"
              value={draft.title}
              required
              onChange={(e) => set('title', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="kb-category">{t('kb.editor.category')}</label>
            <input
              id="kb-category"
              value={draft.category}
              required
              onChange={(e) => set('category', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="kb-tags">{t('kb.editor.tags')}</label>
            <input id="kb-tags" value={draft.tags} onChange={(e) => set('tags', e.target.value)} />
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="kb-audience">{t('kb.editor.audience')}</label>
              <select
                id="kb-audience"
                value={draft.audience}
                onChange={(e) => set('audience', e.target.value as ArticleAudience)}
              >
                {(['public', 'customers', 'agents'] as const).map((a) => (
                  <option key={a} value={a}>
                    {t(`kb.editor.audience.${a}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="kb-locale">{t('kb.editor.locale')}</label>
              <select
                id="kb-locale"
                value={draft.locale}
                onChange={(e) => setDraft((d) => ({ ...d, locale: e.target.value as KbLocale, revision: 0 }))}
                disabled={!!existing.data}
              >
                <option value="en">English</option>
                <option value="pt-BR">Português (Brasil)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="kb-status">{t('kb.editor.status')}</label>
              <select
                id="kb-status"
                value={draft.status}
                onChange={(e) => set('status', e.target.value as ArticleStatus)}
              >
                <option value="draft">{t('kb.editor.draft')}</option>
                <option value="published">{t('kb.editor.published')}</option>
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="kb-catalog">{t('kb.editor.catalogItems')}</label>
            <input
              id="kb-catalog"
              value={draft.catalogItems}
              onChange={(e) => set('catalogItems', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="kb-body">{t('kb.editor.body')}</label>
            <textarea
              id="kb-body"
              rows={16}
              value={draft.body}
              onChange={(e) => set('body', e.target.value)}
            />
          </div>
          <ErrorBanner message={error} />
          <StatusLine message={status} />
          <button type="submit" className="btn btn-primary">
            {t('kb.editor.save')}
          </button>
        </form>
        <section className="card" aria-label={t('kb.editor.preview')}>
          <h2>{t('kb.editor.preview')}</h2>
          <h1>{draft.title}</h1>
          <ArticleHtml html={preview} />
        </section>
      </div>
      {routeSlug && (
        <section className="card" aria-labelledby="kb-history-h">
          <h2 id="kb-history-h">{t('kb.editor.history')}</h2>
          {existing.data && (
            <p className="muted">
              {t('kb.editor.helpful', {
                helpful: existing.data.helpful,
                notHelpful: existing.data.notHelpful,
              })}
            </p>
          )}
          <ul>
            {(history.data?.items ?? []).map((h) => (
              <li key={`${h.locale}-${h.at}-${h.action}-${h.revision}`}>
                <time dateTime={h.at}>{f.dateTime(h.at)}</time> · {h.locale} · r{h.revision} ·{' '}
                {t('kb.editor.historyEntry', { action: h.action, by: h.by ?? '—' })}
                {h.changes.length > 0 && <> · {t('kb.editor.changes', { fields: h.changes.join(', ') })}</>}
                {h.note && <> · {h.note}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

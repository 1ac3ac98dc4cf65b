import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBanner } from '../components/Status';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { ArticleFeedback } from './ArticleFeedback';
import { ArticleHtml, Snippet } from './ArticleHtml';
import { deflectionText, newDraftId } from './deflection-text';
import { useLiveSearch } from './HelpCenterPage';
import { kbApi } from './kb-api';
import { useKbLocale } from './kb-locale';

function SuggestedArticle(props: { slug: string; draftId: string; catalogItem: string }) {
  const locale = useKbLocale();
  const article = useResource(() => kbApi.get(props.slug, locale), [props.slug, locale]);
  if (!article.data) return <ErrorBanner message={article.error} />;
  return (
    <div className="kb-suggestion-body">
      <ArticleHtml html={article.data.html} />
      <ArticleFeedback
        slug={article.data.slug}
        locale={article.data.locale}
        draftId={props.draftId}
        catalogItem={props.catalogItem}
      />
    </div>
  );
}

/**
 * Articles beside a request form that may answer what the customer is typing (deflection):
 * each can be read in place and marked "this solved my problem". The form's draft id goes with
 * the vote; if no request follows, the analytics count the request as avoided.
 */
export function DeflectionPanel({
  catalogItem,
  values,
}: {
  catalogItem: string;
  values: Record<string, unknown>;
}) {
  const t = useT();
  const [draftId] = useState(newDraftId);
  const [open, setOpen] = useState<string | null>(null);
  const { hits, error } = useLiveSearch(deflectionText(values), ['article'], 5);
  return (
    <aside className="card kb-deflection" aria-label={t('kb.deflect.title')}>
      <h2>{t('kb.deflect.title')}</h2>
      {hits.length === 0 && <p className="muted">{t('kb.deflect.hint')}</p>}
      <ErrorBanner message={error} />
      <ul className="kb-hits">
        {hits.map((h) => (
          <li key={h.key}>
            <Link to={`/help/${h.key}`} target="_blank" rel="noopener">
              {h.title}
            </Link>
            <Snippet html={h.snippet} />
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => setOpen(open === h.key ? null : h.key)}
            >
              {open === h.key ? t('kb.deflect.hide') : t('kb.deflect.read')}
            </button>
            {open === h.key && <SuggestedArticle slug={h.key} draftId={draftId} catalogItem={catalogItem} />}
          </li>
        ))}
      </ul>
    </aside>
  );
}

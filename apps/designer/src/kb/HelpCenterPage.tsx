import type { SearchHit } from '@caseflow/schema';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/session';
import { ErrorBanner, Loading } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { Snippet } from './ArticleHtml';
import { kbApi } from './kb-api';
import { useKbLocale } from './kb-locale';

/** Waits this long after the last keystroke before searching. */
export const SEARCH_DELAY_MS = 250;

/** Searches as the person types (debounced); answers the hits of the latest query. */
export function useLiveSearch(q: string, kinds: Array<'article' | 'catalog'>, limit = 8) {
  const locale = useKbLocale();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const kindList = kinds.join(',');
  useEffect(() => {
    if (q.trim().length < 2) {
      setHits([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      kbApi.search(q, locale, kindList.split(',') as Array<'article' | 'catalog'>, limit).then(
        (r) => {
          if (!live) return;
          setHits(r.items);
          setError(null);
        },
        (e: unknown) => {
          if (live) setError(errorMessage(e));
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, locale, kindList, limit]);
  return { hits, error };
}

/** The public help centre: search, then every category with its articles. No sign-in needed. */
export function HelpCenterPage() {
  const t = useT();
  const locale = useKbLocale();
  const signedIn = useSession((s) => s.user !== null);
  const [q, setQ] = useState('');
  const articles = useResource(() => kbApi.list({ locale }), [locale, signedIn]);
  const { hits, error } = useLiveSearch(q, signedIn ? ['article', 'catalog'] : ['article']);
  const byCategory = useMemo(() => {
    const groups = new Map<string, Array<{ slug: string; title: string }>>();
    for (const a of articles.data?.items ?? []) {
      const list = groups.get(a.category) ?? [];
      list.push(a);
      groups.set(a.category, list);
    }
    return [...groups.entries()];
  }, [articles.data]);
  return (
    <section className="page">
      <h1>{t('kb.help.title')}</h1>
      <p className="muted">{t('kb.help.intro')}</p>
      <div className="field">
        <label htmlFor="kb-search">{t('kb.help.search')}</label>
        <input
          id="kb-search"
          type="search"
          value={q}
          placeholder={t('kb.help.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <ErrorBanner message={error} />
      {q.trim().length >= 2 && (
        <section className="card" aria-label={t('kb.help.results', { count: hits.length })}>
          {hits.length === 0 && <p className="muted">{t('kb.help.noResults', { q })}</p>}
          <ul className="kb-hits">
            {hits.map((h) => (
              <li key={`${h.kind}:${h.key}`}>
                {h.kind === 'article' ? (
                  <Link to={`/help/${h.key}`}>{h.title}</Link>
                ) : (
                  <Link to={`/catalog/${h.key}`}>
                    {t('kb.help.catalogHit')}: {h.title}
                  </Link>
                )}
                <Snippet html={h.snippet} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {articles.loading && !articles.data && <Loading />}
      <ErrorBanner message={articles.error} />
      {articles.data && byCategory.length === 0 && <p className="muted">{t('kb.help.empty')}</p>}
      <div className="kb-categories">
        {byCategory.map(([category, list]) => (
          <section key={category} className="card" aria-labelledby={`cat-${category}`}>
            <h2 id={`cat-${category}`}>{category}</h2>
            <ul>
              {list.map((a) => (
                <li key={a.slug}>
                  <Link to={`/help/${a.slug}`}>{a.title}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

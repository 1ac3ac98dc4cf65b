import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useSession } from '../auth/session';
import { ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';
import { isLocale } from '../i18n/locales';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { ArticleFeedback } from './ArticleFeedback';
import { ArticleHtml } from './ArticleHtml';
import { kbApi } from './kb-api';
import { useKbLocale } from './kb-locale';

/** One article of the help centre, in the reader's language, with "did this help?". */
export function ArticlePage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const t = useT();
  const f = useFormat();
  const screenLocale = useKbLocale();
  const asked = params.get('locale');
  const locale = isLocale(asked) ? asked : screenLocale;
  const signedIn = useSession((s) => s.user !== null);
  const article = useResource(() => kbApi.get(slug, locale), [slug, locale, signedIn]);
  if (article.loading && !article.data) return <Loading />;
  if (!article.data) return <ErrorBanner message={article.error} />;
  const a = article.data;
  const others = a.translations.filter((l) => l !== a.locale);
  return (
    <article className="page narrow kb-article" lang={a.locale}>
      <p>
        <Link to="/help">{t('kb.article.back')}</Link>
      </p>
      <p className="muted">{a.category}</p>
      <h1>{a.title}</h1>
      <ArticleHtml html={a.html} />
      <p className="muted">{t('kb.article.updated', { when: f.dateTime(a.updatedAt) })}</p>
      {others.length > 0 && (
        <p className="muted">
          {t('kb.article.translations')}{' '}
          {others.map((l) => (
            <Link key={l} to={`/help/${a.slug}?locale=${l}`} lang={l}>
              {l}
            </Link>
          ))}
        </p>
      )}
      <ArticleFeedback slug={a.slug} locale={a.locale} />
    </article>
  );
}

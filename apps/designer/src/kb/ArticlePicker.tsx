import { useState } from 'react';
import { ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { Snippet } from './ArticleHtml';
import { useLiveSearch } from './HelpCenterPage';
import { kbApi } from './kb-api';
import { useKbLocale } from './kb-locale';

/** The address of an article in the help centre, as a customer opens it. */
export function articleUrl(slug: string, locale: string): string {
  return `${globalThis.location?.origin ?? ''}/help/${slug}?locale=${locale}`;
}

/**
 * Search articles from the reply box and put a link or the article's text into the reply.
 * Type, then press Enter on a result's "Insert link": an answer in two keystrokes.
 */
export function ArticlePicker({ onInsert }: { onInsert: (text: string) => void }) {
  const t = useT();
  const locale = useKbLocale();
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { hits, error: searchError } = useLiveSearch(q, ['article'], 5);
  async function insertText(slug: string) {
    try {
      const a = await kbApi.get(slug, locale);
      onInsert(`${a.title}\n\n${a.body}`);
      setQ('');
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <div className="kb-picker">
      <input
        type="search"
        aria-label={t('kb.agent.search')}
        placeholder={t('kb.agent.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <ErrorBanner message={searchError ?? error} />
      {hits.length > 0 && (
        <ul className="kb-hits">
          {hits.map((h) => (
            <li key={h.key}>
              <strong>{h.title}</strong>
              <Snippet html={h.snippet} />
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  onInsert(`${h.title}: ${articleUrl(h.key, h.locale ?? locale)}`);
                  setQ('');
                }}
              >
                {t('kb.agent.insertLink')}
              </button>
              <button type="button" className="btn btn-ghost" onClick={() => void insertText(h.key)}>
                {t('kb.agent.insertText')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

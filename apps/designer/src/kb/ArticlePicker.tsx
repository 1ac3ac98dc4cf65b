import { type KeyboardEvent, type RefObject, useState } from 'react';
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

/** Whether a key press in the reply box goes to the article search: Alt+K ("knowledge"). */
export function isArticleShortcut(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string }) {
  return e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyK';
}

/**
 * Search articles from the reply box and put a link or the article's text into the reply.
 * Alt+K in the reply jumps here; type, and Enter inserts the best match's link (arrows pick
 * another, Shift+Enter its text): an answer in two keystrokes.
 */
export function ArticlePicker({
  onInsert,
  inputRef,
}: {
  onInsert: (text: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const t = useT();
  const locale = useKbLocale();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const { hits, error: searchError } = useLiveSearch(q, ['article'], 5);
  const insertLink = (hit: (typeof hits)[number]) => {
    onInsert(`${hit.title}: ${articleUrl(hit.key, hit.locale ?? locale)}`);
    setQ('');
    setActive(0);
  };
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const hit = hits[Math.min(active, hits.length - 1)];
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Escape') setQ('');
    else if (e.key === 'Enter' && hit) {
      if (e.shiftKey) void insertText(hit.key);
      else insertLink(hit);
    } else return;
    e.preventDefault();
  }
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
        ref={inputRef}
        type="search"
        aria-label={t('kb.agent.search')}
        aria-keyshortcuts="Alt+K"
        placeholder={t('kb.agent.searchHint')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ErrorBanner message={searchError ?? error} />
      {hits.length > 0 && (
        <ul className="kb-hits">
          {hits.map((h, i) => (
            <li key={h.key} className={i === active ? 'active' : undefined}>
              <strong>{h.title}</strong>
              <Snippet html={h.snippet} />
              <button type="button" className="btn btn-ghost" onClick={() => insertLink(h)}>
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

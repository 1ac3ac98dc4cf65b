import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { ErrorBanner } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { useLocale } from '../i18n/use-locale';
import { useT } from '../i18n/use-t';
import { filterResponses } from './response-filter';
import { responsesApi } from './responses-api';
import './responses.css';

/** Whether a key press in the reply box opens the picker: Alt+R ("responses", "respostas"). */
export function isPickerShortcut(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string }) {
  return e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyR';
}

interface Props {
  caseId: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Receives the rendered text; the caller puts it into the reply and focuses it again. */
  onInsert(text: string): void;
}

/**
 * Canned responses beside the reply box: Alt+R in the reply (or the button) opens a filter;
 * arrows choose, Enter inserts the response with its placeholders filled in by the server.
 */
export function ResponsePicker({ caseId, open, onOpenChange, onInsert }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const all = useResource(() => (open ? responsesApi.list() : Promise.resolve(null)), [open]);
  const shown = filterResponses(all.data?.items ?? [], q, locale).slice(0, 8);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  async function insert(id: string) {
    try {
      const rendered = await responsesApi.render(id, caseId);
      onInsert(rendered.body);
      setQ('');
      setError(null);
      onOpenChange(false);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Escape') onOpenChange(false);
    else if (e.key === 'Enter' && shown[active]) void insert(shown[active].id);
    else return;
    e.preventDefault();
  }

  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => onOpenChange(true)}
        aria-keyshortcuts="Alt+R"
      >
        {t('responses.open')}
      </button>
    );
  }
  return (
    <div className="response-picker">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown[active] ? `${listId}-${shown[active].id}` : undefined}
        aria-label={t('responses.filter')}
        placeholder={t('responses.filter')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ErrorBanner message={all.error ?? error} />
      {all.data && shown.length === 0 && <p className="muted">{t('responses.none')}</p>}
      <div id={listId} role="listbox" aria-label={t('responses.title')} className="response-list">
        {shown.map((r, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the filter input handles the keys (combobox)
          <div
            key={r.id}
            id={`${listId}-${r.id}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => void insert(r.id)}
          >
            <strong>{r.title}</strong> <span className="muted">{r.locale}</span>
            <span className="response-preview">{r.body}</span>
          </div>
        ))}
      </div>
      <p className="muted">{t('responses.hint')}</p>
    </div>
  );
}

import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/use-t';

/**
 * A search box for cases: the number (REQ-000123 or 123), words of the subject or (staff) a
 * customer id. Calls `onSearch` with the trimmed text on submit; an empty text clears.
 */
export function CaseSearch({ label, onSearch }: { label: string; onSearch(q: string): void }) {
  const t = useT();
  const [text, setText] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch(text.trim());
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label={label}>
      <label className="grow">
        {label}
        <input
          type="search"
          value={text}
          maxLength={200}
          placeholder={t('work.search.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button className="btn" type="submit">
        {t('work.search.button')}
      </button>
    </form>
  );
}

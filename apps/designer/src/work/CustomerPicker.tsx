import { useEffect, useId, useState } from 'react';
import { api } from '../auth/session';
import { useT } from '../i18n/use-t';

export interface Found {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
}

/** The message ids a picker shows: its label, hint, "none found" and "chosen" (with {name}). */
export interface PickerLabels {
  label: string;
  hint: string;
  none: string;
  chosen: string;
}
const ON_BEHALF: PickerLabels = {
  label: 'portal.form.onBehalf',
  hint: 'portal.form.onBehalfHint',
  none: 'portal.form.onBehalfNone',
  chosen: 'portal.form.onBehalfChosen',
};

/**
 * Picks a customer by name, email or phone (GET /customers?search=), for staff requesting on a
 * customer's behalf (or, with other `labels`, choosing a contact to merge): type, then choose
 * one of the matches. `exclude` leaves one customer out of the matches.
 */
export function CustomerPicker({
  value,
  onChange,
  labels = ON_BEHALF,
  exclude,
}: {
  value: Found | null;
  onChange(c: Found | null): void;
  labels?: PickerLabels;
  exclude?: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.findCustomers(q).then(
        (page) => live && setFound(page.items.filter((c) => c.id !== exclude)),
        () => live && setFound([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, exclude]);
  return (
    <div className="field customer-picker">
      <label htmlFor={`${id}-q`}>{t(labels.label)}</label>
      {value ? (
        <p>
          <strong>{t(labels.chosen, { name: value.name })}</strong>{' '}
          <small className="muted">{[value.email, value.phone, value.id].filter(Boolean).join(' · ')}</small>{' '}
          <button type="button" className="btn btn-small" onClick={() => onChange(null)}>
            {t('common.edit')}
          </button>
        </p>
      ) : (
        <>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${id}-help`}
            autoComplete="off"
          />
          <small className="muted" id={`${id}-help`}>
            {t(labels.hint)}
          </small>
          {found && found.length === 0 && <p className="muted">{t(labels.none)}</p>}
          {found && found.length > 0 && (
            <ul className="plain picker-results">
              {found.map((c) => (
                <li key={c.id}>
                  <button type="button" className="btn btn-small" onClick={() => onChange(c)}>
                    {c.name}
                  </button>{' '}
                  <small className="muted">{[c.email, c.phone, c.id].filter(Boolean).join(' · ')}</small>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

import { useId, useState } from 'react';
import { StatusLine } from '../components/Status';
import { useT } from '../i18n/use-t';
import { awayAfterMinutes, MINUTES_CHANGED, saveAwayAfterMinutes } from './idle-watcher';

/** The account page's presence setting: minutes without activity before showing as away. */
export function PresencePreferences() {
  const t = useT();
  const id = useId();
  const [minutes, setMinutes] = useState(() => String(awayAfterMinutes()));
  const [saved, setSaved] = useState(false);
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('presence.prefs.title')}</h2>
      <p className="muted">{t('presence.prefs.body')}</p>
      <label htmlFor={id}>{t('presence.prefs.minutes')}</label>{' '}
      <input
        id={id}
        type="number"
        min={0}
        max={480}
        step={1}
        value={minutes}
        onChange={(e) => {
          setMinutes(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value !== '' && Number.isInteger(n) && n >= 0 && n <= 480) {
            saveAwayAfterMinutes(n);
            window.dispatchEvent(new Event(MINUTES_CHANGED));
            setSaved(true);
          }
        }}
      />
      <StatusLine message={saved ? t('presence.prefs.saved') : null} />
    </section>
  );
}

import { LOCALE_NAMES, LOCALES } from './locales';
import { useLocale } from './use-locale';
import { useT } from './use-t';

/** The language picker of the header and the login page; the choice is remembered. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const setLocale = useLocale((s) => s.setLocale);
  return (
    <select
      className="language-switch"
      aria-label={t('language.label')}
      value={locale}
      onChange={(e) => setLocale(e.target.value as (typeof LOCALES)[number])}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}

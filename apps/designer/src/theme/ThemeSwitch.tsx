import { useT } from '../i18n/use-t';
import { THEME_CHOICES, type ThemeChoice } from './theme-store';
import { useThemeChoice } from './useTheme';

const LABELS: Record<ThemeChoice, string> = {
  light: 'theme.light',
  dark: 'theme.dark',
  system: 'theme.system',
};

/** The header's Light / Dark / System choice. */
export function ThemeSwitch() {
  const { choice, setChoice } = useThemeChoice();
  const t = useT();
  return (
    <label className="theme-switch">
      <span className="sr-only">{t('theme.label')}</span>
      <select value={choice} onChange={(e) => setChoice(e.target.value as ThemeChoice)}>
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(LABELS[c])}
          </option>
        ))}
      </select>
    </label>
  );
}

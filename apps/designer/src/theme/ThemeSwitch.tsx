import { THEME_CHOICES, type ThemeChoice } from './theme-store';
import { useThemeChoice } from './useTheme';

const LABELS: Record<ThemeChoice, string> = { light: 'Light', dark: 'Dark', system: 'System' };

/** The header's Light / Dark / System choice. */
export function ThemeSwitch() {
  const { choice, setChoice } = useThemeChoice();
  return (
    <label className="theme-switch">
      <span className="sr-only">Theme</span>
      <select value={choice} onChange={(e) => setChoice(e.target.value as ThemeChoice)}>
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}

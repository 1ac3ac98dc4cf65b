import { useStore } from 'zustand';
import { createThemeStore, effectiveTheme, type Theme, type ThemeState } from './theme-store';

/** The app's one theme store, bound to this browser's storage, OS preference and <html>. */
export const themeStore = createThemeStore({
  storage: globalThis.localStorage,
  media: globalThis.matchMedia?.('(prefers-color-scheme: dark)'),
  root: globalThis.document?.documentElement,
});

/** The user's choice and its setter (the header switch). */
export function useThemeChoice(): Pick<ThemeState, 'choice' | 'setChoice'> {
  const choice = useStore(themeStore, (s) => s.choice);
  const setChoice = useStore(themeStore, (s) => s.setChoice);
  return { choice, setChoice };
}

/** The theme being drawn, for widgets that take a theme rather than CSS (monaco, the canvas). */
export function useTheme(): Theme {
  return useStore(themeStore, (s) => effectiveTheme(s.choice, s.systemDark));
}

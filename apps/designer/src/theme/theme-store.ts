import { createStore, type StoreApi } from 'zustand/vanilla';

/** What the user picked in the header: a fixed theme, or whatever the OS prefers. */
export type ThemeChoice = 'light' | 'dark' | 'system';
/** The theme actually drawn. */
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];
export const THEME_STORAGE_KEY = 'caseflow.theme';

/** Reads a stored choice; anything unknown (missing, stale, tampered) means "system". Pure. */
export function parseThemeChoice(raw: string | null | undefined): ThemeChoice {
  return THEME_CHOICES.find((c) => c === raw) ?? 'system';
}

/** The theme to draw for `choice` when the OS prefers dark (`systemDark`) or not. Pure. */
export function effectiveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

export interface ThemeState {
  choice: ThemeChoice;
  systemDark: boolean;
  setChoice(choice: ThemeChoice): void;
}

/** The parts of the browser the theme depends on, passed in so tests can stand in for the OS. */
export interface ThemeEnvironment {
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** `matchMedia('(prefers-color-scheme: dark)')`; absent where the platform has none (jsdom). */
  media?: {
    readonly matches: boolean;
    addEventListener(type: 'change', listener: (e: { matches: boolean }) => void): void;
  };
  /** Receives `data-theme` (the effective theme), which the CSS tokens key on. */
  root?: HTMLElement;
}

/**
 * The theme choice: loaded from and saved to `storage`, following the OS preference live while
 * the choice is "system", and mirrored onto `root`'s `data-theme` on every change.
 */
export function createThemeStore(env: ThemeEnvironment): StoreApi<ThemeState> {
  const store = createStore<ThemeState>((set) => ({
    choice: parseThemeChoice(readStored(env.storage)),
    systemDark: env.media?.matches ?? false,
    setChoice(choice) {
      try {
        env.storage?.setItem(THEME_STORAGE_KEY, choice);
      } catch {
        // Storage full or blocked: the choice still holds for this page.
      }
      set({ choice });
    },
  }));
  env.media?.addEventListener('change', (e) => store.setState({ systemDark: e.matches }));
  const apply = ({ choice, systemDark }: ThemeState) => {
    if (env.root) env.root.dataset.theme = effectiveTheme(choice, systemDark);
  };
  apply(store.getState());
  store.subscribe(apply);
  return store;
}

function readStored(storage: ThemeEnvironment['storage']): string | null {
  try {
    return storage?.getItem(THEME_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

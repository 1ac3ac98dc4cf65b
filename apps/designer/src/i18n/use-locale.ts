import { create } from 'zustand';
import { isLocale, type Locale, pickLocale } from './locales';

const STORAGE_KEY = 'caseflow.locale';

/**
 * Where the current language came from, which decides what a sign-in does with it:
 * - `choice`: picked in this page (the login page's switch) — saved to the profile at sign-in;
 * - `stored`: an earlier choice remembered in this browser — saved only to a profile with none;
 * - `profile`: the signed-in user's profile language;
 * - `browser`: the browser's languages, a guess — never saved to a profile.
 */
export type LocaleSource = 'choice' | 'stored' | 'profile' | 'browser';

function stored(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
    return isLocale(value) ? value : null;
  } catch {
    // Storage may be unavailable (privacy mode): fall back to the browser's languages.
    return null;
  }
}

/** The language this browser would show with no profile: its remembered choice, else its languages. */
function fromBrowser(): { locale: Locale; source: LocaleSource } {
  const remembered = stored();
  if (remembered) return { locale: remembered, source: 'stored' };
  const browser =
    typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return { locale: pickLocale(browser), source: 'browser' };
}

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

interface LocaleState {
  locale: Locale;
  source: LocaleSource;
  /** The user's explicit choice: remembered in this browser. */
  setLocale(locale: Locale): void;
  /** A signed-in profile's language: shown, not remembered as this browser's choice. */
  applyProfile(locale: Locale): void;
  /** Marks the current language as remembered (after a sign-in saved the choice to a profile). */
  settle(): void;
  /** Back to this browser's own language (after a profile's language, at sign-out). */
  reset(): void;
}

/** The language of the screens: the user's remembered choice, else the browser's. */
export const useLocale = create<LocaleState>((set, get) => {
  const start = fromBrowser();
  applyToDocument(start.locale);
  return {
    ...start,
    setLocale(next) {
      if (!isLocale(next)) return;
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered, but still applied for this page.
      }
      applyToDocument(next);
      set({ locale: next, source: 'choice' });
    },
    applyProfile(next) {
      if (!isLocale(next)) return;
      applyToDocument(next);
      set({ locale: next, source: 'profile' });
    },
    settle() {
      if (get().source === 'choice') set({ source: 'stored' });
    },
    reset() {
      const own = fromBrowser();
      applyToDocument(own.locale);
      set(own);
    },
  };
});

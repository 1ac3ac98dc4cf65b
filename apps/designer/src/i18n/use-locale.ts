import { create } from 'zustand';
import { isLocale, type Locale, pickLocale } from './locales';

const STORAGE_KEY = 'caseflow.locale';

function initial(): Locale {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage may be unavailable (privacy mode): fall back to the browser's languages.
  }
  const browser =
    typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return pickLocale([stored, ...browser]);
}

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

interface LocaleState {
  locale: Locale;
  /** The user's explicit choice: remembered in this browser. */
  setLocale(locale: Locale): void;
}

/** The language of the screens: the user's remembered choice, else the browser's. */
export const useLocale = create<LocaleState>((set) => {
  const locale = initial();
  applyToDocument(locale);
  return {
    locale,
    setLocale(next) {
      if (!isLocale(next)) return;
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered, but still applied for this page.
      }
      applyToDocument(next);
      set({ locale: next });
    },
  };
});

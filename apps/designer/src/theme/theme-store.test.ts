import { afterEach, describe, expect, it } from 'vitest';
import { createThemeStore, effectiveTheme, parseThemeChoice, THEME_STORAGE_KEY } from './theme-store';

/** Stands in for the OS colour preference, which jsdom does not have. */
class OsPreference {
  matches: boolean;
  private listeners: Array<(e: { matches: boolean }) => void> = [];
  constructor(dark: boolean) {
    this.matches = dark;
  }
  addEventListener(_type: 'change', listener: (e: { matches: boolean }) => void): void {
    this.listeners.push(listener);
  }
  /** The user flips the OS between light and dark. */
  flip(dark: boolean): void {
    this.matches = dark;
    for (const l of this.listeners) l({ matches: dark });
  }
}

const root = document.documentElement;

afterEach(() => {
  localStorage.clear();
  delete root.dataset.theme;
});

describe('theme choice', () => {
  it('reads unknown stored values as "system"', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('system')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
  });

  it('draws the OS preference only while the choice is "system"', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });

  it('starts from the OS preference and marks <html> with it', () => {
    createThemeStore({ storage: localStorage, media: new OsPreference(true), root });
    expect(root.dataset.theme).toBe('dark');
  });

  it('keeps an explicit choice in storage and applies it at once', () => {
    const store = createThemeStore({ storage: localStorage, media: new OsPreference(false), root });
    store.getState().setChoice('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    const reloaded = createThemeStore({ storage: localStorage, media: new OsPreference(false), root });
    expect(reloaded.getState().choice).toBe('dark');
    expect(root.dataset.theme).toBe('dark');
  });

  it('follows the OS live on "system" and ignores it on an explicit choice', () => {
    const os = new OsPreference(false);
    const store = createThemeStore({ storage: localStorage, media: os, root });
    os.flip(true);
    expect(root.dataset.theme).toBe('dark');
    os.flip(false);
    expect(root.dataset.theme).toBe('light');

    store.getState().setChoice('dark');
    os.flip(false);
    expect(root.dataset.theme).toBe('dark');
    store.getState().setChoice('system');
    expect(root.dataset.theme).toBe('light');
  });

  it('ignores a corrupt stored value and storage that refuses writes', () => {
    localStorage.setItem(THEME_STORAGE_KEY, '{"dark":true}');
    const refusing = {
      getItem: (k: string) => localStorage.getItem(k),
      setItem() {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const store = createThemeStore({ storage: refusing, media: new OsPreference(false), root });
    expect(store.getState().choice).toBe('system');
    store.getState().setChoice('dark');
    expect(root.dataset.theme).toBe('dark');
  });
});

import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../i18n/test-render';
import { ThemeSwitch } from './ThemeSwitch';
import { THEME_STORAGE_KEY } from './theme-store';
import { themeStore } from './useTheme';

afterEach(() => {
  cleanup();
  themeStore.getState().setChoice('system');
  localStorage.clear();
});

describe('ThemeSwitch', () => {
  it('offers Light, Dark and System under the name "Theme" and applies the pick', () => {
    renderWithI18n(<ThemeSwitch />);
    const select = screen.getByRole('combobox', { name: 'Theme' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Light', 'Dark', 'System']);
    expect(select).toHaveProperty('value', 'system');

    fireEvent.change(select, { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(select).toHaveProperty('value', 'dark');

    fireEvent.change(select, { target: { value: 'light' } });
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});

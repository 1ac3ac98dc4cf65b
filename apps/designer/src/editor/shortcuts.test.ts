import { describe, expect, it } from 'vitest';
import { isTyping, shortcutFor } from './shortcuts';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z to undo and redo', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(press('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
  });
  it('treats Cmd like Ctrl', () => {
    expect(shortcutFor(press('c', { metaKey: true }))).toBe('copy');
    expect(shortcutFor(press('v', { metaKey: true }))).toBe('paste');
  });
  it('deletes with Delete and Backspace, and ignores plain letters', () => {
    expect(shortcutFor(press('Delete'))).toBe('delete');
    expect(shortcutFor(press('Backspace'))).toBe('delete');
    expect(shortcutFor(press('z'))).toBeNull();
  });
});

describe('isTyping', () => {
  it('is true inside inputs and false on the canvas', () => {
    const input = document.createElement('input');
    const div = document.createElement('div');
    expect(isTyping(input)).toBe(true);
    expect(isTyping(div)).toBe(false);
  });
});

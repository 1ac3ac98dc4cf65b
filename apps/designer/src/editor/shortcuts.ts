/** Editor actions bound to keys. */
export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'delete'
  | 'selectAll'
  | 'save'
  | 'fit'
  | 'layout';

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey?: boolean;
}

/** Shortcut list shown in the editor's help. */
export const SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Y / Ctrl+Shift+Z', 'Redo'],
  ['Ctrl+C / Ctrl+V', 'Copy / paste nodes'],
  ['Delete / Backspace', 'Delete selection'],
  ['Ctrl+A', 'Select all'],
  ['Ctrl+S', 'Save draft'],
  ['Shift+1', 'Zoom to fit'],
  ['Shift+L', 'Auto-layout'],
];

/** The action a key press asks for, or null. Cmd counts as Ctrl on macOS. Pure. */
export function shortcutFor(e: KeyPress): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'a') return 'selectAll';
    if (key === 's') return 'save';
    return null;
  }
  if (e.altKey) return null;
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (e.shiftKey && (key === '!' || key === '1')) return 'fit';
  if (e.shiftKey && key === 'l') return 'layout';
  return null;
}

/** True when the key press happens in a text field, where editor shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return (
    tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.closest('.monaco-editor') !== null
  );
}

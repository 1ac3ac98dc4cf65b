/**
 * Editor commands as data. Each action is declared once — its label, shortcuts, whether it
 * can run now and what it does — and the toolbar, the keyboard and the `?` shortcut sheet are
 * all drawn from the same list, so they never disagree.
 */

/** One key combination. `mod` is Ctrl (Cmd on macOS). */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey?: boolean;
}

/** Where an action sits in the toolbar and the shortcut sheet. */
export type ActionGroup = 'history' | 'edit' | 'view' | 'file' | 'publish';

export interface Action<C> {
  id: string;
  /** Message id of its label (i18n). */
  label: string;
  group: ActionGroup;
  shortcuts?: readonly Shortcut[];
  /** Shown as a toolbar button (others live on the keyboard and in the sheet). */
  toolbar?: boolean;
  /** A toolbar button drawn as this symbol alone (its label becomes its accessible name and tooltip). */
  icon?: string;
  /** The toolbar's main action is drawn as the primary button. */
  primary?: boolean;
  /** A toggle's state (aria-pressed). */
  pressed?(c: C): boolean;
  /** Whether it can run now; absent means always. */
  enabled?(c: C): boolean;
  perform(c: C): void;
}

/** Declares the actions, refusing two with one id or two claiming one shortcut. */
export function defineActions<C>(actions: readonly Action<C>[]): readonly Action<C>[] {
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  for (const a of actions) {
    if (ids.has(a.id)) throw new Error(`action "${a.id}" is declared twice`);
    ids.add(a.id);
    for (const s of a.shortcuts ?? []) {
      const k = shortcutKey(s);
      const other = keys.get(k);
      if (other) throw new Error(`shortcut ${k} is claimed by "${other}" and "${a.id}"`);
      keys.set(k, a.id);
    }
  }
  return actions;
}

function shortcutKey(s: Shortcut): string {
  return `${s.mod ? 'mod+' : ''}${s.shift ? 'shift+' : ''}${s.key.toLowerCase()}`;
}

/** Keys whose character already says Shift ("?", "!", "+"): Shift is not compared for them. */
const SHIFTED = new Set(['?', '!', '+']);

/** True when `e` is the combination `s`. Cmd counts as Ctrl. Pure. */
export function matches(s: Shortcut, e: KeyPress): boolean {
  if (e.altKey) return false;
  const mod = e.ctrlKey || e.metaKey;
  if (Boolean(s.mod) !== mod) return false;
  const key = s.key.toLowerCase();
  if (SHIFTED.has(key)) return e.key === s.key;
  if (Boolean(s.shift) !== e.shiftKey) return false;
  const pressed = e.key.toLowerCase();
  // Shift+1 reads "!" on most layouts.
  if (key === '1' && s.shift) return pressed === '1' || pressed === '!';
  return pressed === key;
}

/** The action a key press asks for, or null. Pure. */
export function actionFor<C>(actions: readonly Action<C>[], e: KeyPress): Action<C> | null {
  return actions.find((a) => a.shortcuts?.some((s) => matches(s, e))) ?? null;
}

const KEY_NAMES: Record<string, string> = {
  delete: 'Delete',
  backspace: 'Backspace',
  enter: 'Enter',
  escape: 'Esc',
};

/** A shortcut as shown to people: "Ctrl+Shift+Z", "⌘Z" on macOS. Pure. */
export function shortcutText(s: Shortcut, mac = false): string {
  const key = KEY_NAMES[s.key.toLowerCase()] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  if (mac) return `${s.mod ? '⌘' : ''}${s.shift ? '⇧' : ''}${key}`;
  return [s.mod ? 'Ctrl' : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** Runs an action if it is enabled; returns whether it ran. */
export function runAction<C>(action: Action<C>, c: C): boolean {
  if (action.enabled && !action.enabled(c)) return false;
  action.perform(c);
  return true;
}

/** True when the key press happens in a text field, where editor shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return (
    tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.closest('.monaco-editor') !== null
  );
}

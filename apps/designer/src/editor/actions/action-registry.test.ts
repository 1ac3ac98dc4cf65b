import { describe, expect, it, vi } from 'vitest';
import { addNode } from '../commands';
import { createEditorStore } from '../editor-store';
import { emptyFlow } from '../flow-document';
import {
  type Action,
  actionFor,
  defineActions,
  isTyping,
  matches,
  runAction,
  shortcutText,
} from './action-registry';
import { EDITOR_ACTIONS, type EditorActionContext } from './editor-actions';

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

function context(over: Partial<EditorActionContext> = {}): EditorActionContext {
  const op = () => vi.fn();
  return {
    store: createEditorStore(emptyFlow('f')),
    busy: false,
    heatOn: false,
    hasClipboard: false,
    save: op(),
    validate: op(),
    publish: op(),
    layout: op(),
    fit: op(),
    zoomIn: op(),
    zoomOut: op(),
    toggleHeat: op(),
    simulate: op(),
    copy: op(),
    paste: op(),
    importJson: op(),
    exportJson: op(),
    versions: op(),
    showShortcuts: op(),
    ...over,
  };
}
const action = (id: string) => EDITOR_ACTIONS.find((a) => a.id === id)!;

describe('the action registry', () => {
  it('refuses an id or a shortcut declared twice', () => {
    const a: Action<null> = {
      id: 'a',
      label: 'x',
      group: 'edit',
      shortcuts: [{ key: 's', mod: true }],
      perform() {},
    };
    expect(() => defineActions([a, { ...a, shortcuts: [] }])).toThrow(/declared twice/);
    expect(() => defineActions([a, { ...a, id: 'b' }])).toThrow(/claimed by "a" and "b"/);
  });

  it('finds the editor action of a key press; Cmd counts as Ctrl, Alt never matches', () => {
    expect(actionFor(EDITOR_ACTIONS, press('z', { ctrlKey: true }))?.id).toBe('undo');
    expect(actionFor(EDITOR_ACTIONS, press('Z', { ctrlKey: true, shiftKey: true }))?.id).toBe('redo');
    expect(actionFor(EDITOR_ACTIONS, press('y', { metaKey: true }))?.id).toBe('redo');
    expect(actionFor(EDITOR_ACTIONS, press('s', { ctrlKey: true }))?.id).toBe('save');
    expect(actionFor(EDITOR_ACTIONS, press('!', { shiftKey: true }))?.id).toBe('fit');
    expect(actionFor(EDITOR_ACTIONS, press('?', { shiftKey: true }))?.id).toBe('shortcuts');
    expect(actionFor(EDITOR_ACTIONS, press('Backspace'))?.id).toBe('delete');
    expect(actionFor(EDITOR_ACTIONS, press('z'))).toBeNull();
    expect(actionFor(EDITOR_ACTIONS, press('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(matches({ key: 'l', shift: true }, press('L', { shiftKey: true }))).toBe(true);
    expect(matches({ key: 'l', shift: true }, press('l'))).toBe(false);
  });

  it('shows shortcuts as people write them', () => {
    expect(shortcutText({ key: 'z', mod: true, shift: true })).toBe('Ctrl+Shift+Z');
    expect(shortcutText({ key: 'z', mod: true }, true)).toBe('⌘Z');
    expect(shortcutText({ key: 'Delete' })).toBe('Delete');
  });

  it('runs an action only when it is enabled, from the editor state', () => {
    const c = context();
    expect(runAction(action('undo'), c)).toBe(false);
    c.store.getState().run(addNode('task', { x: 0, y: 0 }));
    expect(runAction(action('undo'), c)).toBe(true);
    expect(c.store.getState().doc.nodes).toHaveLength(2);
    expect(action('redo').enabled!(c)).toBe(true);
    expect(action('delete').enabled!(c)).toBe(false);
    c.store.getState().select({ nodes: ['done'] });
    expect(runAction(action('delete'), c)).toBe(true);
    expect(c.store.getState().doc.nodes.map((n) => n.id)).toEqual(['start']);
    expect(runAction(action('paste'), c)).toBe(false);
    expect(runAction(action('save'), context({ busy: true }))).toBe(false);
    const ready = context();
    expect(runAction(action('publish'), ready)).toBe(true);
    expect(ready.publish).toHaveBeenCalledOnce();
  });

  it('declares every editor command with a translated label', async () => {
    const { en } = await import('../editor.messages');
    for (const a of EDITOR_ACTIONS) expect(en, a.id).toHaveProperty([a.label]);
    const ids = EDITOR_ACTIONS.map((a) => a.id);
    for (const id of [
      'save',
      'validate',
      'publish',
      'undo',
      'redo',
      'copy',
      'paste',
      'delete',
      'layout',
      'fit',
      'heat',
      'simulate',
    ])
      expect(ids).toContain(id);
  });

  it('does not fire while typing in a field', () => {
    expect(isTyping(document.createElement('input'))).toBe(true);
    expect(isTyping(document.createElement('div'))).toBe(false);
  });
});

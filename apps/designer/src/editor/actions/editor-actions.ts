import type { StoreApi } from 'zustand';
import { edgeIds, removeElements } from '../commands';
import type { EditorState } from '../editor-store';
import { type Action, defineActions } from './action-registry';

/** What the editor's actions act on: its store, its view state and the page's operations. */
export interface EditorActionContext {
  store: StoreApi<EditorState>;
  busy: boolean;
  heatOn: boolean;
  hasClipboard: boolean;
  save(): void;
  validate(): void;
  publish(): void;
  layout(): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  toggleHeat(): void;
  simulate(): void;
  copy(): void;
  paste(): void;
  importJson(): void;
  exportJson(): void;
  versions(): void;
  showShortcuts(): void;
}

type EditorAction = Action<EditorActionContext>;
const state = (c: EditorActionContext) => c.store.getState();
const hasSelection = (c: EditorActionContext) => {
  const s = state(c).selection;
  return s.nodes.length + s.edges.length > 0;
};

/** Every command of the flow editor, in toolbar order. */
export const EDITOR_ACTIONS: readonly EditorAction[] = defineActions<EditorActionContext>([
  {
    id: 'undo',
    icon: '↶',
    label: 'editor.action.undo',
    group: 'history',
    toolbar: true,
    shortcuts: [{ key: 'z', mod: true }],
    enabled: (c) => state(c).past.length > 0,
    perform: (c) => state(c).undo(),
  },
  {
    id: 'redo',
    icon: '↷',
    label: 'editor.action.redo',
    group: 'history',
    toolbar: true,
    shortcuts: [
      { key: 'y', mod: true },
      { key: 'z', mod: true, shift: true },
    ],
    enabled: (c) => state(c).future.length > 0,
    perform: (c) => state(c).redo(),
  },
  {
    id: 'copy',
    label: 'editor.action.copy',
    group: 'edit',
    shortcuts: [{ key: 'c', mod: true }],
    enabled: (c) => state(c).selection.nodes.length > 0,
    perform: (c) => c.copy(),
  },
  {
    id: 'paste',
    label: 'editor.action.paste',
    group: 'edit',
    shortcuts: [{ key: 'v', mod: true }],
    enabled: (c) => c.hasClipboard,
    perform: (c) => c.paste(),
  },
  {
    id: 'delete',
    label: 'editor.action.delete',
    group: 'edit',
    shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
    enabled: hasSelection,
    perform: (c) => {
      const s = state(c);
      s.run(removeElements(s.selection.nodes, s.selection.edges));
      s.select({ nodes: [], edges: [] });
    },
  },
  {
    id: 'selectAll',
    label: 'editor.action.selectAll',
    group: 'edit',
    shortcuts: [{ key: 'a', mod: true }],
    perform: (c) => {
      const s = state(c);
      s.select({ nodes: s.doc.nodes.map((n) => n.id), edges: edgeIds(s.doc) });
    },
  },
  {
    id: 'layout',
    label: 'editor.action.layout',
    group: 'view',
    toolbar: true,
    shortcuts: [{ key: 'l', shift: true }],
    perform: (c) => c.layout(),
  },
  {
    id: 'fit',
    icon: '⤢',
    label: 'editor.action.fit',
    group: 'view',
    toolbar: true,
    shortcuts: [{ key: '1', shift: true }],
    perform: (c) => c.fit(),
  },
  {
    id: 'zoomIn',
    label: 'editor.action.zoomIn',
    group: 'view',
    shortcuts: [{ key: '+' }, { key: '=' }],
    perform: (c) => c.zoomIn(),
  },
  {
    id: 'zoomOut',
    label: 'editor.action.zoomOut',
    group: 'view',
    shortcuts: [{ key: '-' }],
    perform: (c) => c.zoomOut(),
  },
  {
    id: 'heat',
    label: 'editor.action.heat',
    group: 'view',
    toolbar: true,
    shortcuts: [{ key: 'h', shift: true }],
    pressed: (c) => c.heatOn,
    perform: (c) => c.toggleHeat(),
  },
  {
    id: 'simulate',
    label: 'editor.action.simulate',
    group: 'view',
    toolbar: true,
    shortcuts: [{ key: 'r', shift: true }],
    perform: (c) => c.simulate(),
  },
  {
    id: 'import',
    icon: '⤒',
    label: 'editor.action.import',
    group: 'file',
    toolbar: true,
    perform: (c) => c.importJson(),
  },
  {
    id: 'export',
    icon: '⤓',
    label: 'editor.action.export',
    group: 'file',
    toolbar: true,
    perform: (c) => c.exportJson(),
  },
  {
    id: 'versions',
    label: 'editor.action.versions',
    group: 'file',
    toolbar: true,
    perform: (c) => c.versions(),
  },
  {
    id: 'shortcuts',
    icon: '?',
    label: 'editor.action.shortcuts',
    group: 'file',
    toolbar: true,
    shortcuts: [{ key: '?' }],
    perform: (c) => c.showShortcuts(),
  },
  {
    id: 'validate',
    label: 'editor.action.validate',
    group: 'publish',
    toolbar: true,
    shortcuts: [{ key: 'Enter', mod: true }],
    enabled: (c) => !c.busy,
    perform: (c) => c.validate(),
  },
  {
    id: 'save',
    label: 'editor.action.save',
    group: 'publish',
    toolbar: true,
    shortcuts: [{ key: 's', mod: true }],
    enabled: (c) => !c.busy,
    perform: (c) => c.save(),
  },
  {
    id: 'publish',
    label: 'editor.action.publish',
    group: 'publish',
    toolbar: true,
    primary: true,
    shortcuts: [{ key: 'p', mod: true, shift: true }],
    enabled: (c) => !c.busy,
    perform: (c) => c.publish(),
  },
]);

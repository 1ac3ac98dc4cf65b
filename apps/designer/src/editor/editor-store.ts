import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Command, CommandName } from './commands';
import type { FlowDoc } from './flow-document';
import type { EdgeRoute } from './layout/elk-layout';

/** One undo step: the document before a command and the command's name. */
interface HistoryEntry {
  name: CommandName;
  merge?: string;
  doc: FlowDoc;
}

/** What is selected on the canvas; not part of the history. */
export interface Selection {
  nodes: string[];
  edges: string[];
}

/** The editor's state: the document, its history, the selection and the last saved version. */
export interface EditorState {
  doc: FlowDoc;
  past: HistoryEntry[];
  future: HistoryEntry[];
  selection: Selection;
  saved: FlowDoc;
  /**
   * The server's `updatedAt` of the draft `saved` matches (null: no draft on the server yet):
   * sent with the next save, so a draft someone saved meanwhile is not overwritten unseen.
   */
  base: string | null;
  /** Edge routes of the last auto-layout (view state, not history: a route voids itself when its ends move). */
  routes: Record<string, EdgeRoute>;
  setRoutes(routes: Record<string, EdgeRoute>): void;
  /** Performs a command; a no-op command (same document back) leaves the history alone. */
  run(command: Command): void;
  undo(): void;
  redo(): void;
  /** Ends a merge run so the next command of the same key is its own undo step. */
  seal(): void;
  select(selection: Partial<Selection>): void;
  /** Replaces the document and clears the history (a fresh load). */
  load(doc: FlowDoc, base?: string | null): void;
  markSaved(doc?: FlowDoc, base?: string | null): void;
}

const HISTORY_LIMIT = 200;

/**
 * Creates the store of one editor. Every edit goes through `run(command)`, so undo/redo is a
 * stack of previous documents (documents are immutable, so entries share structure).
 */
export function createEditorStore(initial: FlowDoc): StoreApi<EditorState> {
  let sealed = true;
  return createStore<EditorState>((set, get) => ({
    doc: initial,
    past: [],
    future: [],
    selection: { nodes: [], edges: [] },
    saved: initial,
    base: null,
    routes: {},
    setRoutes(routes) {
      set({ routes });
    },
    run(command) {
      const { doc, past } = get();
      const next = command.perform(doc);
      if (next === doc) return;
      const last = past[past.length - 1];
      if (!sealed && command.merge && last?.merge === command.merge) {
        set({ doc: next, future: [] });
        return;
      }
      sealed = false;
      const entry: HistoryEntry = { name: command.name, merge: command.merge, doc };
      set({ doc: next, past: [...past, entry].slice(-HISTORY_LIMIT), future: [] });
    },
    undo() {
      const { past, future, doc } = get();
      const last = past[past.length - 1];
      if (!last) return;
      sealed = true;
      set({ doc: last.doc, past: past.slice(0, -1), future: [{ name: last.name, doc }, ...future] });
    },
    redo() {
      const { past, future, doc } = get();
      const next = future[0];
      if (!next) return;
      sealed = true;
      set({ doc: next.doc, future: future.slice(1), past: [...past, { name: next.name, doc }] });
    },
    seal() {
      sealed = true;
    },
    select(selection) {
      set({ selection: { ...get().selection, ...selection } });
    },
    load(doc, base = null) {
      sealed = true;
      set({ doc, saved: doc, base, past: [], future: [], selection: { nodes: [], edges: [] } });
    },
    markSaved(doc, base) {
      set({ saved: doc ?? get().doc, ...(base === undefined ? {} : { base }) });
    },
  }));
}

/** True when the document differs from the last saved one. */
export function isDirty(state: Pick<EditorState, 'doc' | 'saved'>): boolean {
  return state.doc !== state.saved;
}

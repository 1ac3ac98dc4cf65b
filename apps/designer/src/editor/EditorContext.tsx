import { createContext, type ReactNode, useContext } from 'react';
import { type StoreApi, useStore } from 'zustand';
import type { EditorState } from './editor-store';

const EditorContext = createContext<StoreApi<EditorState> | null>(null);

/** Provides one editor store to the editor's components. */
export function EditorProvider({ store, children }: { store: StoreApi<EditorState>; children: ReactNode }) {
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

/** The editor store of the surrounding EditorProvider. */
export function useEditorStore(): StoreApi<EditorState> {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore outside <EditorProvider>');
  return store;
}

/** The surrounding editor's store, or null outside an editor (a component shown elsewhere too). */
export function useOptionalEditorStore(): StoreApi<EditorState> | null {
  return useContext(EditorContext);
}

/** Reads a slice of the editor state; re-renders only when the slice changes. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}

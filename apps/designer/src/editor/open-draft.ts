import type { StoreApi } from 'zustand';
import type { FlowDraft } from '../api/api';
import { ensureLayout } from './auto-layout';
import { editableDoc } from './editable-doc';
import type { EditorState } from './editor-store';
import type { FlowDoc } from './flow-document';
import { layoutFlow } from './layout/run-layout';
import { routesIfUnchanged } from './layout/saved-routes';

/** Flows up to this size are laid out again on open, to get their edge routes back. */
const ROUTED_ON_OPEN = 120;

/**
 * Prepares a draft answered by the runtime for the editor: a flow written by hand has no
 * positions and is laid out; one laid out before gets its edge routes back when the layout
 * still gives the positions it has. Answers the step that loads it into a store (apart, so a
 * caller can drop it when the page went away during the layout).
 */
export async function openDraft(
  key: string,
  draft: FlowDraft,
): Promise<(store: StoreApi<EditorState>) => void> {
  const doc: FlowDoc = editableDoc({ ...draft.definition, key });
  const base = draft.draft?.updatedAt ?? null;
  const missing = doc.nodes.some((n) => !doc.layout?.[n.id]);
  const laid = missing || doc.nodes.length <= ROUTED_ON_OPEN ? await layoutFlow(doc).catch(() => null) : null;
  return (store) => {
    if (laid && missing) {
      store.getState().load({ ...doc, layout: { ...doc.layout, ...laid.positions } }, base);
      store.getState().setRoutes(laid.routes);
    } else {
      // Positions missing and the layout failed: the quick layered layout rather than a pile at 0,0.
      store.getState().load(ensureLayout(doc), base);
      if (laid) store.getState().setRoutes(routesIfUnchanged(doc, laid));
    }
  };
}

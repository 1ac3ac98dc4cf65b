import type { TimelineEntry } from '@caseflow/schema';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import type { StoreApi } from 'zustand';
import { api } from '../auth/session';
import { ErrorBanner, Loading } from '../components/Status';
import { Canvas } from '../editor/Canvas';
import { EditorProvider } from '../editor/EditorContext';
import { createEditorStore, type EditorState } from '../editor/editor-store';
import type { FlowDoc } from '../editor/flow-document';
import { openDraft } from '../editor/open-draft';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { caseOverlays, focusNodes } from './case-overlay';
import '../editor/editor.css';

interface Props {
  caseId: string;
  activeNodes: readonly string[];
  timeline: readonly TimelineEntry[];
}

/**
 * The read-only diagram of the flow version a case runs on (GET /cases/:id/flow): the editor's
 * canvas without editing, the nodes the case waits in highlighted and the ones it passed
 * shaded. The default export so the case page loads the canvas code only when it shows one.
 */
export default function CaseFlowDiagram({ caseId, activeNodes, timeline }: Props) {
  const t = useT();
  const flow = useResource(() => api.caseFlow(caseId), [caseId]);
  // Laid out as the editor opens a flow (a version without positions by the layout, and its
  // edges along their routes, so the labels of edges leaving one node stand apart), before the
  // canvas first draws it: the view opens on the current step of the final positions.
  const [store, setStore] = useState<StoreApi<EditorState> | null>(null);
  useEffect(() => {
    if (!flow.data) return;
    const { flow: key, definition } = flow.data;
    let live = true;
    void openDraft(key, { key, definition }).then((load) => {
      if (!live) return;
      // Created on the version as stored; `load` puts the laid-out document in it.
      const laid = createEditorStore({ ...(definition as FlowDoc), key });
      load(laid);
      setStore(laid);
    });
    return () => {
      live = false;
    };
  }, [flow.data]);
  // Where the diagram opens: the current step; later moves keep the user's own pan and zoom.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the nodes active when the flow loads count
  const focus = useMemo(() => (store ? focusNodes(store.getState().doc, activeNodes) : []), [store]);
  const current = t('caseFlow.current');
  const overlays = useMemo(
    () => caseOverlays(activeNodes, timeline, current),
    [activeNodes, timeline, current],
  );
  if (!flow.data && !flow.loading) return <ErrorBanner message={flow.error ?? t('caseFlow.unavailable')} />;
  if (!store) return <Loading />;
  return (
    <>
      <div className="canvas-wrap case-canvas">
        <EditorProvider store={store}>
          <ReactFlowProvider>
            <Canvas problems={[]} overlays={overlays} focus={focus} noMinimap readOnly />
          </ReactFlowProvider>
        </EditorProvider>
      </div>
      <p className="legend">
        <span className="swatch swatch-active" /> {t('caseFlow.current')}{' '}
        <span className="swatch swatch-visited" /> {t('caseFlow.visited')}
      </p>
    </>
  );
}

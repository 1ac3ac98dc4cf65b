import type { TimelineEntry } from '@caseflow/schema';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import { api } from '../auth/session';
import { ErrorBanner, Loading } from '../components/Status';
import { ensureLayout } from '../editor/auto-layout';
import { Canvas } from '../editor/Canvas';
import { EditorProvider } from '../editor/EditorContext';
import { createEditorStore } from '../editor/editor-store';
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
  const store = useMemo(
    () => (flow.data ? createEditorStore(ensureLayout(flow.data.definition as FlowDoc)) : null),
    [flow.data],
  );
  // Then, as the editor opens a flow: laid out again for its edge routes, so the labels of edges
  // leaving one node are placed apart instead of on top of each other at their midpoints.
  useEffect(() => {
    if (!store || !flow.data) return;
    let live = true;
    void openDraft(flow.data.flow, { key: flow.data.flow, definition: flow.data.definition }).then((load) => {
      if (live) load(store);
    });
    return () => {
      live = false;
    };
  }, [store, flow.data]);
  // Where the diagram opens: the current step; later moves keep the user's own pan and zoom.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the nodes active when the flow loads count
  const focus = useMemo(() => (store ? focusNodes(store.getState().doc, activeNodes) : []), [store]);
  const current = t('caseFlow.current');
  const overlays = useMemo(
    () => caseOverlays(activeNodes, timeline, current),
    [activeNodes, timeline, current],
  );
  if (flow.loading && !flow.data) return <Loading />;
  if (!store) return <ErrorBanner message={flow.error ?? t('caseFlow.unavailable')} />;
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

import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api } from '../auth/session';
import { ErrorBanner, Loading } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { Editor } from './Editor';
import { EditorProvider } from './EditorContext';
import { createEditorStore } from './editor-store';
import { emptyFlow, type FlowDoc } from './flow-document';
import { layoutFlow } from './layout/run-layout';
import { routesIfUnchanged } from './layout/saved-routes';
import { FlowChoicesProvider, useLoadedFlowChoices } from './pickers/FlowChoicesContext';
import './editor.css';

/** Flows up to this size are laid out again on open, to get their edge routes back. */
const ROUTED_ON_OPEN = 120;

/** The flow editor route (/flows/:key): loads the draft (or starts an empty flow) and hosts the editor. */
export default function FlowEditorPage() {
  const { key = '' } = useParams();
  const store = useMemo(() => createEditorStore(emptyFlow(key)), [key]);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [isNew, setIsNew] = useState(false);
  const choices = useLoadedFlowChoices();
  // A flow just created on the flows page has no draft yet: do not ask for one.
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  useEffect(() => {
    let live = true;
    if (created) {
      setIsNew(true);
      setState('ready');
      return;
    }
    api
      .getFlow(key)
      .then(async (draft) => {
        const doc: FlowDoc = { ...draft.definition, key };
        // A flow written by hand has no positions: lay it out. One laid out before gets its
        // edge routes back when the layout still gives the positions it has.
        const missing = doc.nodes.some((n) => !doc.layout?.[n.id]);
        const laid =
          missing || doc.nodes.length <= ROUTED_ON_OPEN ? await layoutFlow(doc).catch(() => null) : null;
        if (!live) return;
        if (laid && missing) {
          store.getState().load({ ...doc, layout: { ...doc.layout, ...laid.positions } });
          store.getState().setRoutes(laid.routes);
        } else {
          store.getState().load(doc);
          if (laid) store.getState().setRoutes(routesIfUnchanged(doc, laid));
        }
        setState('ready');
      })
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) {
          setIsNew(true);
          setState('ready');
        } else {
          setError(errorMessage(e));
          setState('error');
        }
      });
    return () => {
      live = false;
    };
  }, [key, store, created]);
  if (state === 'loading') return <Loading />;
  if (state === 'error') return <ErrorBanner message={error} />;
  return (
    <EditorProvider store={store}>
      <FlowChoicesProvider choices={choices}>
        <ReactFlowProvider>
          <Editor flowKey={key} isNew={isNew} />
        </ReactFlowProvider>
      </FlowChoicesProvider>
    </EditorProvider>
  );
}

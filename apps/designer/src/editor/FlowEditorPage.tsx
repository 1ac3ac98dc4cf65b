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
import { emptyFlow } from './flow-document';
import { openDraft } from './open-draft';
import { FlowChoicesProvider, useLoadedFlowChoices } from './pickers/FlowChoicesContext';
import './editor.css';

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
        const open = await openDraft(key, draft);
        if (!live) return;
        open(store);
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

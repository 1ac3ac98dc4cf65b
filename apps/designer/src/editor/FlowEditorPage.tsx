import type { NodeType, Problem } from '@caseflow/schema';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api } from '../auth/session';
import { ErrorBanner, Loading, StatusLine } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { SimulatorPanel } from '../simulator/SimulatorPanel';
import { autoLayout, ensureLayout } from './auto-layout';
import { Canvas } from './Canvas';
import { CompiledView } from './CompiledView';
import type { NodeOverlay } from './canvas-graph';
import { copyFragment, type Fragment, pasteFragment } from './clipboard';
import { addNode, applyLayout, edgeIds, removeElements, replaceDocument } from './commands';
import { EditorProvider, useEditor, useEditorStore } from './EditorContext';
import { createEditorStore, isDirty } from './editor-store';
import { emptyFlow, type FlowDoc } from './flow-document';
import { downloadText, flowToJson, parseFlowJson } from './flow-io';
import { type HeatRow, heatOverlays } from './heat-overlay';
import { LARGE_FLOW } from './initial-view';
import { Palette } from './Palette';
import { ProblemsList } from './ProblemsList';
import { PropertiesPanel } from './properties/PropertiesPanel';
import { isTyping, SHORTCUTS, shortcutFor } from './shortcuts';
import { Toolbar } from './Toolbar';
import { useLiveProblems } from './useLiveProblems';
import { boundsOf } from './visible-window';
import './editor.css';

type Tab = 'properties' | 'problems' | 'compiled' | 'simulator';

/** The flow editor route (/flows/:key): loads the draft (or starts an empty flow) and hosts the editor. */
export default function FlowEditorPage() {
  const { key = '' } = useParams();
  const store = useMemo(() => createEditorStore(emptyFlow(key)), [key]);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [isNew, setIsNew] = useState(false);
  // A flow just created on the flows page has no draft yet: do not ask for one.
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  useEffect(() => {
    let live = true;
    if (created) {
      setIsNew(true);
      setState('ready');
      return;
    }
    api.getFlow(key).then(
      (draft) => {
        if (!live) return;
        store.getState().load(ensureLayout({ ...draft.definition, key }));
        setState('ready');
      },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) {
          setIsNew(true);
          setState('ready');
        } else {
          setError(errorMessage(e));
          setState('error');
        }
      },
    );
    return () => {
      live = false;
    };
  }, [key, store, created]);
  if (state === 'loading') return <Loading />;
  if (state === 'error') return <ErrorBanner message={error} />;
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <Editor flowKey={key} isNew={isNew} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}

let clipboard: Fragment | null = null;

function Editor({ flowKey, isNew }: { flowKey: string; isNew: boolean }) {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const dirty = useEditor(isDirty);
  const flow = useReactFlow();
  const problems = useLiveProblems(doc);
  const [serverProblems, setServerProblems] = useState<Problem[] | null>(null);
  const [tab, setTab] = useState<Tab>('properties');
  const [status, setStatus] = useState<string | null>(
    isNew ? 'New flow: draw it, then save the draft.' : null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [note, setNote] = useState('');
  const [overlays, setOverlays] = useState<Record<string, NodeOverlay> | undefined>();
  const [heat, setHeat] = useState<Record<string, NodeOverlay> | null>(null);
  /** The version the heat map shows and the published versions it can switch between. */
  const [heatVersion, setHeatVersion] = useState<number | null>(null);
  const [heatVersions, setHeatVersions] = useState<number[]>([]);
  const pasteCount = useRef(0);
  const canvasBox = useRef<HTMLDivElement>(null);

  const errors = problems.filter((p) => p.severity === 'error').length;

  // A large flow is not all in React Flow at once (see Canvas), so it is fitted by its layout.
  const fit = useCallback(() => {
    const doc = store.getState().doc;
    if (doc.nodes.length > LARGE_FLOW) void flow.fitBounds(boundsOf(doc), { padding: 0.2, duration: 250 });
    else void flow.fitView({ padding: 0.2, duration: 250, maxZoom: 1.2 });
  }, [flow, store]);
  const layout = useCallback(() => {
    store.getState().run(applyLayout(autoLayout(store.getState().doc)));
    requestAnimationFrame(fit);
  }, [store, fit]);

  const showProperties = useCallback(() => setTab('properties'), []);
  const addInView = useCallback(
    (type: NodeType) => {
      const box = canvasBox.current?.getBoundingClientRect();
      const center = flow.screenToFlowPosition({
        x: (box?.left ?? 0) + (box?.width ?? 600) / 2,
        y: (box?.top ?? 0) + (box?.height ?? 400) / 2,
      });
      const s = store.getState();
      const before = new Set(s.doc.nodes.map((n) => n.id));
      const jitter = (s.doc.nodes.length % 5) * 24;
      s.run(addNode(type, { x: center.x - 80 + jitter, y: center.y - 30 + jitter }));
      const added = store.getState().doc.nodes.find((n) => !before.has(n.id));
      if (added) store.getState().select({ nodes: [added.id], edges: [] });
      setTab('properties');
    },
    [flow, store],
  );

  const save = useCallback(async () => {
    setBusy(true);
    setError(null);
    const snapshot = store.getState().doc;
    try {
      const answer = await api.saveFlow(flowKey, snapshot);
      store.getState().markSaved(snapshot);
      const n = answer?.problems?.filter((p) => p.severity === 'error').length ?? 0;
      setStatus(
        n ? `Draft saved with ${n} error${n === 1 ? '' : 's'} to fix before publishing.` : 'Draft saved.',
      );
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, [flowKey, store]);

  async function validate() {
    if (!(await save())) return;
    try {
      const r = await api.validateFlow(flowKey);
      setServerProblems(r.problems);
      setTab('problems');
      setStatus(
        r.valid ? 'The server finds the flow valid.' : `The server found ${r.problems.length} problems.`,
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function publish(e: FormEvent) {
    e.preventDefault();
    if (!(await save())) return;
    setBusy(true);
    try {
      const r = await api.publishFlow(flowKey, note);
      setPublishing(false);
      setNote('');
      setServerProblems(null);
      setStatus(`Published version ${r.version}.`);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length > 0) {
        setServerProblems(err.problems);
        setTab('problems');
        setPublishing(false);
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  /** Loads the heat map of `version` (default: the runtime's choice, the active version). */
  async function loadHeat(version?: number) {
    try {
      const [answer, versions] = await Promise.all([
        api.heatmap(flowKey, version) as Promise<{ version?: number | null; nodes: HeatRow[] }>,
        // The switch is a convenience: without the version list the map still shows.
        heatVersions.length ? Promise.resolve(null) : api.listVersions(flowKey).catch(() => null),
      ]);
      if (versions) setHeatVersions(versions.items.map((v) => v.version).sort((a, b) => a - b));
      const o = heatOverlays(answer.nodes);
      const shown = answer.version ?? version ?? null;
      setHeat(o);
      setHeatVersion(shown);
      const of = shown === null ? 'all versions' : `v${shown}`;
      setStatus(
        Object.keys(o).length
          ? `Heat map of ${of}: visits, average time, SLA breaches.`
          : `No case has run ${of} of this flow yet.`,
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function toggleHeat() {
    if (!heat) return loadHeat();
    setHeat(null);
    setStatus('Heat map off.');
  }

  function importJson(text: string) {
    const r = parseFlowJson(text, flowKey);
    if (!r.ok) return setError(r.error);
    setError(null);
    store.getState().run(replaceDocument(ensureLayout(r.doc)));
    requestAnimationFrame(fit);
    setStatus('Imported; save the draft to keep it.');
  }

  const pick = useCallback(
    (p: Problem) => {
      const s = store.getState();
      if (p.edgeId) {
        s.select({ nodes: [], edges: [p.edgeId] });
        return;
      }
      if (!p.nodeId) return;
      s.select({ nodes: [p.nodeId], edges: [] });
      const at = boundsOf(s.doc, [p.nodeId]);
      void flow.setCenter(at.x + at.width / 2, at.y + at.height / 2, { zoom: 1.2, duration: 300 });
    },
    [flow, store],
  );

  // Keyboard shortcuts on the whole editor, except while typing in a field.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (isTyping(e.target)) return;
      const action = shortcutFor(e);
      if (!action) return;
      const s = store.getState();
      e.preventDefault();
      switch (action) {
        case 'undo':
          return s.undo();
        case 'redo':
          return s.redo();
        case 'delete':
          if (s.selection.nodes.length + s.selection.edges.length > 0) {
            s.run(removeElements(s.selection.nodes, s.selection.edges));
            s.select({ nodes: [], edges: [] });
          }
          return;
        case 'copy':
          if (s.selection.nodes.length) {
            clipboard = copyFragment(s.doc, s.selection.nodes);
            pasteCount.current = 0;
            setStatus(`Copied ${clipboard.nodes.length} node${clipboard.nodes.length === 1 ? '' : 's'}.`);
          }
          return;
        case 'paste':
          if (clipboard) {
            pasteCount.current += 1;
            const d = 40 * pasteCount.current;
            s.run(pasteFragment(clipboard, { x: d, y: d }, (ids) => s.select({ nodes: ids, edges: [] })));
          }
          return;
        case 'selectAll':
          return s.select({ nodes: s.doc.nodes.map((n) => n.id), edges: edgeIds(s.doc) });
        case 'save':
          return void save();
        case 'fit':
          return fit();
        case 'layout':
          return layout();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, save, fit, layout]);

  // Unsaved-changes guard inside the app (another route) ...
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty(store.getState()) && currentLocation.pathname !== nextLocation.pathname,
  );
  // ... and when closing the tab or reloading.
  useEffect(() => {
    if (!dirty) return;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [dirty]);

  const shownProblems = serverProblems ?? problems;
  return (
    <div className="editor">
      <Toolbar
        flowKey={flowKey}
        busy={busy}
        onSave={() => void save()}
        onValidate={() => void validate()}
        onPublish={() => setPublishing(true)}
        onLayout={layout}
        onFit={fit}
        onImport={importJson}
        onExport={() => downloadText(`${flowKey}.flow.json`, flowToJson(store.getState().doc))}
        heat={heat !== null}
        onHeat={() => void toggleHeat()}
      />
      {publishing && (
        <form className="publish-bar" onSubmit={publish} aria-label="Publish a version">
          <label className="grow">
            Version note
            <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="What changed?" />
          </label>
          {errors > 0 && (
            <span className="badge badge-error">{errors} errors: publishing will be refused</span>
          )}
          <button className="btn btn-primary" type="submit" disabled={busy}>
            Publish version
          </button>
          <button className="btn" type="button" onClick={() => setPublishing(false)}>
            Cancel
          </button>
        </form>
      )}
      {blocker.state === 'blocked' && (
        <div className="publish-bar" role="alertdialog" aria-label="Unsaved changes">
          <strong className="grow">This flow has unsaved changes.</strong>
          <button
            className="btn btn-primary"
            type="button"
            onClick={async () => {
              if (await save()) blocker.proceed();
            }}
          >
            Save and leave
          </button>
          <button className="btn btn-danger" type="button" onClick={() => blocker.proceed()}>
            Leave without saving
          </button>
          <button className="btn" type="button" onClick={() => blocker.reset()}>
            Stay
          </button>
        </div>
      )}
      <div className="editor-messages">
        <ErrorBanner message={error} />
        <StatusLine message={status} />
        {heat !== null && heatVersions.length > 1 && (
          <label className="heat-version">
            Heat map version{' '}
            <select value={heatVersion ?? ''} onChange={(e) => void loadHeat(Number(e.target.value))}>
              {heatVersions.map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="editor-body">
        <Palette onAdd={addInView} />
        <div className="canvas-wrap" ref={canvasBox}>
          <Canvas
            problems={problems}
            overlays={tab === 'simulator' ? overlays : (heat ?? undefined)}
            onAdded={showProperties}
          />
        </div>
        <aside className="side-panel" aria-label="Inspector">
          <div role="tablist" aria-label="Inspector tabs" className="tabs">
            {(
              [
                ['properties', 'Properties'],
                ['problems', `Problems (${shownProblems.length})`],
                ['compiled', 'Compiled'],
                ['simulator', 'Simulator'],
              ] as const
            ).map(([t, label]) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`tab-${t}`}
                aria-selected={tab === t}
                aria-controls={`panel-${t}`}
                className={tab === t ? 'tab active' : 'tab'}
                onClick={() => setTab(t)}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
            {tab === 'properties' && <PropertiesPanel />}
            {tab === 'problems' && (
              <>
                {serverProblems && (
                  <p className="muted">
                    Problems reported by the server.{' '}
                    <button type="button" className="btn btn-small" onClick={() => setServerProblems(null)}>
                      Show live problems
                    </button>
                  </p>
                )}
                <ProblemsList problems={shownProblems} onPick={pick} />
                <details className="shortcuts">
                  <summary>Keyboard shortcuts</summary>
                  <dl>
                    {SHORTCUTS.map(([k, v]) => (
                      <div key={k}>
                        <dt>
                          <kbd>{k}</kbd>
                        </dt>
                        <dd>{v}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              </>
            )}
            {tab === 'compiled' && <CompiledView doc={doc} />}
            {tab === 'simulator' && <SimulatorPanel doc={doc as FlowDoc} onOverlays={setOverlays} />}
          </div>
        </aside>
      </div>
    </div>
  );
}

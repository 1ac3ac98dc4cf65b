import type { NodeType, Problem } from '@caseflow/schema';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker, useNavigate } from 'react-router-dom';
import { ErrorBanner, StatusLine } from '../components/Status';
import { useT } from '../i18n/use-t';
import { ActivationForm } from '../versions/ActivationForm';
import { actionFor, isTyping, runAction } from './actions/action-registry';
import { EDITOR_ACTIONS, type EditorActionContext } from './actions/editor-actions';
import { Canvas, CanvasMinimap, takenBoxes, useFitView, viewBox } from './Canvas';
import { ConflictBanner } from './ConflictBanner';
import type { NodeOverlay } from './canvas-graph';
import { copyFragment, type Fragment, pasteFragment } from './clipboard';
import { addNode, applyLayout, replaceDocument } from './commands';
import { useEditor, useEditorStore } from './EditorContext';
import { Inspector, LeaveGuard, PublishBar, type Tab } from './EditorPanels';
import { isDirty } from './editor-store';
import { downloadText, flowToJson, parseFlowJson } from './flow-io';
import { estimateTextWidth, footprint } from './layout/node-geometry';
import { placeNear } from './layout/placement';
import { layoutFlow } from './layout/run-layout';
import { Palette } from './Palette';
import { ShortcutSheet } from './ShortcutSheet';
import { Toolbar } from './Toolbar';
import { useEditorOps } from './useEditorOps';
import { useLiveProblems } from './useLiveProblems';
import { useVersionState, VersionState } from './VersionState';
import { boundsOf } from './visible-window';

let clipboard: Fragment | null = null;

/** The editor: composes the toolbar (from the declared actions), palette, canvas and inspector. */
export function Editor({ flowKey, isNew }: { flowKey: string; isNew: boolean }) {
  const t = useT();
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const dirty = useEditor(isDirty);
  const flow = useReactFlow();
  const fitView = useFitView();
  const navigate = useNavigate();
  const problems = useLiveProblems(doc);
  const ops = useEditorOps(flowKey, store, isNew);
  const [requested, setRequested] = useState(0);
  const versions = useVersionState(flowKey, ops.published + requested, isNew);
  const [asking, setAsking] = useState<number | null>(null);
  const [tab, setTab] = useState<Tab>('properties');
  const [publishing, setPublishing] = useState(false);
  const [sheet, setSheet] = useState(false);
  const [simOverlays, setSimOverlays] = useState<Record<string, NodeOverlay> | undefined>();
  const [hasClipboard, setHasClipboard] = useState(clipboard !== null);
  const pasteCount = useRef(0);
  const canvasBox = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const errors = problems.filter((p) => p.severity === 'error').length;

  const layout = useCallback(async () => {
    const laid = await layoutFlow(store.getState().doc);
    store.getState().run(applyLayout(laid.positions));
    store.getState().setRoutes(laid.routes);
    requestAnimationFrame(() => fitView());
    ops.setStatus(t('editor.status.laidOut'));
  }, [store, fitView, ops.setStatus, t]);

  /** Adds a node in free space: beside the selection, else in the middle of the view. */
  const addInView = useCallback(
    (type: NodeType) => {
      const s = store.getState();
      const box = canvasBox.current?.getBoundingClientRect();
      const center = flow.screenToFlowPosition({
        x: (box?.left ?? 0) + (box?.width ?? 600) / 2,
        y: (box?.top ?? 0) + (box?.height ?? 400) / 2,
      });
      const anchor = s.selection.nodes.length
        ? boundsOf(s.doc, s.selection.nodes)
        : { ...center, width: 0, height: 0 };
      const size = footprint({ id: 'new', type } as never, estimateTextWidth);
      const at = placeNear(anchor, size, takenBoxes(s.doc), {
        point: !s.selection.nodes.length,
        view: box ? viewBox(flow, box) : undefined,
      });
      const before = new Set(s.doc.nodes.map((n) => n.id));
      s.run(addNode(type, at));
      const added = store.getState().doc.nodes.find((n) => !before.has(n.id));
      if (added) store.getState().select({ nodes: [added.id], edges: [] });
      setTab('properties');
    },
    [flow, store],
  );

  const context: EditorActionContext = {
    store,
    busy: ops.busy,
    heatOn: ops.heat !== null,
    hasClipboard,
    save: () => void ops.save(),
    validate: () =>
      void ops.validate().then((ok) => {
        if (ok) setTab('problems');
      }),
    publish: () => setPublishing(true),
    layout: () => void layout(),
    fit: () => fitView(),
    zoomIn: () => void flow.zoomIn({ duration: 150 }),
    zoomOut: () => void flow.zoomOut({ duration: 150 }),
    toggleHeat: ops.toggleHeat,
    simulate: () => setTab('simulator'),
    copy: () => {
      const s = store.getState();
      clipboard = copyFragment(s.doc, s.selection.nodes);
      pasteCount.current = 0;
      setHasClipboard(true);
      ops.setStatus(t('editor.status.copied', { count: clipboard.nodes.length }));
    },
    paste: () => {
      if (!clipboard) return;
      const s = store.getState();
      pasteCount.current += 1;
      const d = 40 * pasteCount.current;
      s.run(pasteFragment(clipboard, { x: d, y: d }, (ids) => s.select({ nodes: ids, edges: [] })));
    },
    importJson: () => file.current?.click(),
    exportJson: () => downloadText(`${flowKey}.flow.json`, flowToJson(store.getState().doc)),
    versions: () => navigate(`/flows/${flowKey}/versions`),
    showShortcuts: () => setSheet(true),
  };
  const latest = useRef(context);
  latest.current = context;

  // The keyboard runs the same actions as the toolbar, except while typing in a field.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (isTyping(e.target)) return;
      const action = actionFor(EDITOR_ACTIONS, e);
      if (!action) return;
      e.preventDefault();
      runAction(action, latest.current);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const importText = (text: string) => {
    const r = parseFlowJson(text, flowKey);
    if (!r.ok) return ops.setError(t(`editor.import.${r.error}`, { detail: r.detail ?? '' }));
    ops.setError(null);
    store.getState().run(replaceDocument(r.doc));
    if (r.doc.nodes.some((n) => !r.doc.layout?.[n.id])) void layout();
    else requestAnimationFrame(() => fitView());
    ops.setStatus(t('editor.status.imported'));
  };

  const pick = useCallback(
    (p: Problem) => {
      const s = store.getState();
      if (p.edgeId) return s.select({ nodes: [], edges: [p.edgeId] });
      if (!p.nodeId) return;
      s.select({ nodes: [p.nodeId], edges: [] });
      const at = boundsOf(s.doc, [p.nodeId]);
      void flow.setCenter(at.x + at.width / 2, at.y + at.height / 2, { zoom: 1.2, duration: 300 });
    },
    [flow, store],
  );

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

  const overlays = useMemo(
    () => (tab === 'simulator' ? simOverlays : (ops.heat ?? undefined)),
    [tab, simOverlays, ops.heat],
  );
  return (
    <div className="editor">
      <Toolbar
        flowKey={flowKey}
        actions={EDITOR_ACTIONS}
        context={context}
        versionState={<VersionState state={versions} dirty={dirty} flowKey={flowKey} onRequest={setAsking} />}
      />
      {asking !== null && (
        <ActivationForm
          step="request"
          version={asking}
          busy={ops.busy}
          onSubmit={async (note) => {
            if (await ops.requestActivation(asking, note)) {
              setAsking(null);
              setRequested((n) => n + 1);
            }
          }}
          onCancel={() => setAsking(null)}
        />
      )}
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('editor.importFile')}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (f) importText(await f.text());
          e.target.value = '';
        }}
      />
      {publishing && (
        <PublishBar
          errors={errors}
          busy={ops.busy}
          onCancel={() => setPublishing(false)}
          onPublish={async (note) => {
            const r = await ops.publish(note, versions.data?.active ?? null);
            if (r !== 'failed') setPublishing(false);
            if (r === 'problems') setTab('problems');
          }}
        />
      )}
      <LeaveGuard blocker={blocker} save={ops.save} />
      {sheet && <ShortcutSheet actions={EDITOR_ACTIONS} onClose={() => setSheet(false)} />}
      <div className="editor-messages">
        <ErrorBanner message={ops.error} />
        {ops.conflict && (
          <ConflictBanner
            conflict={ops.conflict}
            busy={ops.busy}
            onResolve={(keep) => void ops.resolveConflict(keep)}
          />
        )}
        <StatusLine message={ops.status} />
        {ops.heat !== null && ops.heatVersions.length > 1 && (
          <label className="heat-version">
            {t('editor.heat.version')}{' '}
            <select value={ops.heatVersion ?? ''} onChange={(e) => void ops.loadHeat(Number(e.target.value))}>
              {ops.heatVersions.map((v) => (
                <option key={v} value={v}>
                  {t('editor.heat.v', { version: v })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="editor-body">
        <div className="editor-left">
          <Palette onAdd={addInView} />
          <CanvasMinimap />
        </div>
        <div className="canvas-wrap" ref={canvasBox}>
          <Canvas problems={problems} overlays={overlays} onAdded={() => setTab('properties')} />
        </div>
        <Inspector
          tab={tab}
          setTab={setTab}
          problems={problems}
          serverProblems={ops.serverProblems}
          clearServerProblems={() => ops.setServerProblems(null)}
          onPick={pick}
          onOverlays={setSimOverlays}
        />
      </div>
    </div>
  );
}

import type { NodeType, Problem } from '@caseflow/schema';
import {
  Background,
  type Connection,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  useUpdateNodeInternals,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useTheme } from '../theme/useTheme';
import {
  type CanvasEdge,
  type CanvasNode,
  createGraphBuilder,
  DEFAULT_EDGE_LABEL,
  type NodeOverlay,
} from './canvas-graph';
import { addNode, connect, moveNodes } from './commands';
import { useEditor, useEditorStore } from './EditorContext';
import { FlowNodeView } from './FlowNodeView';
import type { XY } from './flow-document';
import { initialViewNodes, LARGE_FLOW, MINIMAP_NODE_LIMIT } from './initial-view';
import { fitViewport, READABLE_ZOOM } from './layout/fit-viewport';
import { estimateTextWidth, footprint } from './layout/node-geometry';
import { placeNear } from './layout/placement';
import { NODE_KINDS } from './node-catalog';
import { PALETTE_MIME } from './Palette';
import { usePortText } from './port-text';
import { RoutedEdge } from './RoutedEdge';
import { boundsOf, visibleWindow, windowedGraph, windowKey, windowOfKey } from './visible-window';

const nodeTypes = { flow: FlowNodeView };
const edgeTypes = { routed: RoutedEdge };

/**
 * "Zoom to fit" that keeps text readable: the given nodes (default all) fill the canvas, but
 * never below the readable zoom — a flow too big for that shows its top and the owner pans.
 */
export function useFitView(): (ids?: readonly string[], duration?: number) => void {
  const store = useEditorStore();
  const rf = useStoreApi();
  const flow = useReactFlow();
  return useCallback(
    (ids, duration = 250) => {
      const { width, height } = rf.getState();
      if (!(width > 0 && height > 0)) return;
      const doc = store.getState().doc;
      const v = fitViewport(boundsOf(doc, ids?.length ? ids : undefined), width, height, {
        minZoom: READABLE_ZOOM,
      });
      void flow.setViewport(v, { duration });
    },
    [store, rf, flow],
  );
}

/** The part of the flow plane shown in `rect` (the canvas element's box on screen). */
export function viewBox(
  flow: { screenToFlowPosition(p: XY): XY },
  rect: { left: number; top: number; right: number; bottom: number },
) {
  const a = flow.screenToFlowPosition({ x: rect.left, y: rect.top });
  const b = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
}

/** The minimap, drawn beside the canvas (never over it) inside the ReactFlowProvider. */
export function CanvasMinimap() {
  const count = useEditor((s) => s.doc.nodes.length);
  if (count > MINIMAP_NODE_LIMIT) return null;
  return (
    <MiniMap
      className="canvas-minimap"
      pannable
      zoomable
      ariaLabel="Minimap"
      nodeClassName={(n) => `mini-${(n.data as CanvasNode['data']).node.type}`}
    />
  );
}

interface Props {
  problems: readonly Problem[];
  overlays?: Record<string, NodeOverlay>;
  readOnly?: boolean;
  /** Nodes to fit in view when the canvas opens (default: the whole flow, or the start of a large one). */
  focus?: readonly string[];
  /** Kept for callers: the minimap is no longer inside the canvas (pages place `CanvasMinimap` beside it). */
  noMinimap?: boolean;
  /** A node was dropped from the palette (and selected): the editor shows its properties. */
  onAdded?(id: string): void;
}

/** Every node's box on the canvas, for placing a new node beside them. */
export function takenBoxes(doc: import('./flow-document').FlowDoc) {
  return doc.nodes.map((n) => ({
    ...(doc.layout?.[n.id] ?? { x: 0, y: 0 }),
    ...footprint(n, estimateTextWidth),
  }));
}

/** The flow canvas: renders the document, turns drags, connections and drops into commands. */
export function Canvas({ problems, overlays, readOnly, focus, onAdded }: Props) {
  const t = useT();
  const store = useEditorStore();
  const colorMode = useTheme();
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const portText = usePortText();
  const build = useMemo(
    () =>
      createGraphBuilder(
        (from, to, label) =>
          t(label ? 'edge.nameLabelled' : 'edge.name', {
            from,
            to,
            label: label === DEFAULT_EDGE_LABEL ? t('edge.default') : label,
          }),
        portText,
        (node) =>
          t('node.name', {
            kind: NODE_KINDS.some((k) => k.type === node.type) ? t(`node.kind.${node.type}`) : node.type,
            id: node.id,
          }),
      ),
    [t, portText],
  );
  const measured = useRef(new Map<string, { width: number; height: number }>());
  const [measureTick, setMeasureTick] = useState(0);
  const flow = useReactFlow();
  const updateNodeInternals = useUpdateNodeInternals();
  const routes = useEditor((s) => s.routes);
  const fitView = useFitView();
  // Computed once: where the canvas looks when it opens (a large flow opens on its beginning).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the document at mount counts
  const initialFit = useMemo(() => {
    const nodes = focus?.length ? [...focus] : initialViewNodes(doc);
    return { nodes: nodes.length < doc.nodes.length ? nodes.map((id) => ({ id })) : undefined };
  }, []);
  // The first fit, once the canvas has a size.
  const hasSize = useStore((s) => s.width > 0 && s.height > 0);
  const fitted = useRef(false);
  useEffect(() => {
    if (!hasSize || fitted.current) return;
    fitted.current = true;
    fitView(
      initialFit.nodes?.map((n) => n.id),
      0,
    );
  }, [hasSize, fitView, initialFit]);
  const knownIds = useRef<Set<string> | null>(null);
  // A large flow is handed to React Flow a window at a time: it renders (and measures) every
  // node it is given, which took seconds for thousands of nodes before anything was drawn.
  const windowed = doc.nodes.length > LARGE_FLOW;
  const viewKey = useStore((s) => (windowed ? windowKey(visibleWindow(s.transform, s.width, s.height)) : ''));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the nodes of the initial view, computed at mount
  const initialIds = useMemo(() => new Set(initialFit.nodes?.map((n) => n.id) ?? []), []);

  // Nodes that appear after the first render (added, pasted, renamed) get their handles
  // measured in one batch; the nodes of the initial load are measured by xyflow itself.
  useEffect(() => {
    const ids = doc.nodes.map((n) => n.id);
    const known = knownIds.current;
    knownIds.current = new Set(ids);
    if (!known) return;
    const added = ids.filter((id) => !known.has(id));
    if (added.length === 0) return;
    const frame = requestAnimationFrame(() => updateNodeInternals(added));
    return () => cancelAnimationFrame(frame);
  }, [doc.nodes, updateNodeInternals]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: measureTick signals new sizes in the ref
  const graph = useMemo(
    () =>
      build({
        doc,
        selectedNodes: selection.nodes,
        selectedEdges: selection.edges,
        problems,
        overlays,
        measured: measured.current,
        routes,
      }),
    [build, doc, selection, problems, overlays, measureTick, routes],
  );
  const shown = useMemo(
    () => (windowed ? windowedGraph(graph.nodes, graph.edges, windowOfKey(viewKey), initialIds) : graph),
    [windowed, graph, viewKey, initialIds],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const state = store.getState();
      const moves: Record<string, XY> = {};
      let moved = false;
      let dragEnded = false;
      let sized = false;
      let selected: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'position' && c.position && !readOnly) {
          moves[c.id] = c.position;
          moved = true;
          if (c.dragging === false) dragEnded = true;
        } else if (c.type === 'dimensions' && c.dimensions) {
          measured.current.set(c.id, c.dimensions);
          sized = true;
        } else if (c.type === 'select') {
          selected ??= new Set(state.selection.nodes);
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      if (moved) state.run(moveNodes(moves));
      if (dragEnded) state.seal();
      if (selected) state.select({ nodes: [...selected] });
      if (sized) setMeasureTick((t) => t + 1);
    },
    [store, readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const state = store.getState();
      let selected: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'select') {
          selected ??= new Set(state.selection.edges);
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      if (selected) state.select({ edges: [...selected] });
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly) return;
      store
        .getState()
        .run(connect(c.source, c.target, c.sourceHandle && c.sourceHandle !== 'out' ? c.sourceHandle : null));
    },
    [store, readOnly],
  );

  const isValidConnection = useCallback(
    (c: Connection | CanvasEdge) => {
      if (c.source === c.target) return false;
      const target = store.getState().doc.nodes.find((n) => n.id === c.target);
      return target !== undefined && target.type !== 'start';
    },
    [store],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_MIME) as NodeType;
      if (!type || readOnly) return;
      e.preventDefault();
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const doc = store.getState().doc;
      const before = new Set(doc.nodes.map((n) => n.id));
      const spot = placeNear(
        { ...at, width: 0, height: 0 },
        footprint({ id: 'new', type } as never, estimateTextWidth),
        takenBoxes(doc),
        { point: true, view: viewBox(flow, e.currentTarget.getBoundingClientRect()) },
      );
      store.getState().run(addNode(type, spot));
      const added = store.getState().doc.nodes.find((n) => !before.has(n.id));
      if (!added) return;
      store.getState().select({ nodes: [added.id], edges: [] });
      onAdded?.(added.id);
    },
    [flow, store, readOnly, onAdded],
  );

  return (
    <div className="canvas" aria-label={t('editor.canvas')} role="application">
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={shown.nodes}
        edges={shown.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDrop={onDrop}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
        }}
        onPaneClick={() => store.getState().select({ nodes: [], edges: [] })}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        onlyRenderVisibleElements={windowed}
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        colorMode={colorMode}
      >
        <Background gap={16} />
      </ReactFlow>
    </div>
  );
}

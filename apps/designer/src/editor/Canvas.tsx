import type { NodeType, Problem } from '@caseflow/schema';
import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
  useUpdateNodeInternals,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTheme } from '../theme/useTheme';
import { type CanvasEdge, type CanvasNode, createGraphBuilder, type NodeOverlay } from './canvas-graph';
import { addNode, connect, moveNodes } from './commands';
import { useEditor, useEditorStore } from './EditorContext';
import { FlowNodeView } from './FlowNodeView';
import type { XY } from './flow-document';
import { initialViewNodes, LARGE_FLOW, MINIMAP_NODE_LIMIT } from './initial-view';
import { PALETTE_MIME } from './Palette';
import { visibleWindow, windowedGraph, windowKey, windowOfKey } from './visible-window';

const nodeTypes = { flow: FlowNodeView };

interface Props {
  problems: readonly Problem[];
  overlays?: Record<string, NodeOverlay>;
  readOnly?: boolean;
  /** Nodes to fit in view when the canvas opens (default: the whole flow, or the start of a large one). */
  focus?: readonly string[];
  /** Hides the minimap (small embedded canvases). */
  noMinimap?: boolean;
  /** A node was dropped from the palette (and selected): the editor shows its properties. */
  onAdded?(id: string): void;
}

/** The flow canvas: renders the document, turns drags, connections and drops into commands. */
export function Canvas({ problems, overlays, readOnly, focus, noMinimap, onAdded }: Props) {
  const store = useEditorStore();
  const colorMode = useTheme();
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const build = useMemo(createGraphBuilder, []);
  const measured = useRef(new Map<string, { width: number; height: number }>());
  const [measureTick, setMeasureTick] = useState(0);
  const flow = useReactFlow();
  const updateNodeInternals = useUpdateNodeInternals();
  // Computed once: where the canvas looks when it opens (a large flow opens on its beginning).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the document at mount counts
  const initialFit = useMemo(() => {
    const nodes = focus?.length ? [...focus] : initialViewNodes(doc);
    return {
      padding: 0.2,
      maxZoom: focus?.length ? 1 : 1.2,
      nodes: nodes.length < doc.nodes.length ? nodes.map((id) => ({ id })) : undefined,
    };
  }, []);
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
      }),
    [build, doc, selection, problems, overlays, measureTick],
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
      const before = new Set(store.getState().doc.nodes.map((n) => n.id));
      store.getState().run(addNode(type, { x: at.x - 40, y: at.y - 20 }));
      const added = store.getState().doc.nodes.find((n) => !before.has(n.id));
      if (!added) return;
      store.getState().select({ nodes: [added.id], edges: [] });
      onAdded?.(added.id);
    },
    [flow, store, readOnly, onAdded],
  );

  return (
    <div className="canvas" aria-label="Flow canvas" role="application">
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={shown.nodes}
        edges={shown.edges}
        nodeTypes={nodeTypes}
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
        fitView
        fitViewOptions={initialFit}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        proOptions={{ hideAttribution: true }}
        colorMode={colorMode}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
        {!noMinimap && doc.nodes.length <= MINIMAP_NODE_LIMIT && (
          <MiniMap
            pannable
            zoomable
            ariaLabel="Minimap"
            nodeClassName={(n) => `mini-${(n.data as CanvasNode['data']).node.type}`}
          />
        )}
      </ReactFlow>
    </div>
  );
}

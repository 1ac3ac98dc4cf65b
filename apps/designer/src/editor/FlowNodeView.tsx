import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { type CSSProperties, memo, useEffect, useRef } from 'react';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import type { CanvasNode } from './canvas-graph';
import { NodeIcon } from './NodeIcon';
import { kindOf, nodeLabel, nodeSummary, outPorts } from './node-catalog';
import { usePortText } from './port-text';
import { useProblemText } from './use-problem-text';
import { useSummaryNames } from './use-summary-names';

/** One node on the canvas: shape and icon of its type, label, summary, problems and outcome handles. */
function FlowNodeViewImpl({ id, data, selected }: NodeProps<CanvasNode>) {
  const t = useT();
  const f = useFormat();
  const problemText = useProblemText();
  const names = useSummaryNames();
  const portText = usePortText();
  const { node, problems, overlay, usedPorts } = data;
  // An unnamed start reads as what it is ("Início"), as the timeline says it, not as its id.
  const label = node.type === 'start' && !node.name ? t('node.kind.start') : nodeLabel(node);
  const used = new Set(usedPorts.split('|'));
  const kind = kindOf(node.type);
  const ports = outPorts(node);
  const portKey = ports.map((p) => p.id).join('|');
  const updateNodeInternals = useUpdateNodeInternals();
  const measuredPorts = useRef(portKey);
  // Outcomes added or renamed change the handles without resizing the node: re-measure them,
  // or new handles cannot be connected. Not on mount: xyflow measures new nodes itself, and
  // 300 extra measurements would make a large flow open slowly.
  useEffect(() => {
    if (measuredPorts.current === portKey) return;
    measuredPorts.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const classes = [
    'fnode',
    `fnode-${node.type}`,
    `shape-${kind.shape}`,
    selected ? 'is-selected' : '',
    errors ? 'has-error' : problems.length ? 'has-warning' : '',
    overlay?.active ? 'is-active' : '',
    overlay?.visited ? 'is-visited' : '',
    overlay?.diff ? `diff-${overlay.diff}` : '',
    overlay?.heat !== undefined ? 'has-heat' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const compact = kind.shape !== 'box';
  return (
    <div
      className={classes}
      title={problems.map((p) => problemText(p).message).join('\n') || t(`node.hint.${node.type}`)}
      style={overlay?.heat !== undefined ? ({ '--heat': overlay.heat } as CSSProperties) : undefined}
    >
      {node.type !== 'start' && (
        // A handle is a plain div (xyflow): a title, not an aria-label, which a div may not carry.
        <Handle
          type="target"
          position={Position.Top}
          id="in"
          title={t('node.connectInto', { node: label })}
        />
      )}
      {kind.shape === 'diamond' && <div className="diamond-bg" aria-hidden="true" />}
      <span className="fnode-icon">
        <NodeIcon type={node.type} />
      </span>
      <div className="fnode-text">
        <strong>{label}</strong>
        {!compact && <small>{nodeSummary(node, t, f.isoDuration, names)}</small>}
      </div>
      {compact && <span className="fnode-caption">{label}</span>}
      {problems.length > 0 && (
        <span
          className={`fnode-badge ${errors ? 'error' : 'warning'}`}
          role="img"
          aria-label={t('node.problems', { count: problems.length })}
        >
          {problems.length}
        </span>
      )}
      {overlay?.note && <span className="fnode-note">{overlay.note}</span>}
      {ports.map((p, i) => (
        <Handle
          key={p.id}
          type="source"
          position={Position.Bottom}
          id={p.id}
          className={p.on ? 'port-named' : 'port-plain'}
          style={{ left: `${((i + 1) / (ports.length + 1)) * 100}%` }}
          title={
            p.on
              ? t('node.connectOn', { node: label, outcome: portText(node, p.on) })
              : t('node.connectFrom', { node: label })
          }
        >
          {p.on && !used.has(p.id) && <span className="port-label">{portText(node, p.on)}</span>}
        </Handle>
      ))}
    </div>
  );
}

/** Memoised: a node re-renders only when its own data changes. */
export const FlowNodeView = memo(FlowNodeViewImpl);

import type { NodeType } from '@caseflow/schema';
import { StrokeIcon } from '../components/StrokeIcon';

// Stroke icons on a 24×24 grid, drawn inline so they never depend on the fonts installed.
const PATHS: Record<NodeType, string> = {
  start: 'M8 5v14l11-7z',
  end: 'M6 6h12v12H6z',
  task: 'M9 11l3 3 8-8M20 12v7a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h11',
  approval: 'M12 3l7 3v5c0 5-3.5 8.5-7 10-3.5-1.5-7-5-7-10V6zM9 12l2 2 4-4',
  action: 'M13 2L4 14h7l-1 8 9-12h-7z',
  decision: 'M12 2l10 10-10 10L2 12z',
  wait: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM10 9v6M14 9v6',
  timer: 'M12 8v5l3 2M12 4a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9 1h6',
  subflow: 'M4 6h10v10H4zM10 10h10v10H10',
  parallel: 'M12 3v6M12 9L5 15M12 9l7 6M5 15v6M19 15v6',
  join: 'M5 3v6M19 3v6M5 9l7 6M19 9l-7 6M12 15v6',
  notify: 'M3 6h18v12H3zM3 7l9 6 9-6',
  survey: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z',
};

/** The icon of a node type (decorative: the surrounding control carries the name). */
export function NodeIcon({ type, size = 18 }: { type: NodeType; size?: number }) {
  return <StrokeIcon d={PATHS[type]} size={size} strokeWidth={2} />;
}

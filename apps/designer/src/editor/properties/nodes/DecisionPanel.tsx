import { DecisionBranches } from '../DecisionBranches';
import type { NodePanelProps } from '../node-panel';

/** A decision: its branches in evaluation order, each with a FEEL condition, and the default. */
export function DecisionPanel({ node, scope }: NodePanelProps<'decision'>) {
  return <DecisionBranches nodeId={node.id} scope={scope} />;
}

import type { NodeType } from '@caseflow/schema';
import type { ScopeName } from '../feel-scope';
import type { DocNode, DocNodeOf, FlowDoc } from '../flow-document';

/** What the panel of one node type receives: its node, the edit, the FEEL scope and the flow. */
export interface NodePanelProps<T extends NodeType = NodeType> {
  node: DocNodeOf<T>;
  /** Replaces the node (one undoable command). */
  set(node: DocNode): void;
  /** Names a FEEL expression of this node may use. */
  scope: ScopeName[];
  doc: FlowDoc;
}

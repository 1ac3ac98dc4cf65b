import { useT } from '../../i18n/use-t';
import { useEditor } from '../EditorContext';
import { EdgeProperties } from './EdgeProperties';
import { FlowProperties } from './FlowProperties';
import { NodeProperties } from './NodeProperties';

/** Shows the properties of the selected node or edge, or the flow settings when none is selected. */
export function PropertiesPanel() {
  const t = useT();
  const selection = useEditor((s) => s.selection);
  const doc = useEditor((s) => s.doc);
  const nodeId = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
  const node = nodeId ? doc.nodes.find((n) => n.id === nodeId) : undefined;
  if (node) return <NodeProperties key={node.id} node={node} />;
  if (selection.nodes.length === 0 && selection.edges.length === 1)
    return <EdgeProperties id={selection.edges[0]!} />;
  if (selection.nodes.length + selection.edges.length > 1) {
    return (
      <div className="props">
        <h2>{t('editor.selected', { count: selection.nodes.length + selection.edges.length })}</h2>
        <p className="muted">{t('editor.selected.hint')}</p>
      </div>
    );
  }
  return <FlowProperties />;
}

import { useT } from '../../../i18n/use-t';
import { FlowPicker } from '../../pickers/Pickers';
import { FeelMapField } from '../fields';
import type { NodePanelProps } from '../node-panel';

/** A subflow: the flow it runs as a child case and the child's variables. */
export function SubflowPanel({ node, set, scope, doc }: NodePanelProps<'subflow'>) {
  const t = useT();
  return (
    <>
      <FlowPicker
        label={t('props.subflow.flow')}
        value={node.flow}
        exclude={doc.key}
        onChange={(flow) => set({ ...node, flow })}
      />
      <FeelMapField
        label={t('props.subflow.input')}
        value={node.input}
        scope={scope}
        onChange={(input) => set({ ...node, input })}
      />
    </>
  );
}

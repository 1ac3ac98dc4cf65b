import { useT } from '../../../i18n/use-t';
import { DurationField } from '../../pickers/DurationField';
import { SignalField } from '../../pickers/SignalField';
import type { NodePanelProps } from '../node-panel';

/** A wait: the signal it waits for and how long at most. */
export function WaitPanel({ node, set, doc }: NodePanelProps<'wait'>) {
  const t = useT();
  return (
    <>
      <SignalField
        label={t('props.wait.signal')}
        value={node.signal}
        doc={doc}
        nodeId={node.id}
        onChange={(signal) => set({ ...node, signal })}
      />
      <DurationField
        label={t('props.wait.timeout')}
        hint={t('props.timeout.hint')}
        optional
        value={node.timeout}
        onChange={(timeout) => set({ ...node, timeout })}
      />
    </>
  );
}

import { useT } from '../../../i18n/use-t';
import { DurationField } from '../../pickers/DurationField';
import { TextField } from '../fields';
import type { NodePanelProps } from '../node-panel';

/** A wait: the signal it waits for and how long at most. */
export function WaitPanel({ node, set }: NodePanelProps<'wait'>) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('props.wait.signal')}
        value={node.signal}
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

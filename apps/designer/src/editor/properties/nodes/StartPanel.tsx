import { useT } from '../../../i18n/use-t';
import { SignalField } from '../../pickers/SignalField';
import { SelectField } from '../fields';
import type { NodePanelProps } from '../node-panel';

/** A start node: what begins the case, and the signal of a proactive start. */
export function StartPanel({ node, set, doc }: NodePanelProps<'start'>) {
  const t = useT();
  const trigger = node.trigger ?? { kind: 'case' as const };
  return (
    <>
      <SelectField
        label={t('props.start.trigger')}
        value={trigger.kind}
        options={
          [
            ['case', t('props.start.trigger.case')],
            ['catalog', t('props.start.trigger.catalog')],
            ['signal', t('props.start.trigger.signal')],
            ['subflow', t('props.start.trigger.subflow')],
          ] as const
        }
        onChange={(kind) => set({ ...node, trigger: { ...trigger, kind } })}
      />
      {trigger.kind === 'signal' && (
        <SignalField
          label={t('props.start.signal')}
          value={trigger.signal}
          doc={doc}
          nodeId={node.id}
          onChange={(signal) => set({ ...node, trigger: { ...trigger, signal } })}
        />
      )}
    </>
  );
}

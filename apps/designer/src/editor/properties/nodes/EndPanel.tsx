import { useT } from '../../../i18n/use-t';
import { SelectField } from '../fields';
import type { NodePanelProps } from '../node-panel';

/** An end node: the outcome the case closes with. */
export function EndPanel({ node, set }: NodePanelProps<'end'>) {
  const t = useT();
  return (
    <SelectField
      label={t('props.end.outcome')}
      value={node.outcome ?? 'resolved'}
      options={
        [
          ['resolved', t('props.end.resolved')],
          ['cancelled', t('props.end.cancelled')],
          ['rejected', t('props.end.rejected')],
          ['failed', t('props.end.failed')],
        ] as const
      }
      onChange={(outcome) => set({ ...node, outcome })}
    />
  );
}

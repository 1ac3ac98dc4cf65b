import { useT } from '../../../i18n/use-t';
import { SelectField, TextField } from '../fields';
import type { NodePanelProps } from '../node-panel';

/** A survey: which one (CSAT, NPS, CES) and to whom. */
export function SurveyPanel({ node, set }: NodePanelProps<'survey'>) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t('props.survey.kind')}
        value={node.survey}
        options={
          [
            ['csat', t('props.survey.csat')],
            ['nps', t('props.survey.nps')],
            ['ces', t('props.survey.ces')],
          ] as const
        }
        onChange={(survey) => set({ ...node, survey })}
      />
      <TextField
        label={t('props.notify.to')}
        value={node.to ?? 'customer'}
        onChange={(to) => set({ ...node, to })}
      />
    </>
  );
}

import { useT } from '../../../i18n/use-t';
import { RecipientPicker } from '../../pickers/Pickers';
import { SelectField } from '../fields';
import type { NodePanelProps } from '../node-panel';

/** A survey: which one (CSAT, NPS, CES) and to whom. */
export function SurveyPanel({ node, set, doc }: NodePanelProps<'survey'>) {
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
      <RecipientPicker
        label={t('props.notify.to')}
        value={node.to ?? 'customer'}
        tiers={doc.tiers ?? []}
        onChange={(to) => set({ ...node, to })}
      />
    </>
  );
}

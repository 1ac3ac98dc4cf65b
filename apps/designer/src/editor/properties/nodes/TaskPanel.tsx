import { useRef } from 'react';
import type { FormInput } from '../../../forms/form-model';
import { useT } from '../../../i18n/use-t';
import { GroupPicker, UserPicker } from '../../pickers/Pickers';
import { CheckField, ListField, SelectField, TextField } from '../fields';
import type { NodePanelProps } from '../node-panel';
import { OutcomeLabelsField } from '../OutcomeLabelsField';
import { labelsForOutcomes, type OutcomeLabels } from '../outcome-labels';
import { SlaSection } from '../SlaSection';
import { TaskFormField } from '../TaskFormField';

/** A task: title, who does it (tier or group), its outcomes and their labels, SLA and form. */
export function TaskPanel({ node, set, doc }: NodePanelProps<'task'>) {
  const t = useT();
  // Labels of outcomes typed away, per node, for when the outcome comes back.
  const aside = useRef<Record<string, OutcomeLabels>>({});
  const assign = node.assign ?? {};
  const tiers = (doc.tiers ?? []).map((tier) => [tier.id, `${tier.name} (${tier.id})`] as const);
  return (
    <>
      <TextField
        label={t('props.task.title')}
        value={node.title}
        onChange={(title) => set({ ...node, title })}
      />
      <fieldset>
        <legend>{t('props.task.assignment')}</legend>
        <SelectField
          label={t('props.task.tier')}
          value={assign.tier ?? ''}
          empty={t('props.task.noTier')}
          options={tiers}
          onChange={(tier) => set({ ...node, assign: { ...assign, tier: tier || undefined } })}
        />
        <GroupPicker
          label={t('props.task.group')}
          value={assign.group}
          empty={t('props.task.noGroup')}
          onChange={(group) => set({ ...node, assign: { ...assign, group: group || undefined } })}
        />
        <UserPicker
          label={t('props.task.user')}
          value={assign.user}
          empty={t('props.task.noUser')}
          onChange={(user) => set({ ...node, assign: { ...assign, user: user || undefined } })}
        />
      </fieldset>
      <ListField
        label={t('props.task.outcomes')}
        hint={t('props.task.outcomes.hint')}
        value={node.outcomes}
        onChange={(outcomes) => {
          const next = labelsForOutcomes(node.outcomeLabels, outcomes, aside.current[node.id] ?? {});
          aside.current[node.id] = next.aside;
          set({ ...node, outcomes, outcomeLabels: next.labels });
        }}
      />
      <OutcomeLabelsField
        outcomes={node.outcomes}
        labels={node.outcomeLabels}
        onChange={(outcomeLabels) => set({ ...node, outcomeLabels })}
      />
      <SlaSection
        sla={node.sla}
        flowCalendar={doc.calendar}
        tiers={doc.tiers ?? []}
        onChange={(sla) => set({ ...node, sla })}
      />
      <CheckField
        label={t('props.task.hasForm')}
        checked={node.form !== undefined}
        onChange={(on) =>
          set({ ...node, form: on ? { type: 'object', properties: {}, required: [] } : undefined })
        }
      />
      {node.form && (
        <TaskFormField form={node.form as FormInput} onChange={(form) => set({ ...node, form })} />
      )}
    </>
  );
}

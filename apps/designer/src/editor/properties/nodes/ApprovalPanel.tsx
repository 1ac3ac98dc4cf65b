import { useT } from '../../../i18n/use-t';
import { DurationField } from '../../pickers/DurationField';
import { GroupPicker, UsersPicker } from '../../pickers/Pickers';
import { NumberField, SelectField, TextField } from '../fields';
import type { NodePanelProps } from '../node-panel';
import { SlaSection } from '../SlaSection';

/** An approval: who votes, how votes decide, how long it may take, its SLA. */
export function ApprovalPanel({ node, set, doc }: NodePanelProps<'approval'>) {
  const t = useT();
  const policy = node.policy ?? { kind: 'any' as const };
  return (
    <>
      <TextField
        label={t('props.task.title')}
        value={node.title}
        onChange={(title) => set({ ...node, title: title || undefined })}
      />
      <GroupPicker
        label={t('props.approval.group')}
        value={node.approvers.group}
        empty={t('props.task.noGroup')}
        onChange={(group) => set({ ...node, approvers: { ...node.approvers, group: group || undefined } })}
      />
      <UsersPicker
        label={t('props.approval.users')}
        value={node.approvers.users}
        onChange={(users) =>
          set({ ...node, approvers: { ...node.approvers, users: users.length ? users : undefined } })
        }
      />
      <SelectField
        label={t('props.approval.policy')}
        value={policy.kind}
        options={
          [
            ['any', t('props.approval.any')],
            ['all', t('props.approval.all')],
            ['first', t('props.approval.first')],
            ['quorum', t('props.approval.quorum')],
          ] as const
        }
        onChange={(kind) => set({ ...node, policy: kind === 'quorum' ? { kind, count: 2 } : { kind } })}
      />
      {policy.kind === 'quorum' && (
        <NumberField
          label={t('props.approval.count')}
          min={1}
          value={policy.count}
          onChange={(count) => set({ ...node, policy: { kind: 'quorum', count: count ?? 1 } })}
        />
      )}
      <DurationField
        label={t('props.approval.timeout')}
        hint={t('props.timeout.hint')}
        optional
        value={node.timeout}
        onChange={(timeout) => set({ ...node, timeout })}
      />
      <SlaSection
        sla={node.sla}
        flowCalendar={doc.calendar}
        tiers={doc.tiers ?? []}
        onChange={(sla) => set({ ...node, sla })}
      />
    </>
  );
}

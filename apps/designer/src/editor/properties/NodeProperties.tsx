import { useEffect, useMemo, useState } from 'react';
import type { FormInput } from '../../forms/form-model';
import { updateNode } from '../commands';
import { useEditor } from '../EditorContext';
import { FeelField } from '../FeelField';
import { feelScope } from '../feel-scope';
import type { DocNode, DocNodeOf } from '../flow-document';
import { NodeIcon } from '../NodeIcon';
import { kindOf } from '../node-catalog';
import { ActionProperties } from './ActionProperties';
import { DecisionBranches } from './DecisionBranches';
import { CheckField, FeelMapField, ListField, NumberField, SelectField, TextField } from './fields';
import { SlaSection } from './SlaSection';
import { TaskFormField } from './TaskFormField';

const ID = /^[a-z][a-z0-9-]*$/;

/** The properties of one node: common fields, then the fields of its type. */
export function NodeProperties({ node }: { node: DocNode }) {
  const doc = useEditor((s) => s.doc);
  const run = useEditor((s) => s.run);
  const select = useEditor((s) => s.select);
  const scope = useMemo(() => feelScope(doc, node.id), [doc, node.id]);
  const set = (next: DocNode) => run(updateNode(node.id, next));
  const idTaken = (id: string) => id !== node.id && doc.nodes.some((n) => n.id === id);
  const kind = kindOf(node.type);
  return (
    <section className="props" aria-label={`Properties of ${node.id}`}>
      <h2>
        <NodeIcon type={node.type} /> {kind.label}
      </h2>
      <IdField
        id={node.id}
        taken={idTaken}
        onRename={(id) => {
          set({ ...node, id });
          select({ nodes: [id] });
        }}
      />
      <TextField
        label="Name"
        value={node.name}
        placeholder={node.id}
        onChange={(name) => set({ ...node, name: name || undefined })}
      />
      <TextField
        label="Description"
        value={node.description}
        onChange={(d) => set({ ...node, description: d || undefined })}
      />
      <TypeFields node={node} set={set} scope={scope} tiers={(doc.tiers ?? []).map((t) => t.id)} />
    </section>
  );
}

/**
 * The node id, committed on Enter or when the field loses focus: renaming re-keys the panel,
 * so committing each keystroke would take the focus away after the first letter.
 */
function IdField({
  id,
  taken,
  onRename,
}: {
  id: string;
  taken(id: string): boolean;
  onRename(id: string): void;
}) {
  const [draft, setDraft] = useState(id);
  useEffect(() => setDraft(id), [id]);
  const error = !ID.test(draft)
    ? 'Lower-case letters, digits and dashes, starting with a letter'
    : taken(draft)
      ? `Another node has the id ${draft}`
      : null;
  const commit = () => {
    if (draft === id) return;
    if (error) setDraft(id);
    else onRename(draft);
  };
  return (
    <TextField
      label="Id"
      value={draft}
      hint={error ? undefined : 'Renaming keeps the edges; Enter applies it.'}
      error={draft === id ? null : error}
      onChange={setDraft}
      onBlur={commit}
      onEnter={commit}
    />
  );
}

interface TypeProps {
  node: DocNode;
  set(n: DocNode): void;
  scope: ReturnType<typeof feelScope>;
  tiers: string[];
}

function TypeFields({ node, set, scope, tiers }: TypeProps) {
  switch (node.type) {
    case 'start':
      return <StartFields node={node} set={set} />;
    case 'end':
      return (
        <SelectField
          label="Outcome"
          value={node.outcome ?? 'resolved'}
          options={['resolved', 'cancelled', 'rejected', 'failed'] as const}
          onChange={(outcome) => set({ ...node, outcome })}
        />
      );
    case 'task':
      return <TaskFields node={node} set={set} tiers={tiers} />;
    case 'approval':
      return <ApprovalFields node={node} set={set} />;
    case 'action':
      return <ActionProperties node={node} set={set} scope={scope} />;
    case 'decision':
      return <DecisionBranches nodeId={node.id} scope={scope} />;
    case 'wait':
      return (
        <>
          <TextField
            label="Signal name"
            value={node.signal}
            onChange={(signal) => set({ ...node, signal })}
          />
          <TextField
            label="Timeout (ISO-8601, optional)"
            value={node.timeout}
            onChange={(t) => set({ ...node, timeout: t || undefined })}
          />
        </>
      );
    case 'timer':
      return <TimerFields node={node} set={set} scope={scope} />;
    case 'subflow':
      return (
        <>
          <TextField label="Child flow key" value={node.flow} onChange={(flow) => set({ ...node, flow })} />
          <FeelMapField
            label="Child variables"
            value={node.input}
            scope={scope}
            onChange={(input) => set({ ...node, input })}
          />
        </>
      );
    case 'notify':
      return (
        <>
          <TextField
            label="Recipient"
            hint="customer, assignee, group:<name>, user:<name>"
            value={node.to}
            onChange={(to) => set({ ...node, to })}
          />
          <TextField
            label="Template"
            value={node.template}
            onChange={(template) => set({ ...node, template })}
          />
          <SelectField
            label="Channel"
            value={node.channel ?? ''}
            empty="Customer's channel"
            options={['email', 'sms', 'chat', 'whatsapp', 'web'] as const}
            onChange={(channel) => set({ ...node, channel: channel || undefined })}
          />
          <FeelMapField
            label="Template data"
            value={node.data}
            scope={scope}
            onChange={(data) => set({ ...node, data })}
          />
        </>
      );
    case 'survey':
      return (
        <>
          <SelectField
            label="Survey"
            value={node.survey}
            options={
              [
                ['csat', 'CSAT (1–5)'],
                ['nps', 'NPS (0–10)'],
                ['ces', 'CES (1–7)'],
              ] as const
            }
            onChange={(survey) => set({ ...node, survey })}
          />
          <TextField
            label="Recipient"
            value={node.to ?? 'customer'}
            onChange={(to) => set({ ...node, to })}
          />
        </>
      );
    default:
      return <p className="muted">{kindOf(node.type).hint}.</p>;
  }
}

function StartFields({ node, set }: { node: DocNodeOf<'start'>; set(n: DocNode): void }) {
  const trigger = node.trigger ?? { kind: 'case' as const };
  return (
    <>
      <SelectField
        label="Started by"
        value={trigger.kind}
        options={
          [
            ['case', 'A case from a channel'],
            ['catalog', 'A catalog request'],
            ['signal', 'A signal (proactive)'],
            ['subflow', 'A parent flow'],
          ] as const
        }
        onChange={(kind) => set({ ...node, trigger: { ...trigger, kind } })}
      />
      {trigger.kind === 'signal' && (
        <TextField
          label="Trigger signal"
          value={trigger.signal}
          onChange={(signal) => set({ ...node, trigger: { ...trigger, signal } })}
        />
      )}
    </>
  );
}

function TaskFields({
  node,
  set,
  tiers,
}: {
  node: DocNodeOf<'task'>;
  set(n: DocNode): void;
  tiers: string[];
}) {
  const assign = node.assign ?? {};
  return (
    <>
      <TextField label="Title" value={node.title} onChange={(title) => set({ ...node, title })} />
      <fieldset>
        <legend>Assignment</legend>
        <SelectField
          label="Tier"
          value={assign.tier ?? ''}
          empty="No tier"
          options={tiers}
          onChange={(tier) => set({ ...node, assign: { ...assign, tier: tier || undefined } })}
        />
        <TextField
          label="Group"
          value={assign.group}
          onChange={(group) => set({ ...node, assign: { ...assign, group: group || undefined } })}
        />
        <TextField
          label="User"
          value={assign.user}
          onChange={(user) => set({ ...node, assign: { ...assign, user: user || undefined } })}
        />
      </fieldset>
      <ListField
        label="Outcomes"
        hint="Each outcome becomes a handle to connect."
        value={node.outcomes}
        onChange={(outcomes) => set({ ...node, outcomes })}
      />
      <SlaSection sla={node.sla} onChange={(sla) => set({ ...node, sla })} />
      <CheckField
        label="Has a form"
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

function ApprovalFields({ node, set }: { node: DocNodeOf<'approval'>; set(n: DocNode): void }) {
  const policy = node.policy ?? { kind: 'any' as const };
  return (
    <>
      <TextField
        label="Title"
        value={node.title}
        onChange={(title) => set({ ...node, title: title || undefined })}
      />
      <TextField
        label="Approver group"
        value={node.approvers.group}
        onChange={(group) => set({ ...node, approvers: { ...node.approvers, group: group || undefined } })}
      />
      <ListField
        label="Approver users"
        value={node.approvers.users}
        onChange={(users) =>
          set({ ...node, approvers: { ...node.approvers, users: users.length ? users : undefined } })
        }
      />
      <SelectField
        label="Policy"
        value={policy.kind}
        options={
          [
            ['any', 'Any approver'],
            ['all', 'All approvers'],
            ['first', 'First vote decides'],
            ['quorum', 'Quorum'],
          ] as const
        }
        onChange={(kind) => set({ ...node, policy: kind === 'quorum' ? { kind, count: 2 } : { kind } })}
      />
      {policy.kind === 'quorum' && (
        <NumberField
          label="Quorum count"
          min={1}
          value={policy.count}
          onChange={(count) => set({ ...node, policy: { kind: 'quorum', count: count ?? 1 } })}
        />
      )}
      <TextField
        label="Timeout (ISO-8601, optional)"
        value={node.timeout}
        onChange={(t) => set({ ...node, timeout: t || undefined })}
      />
      <SlaSection sla={node.sla} onChange={(sla) => set({ ...node, sla })} />
    </>
  );
}

function TimerFields({
  node,
  set,
  scope,
}: {
  node: DocNodeOf<'timer'>;
  set(n: DocNode): void;
  scope: TypeProps['scope'];
}) {
  const mode = node.until !== undefined ? 'until' : 'duration';
  return (
    <>
      <SelectField
        label="Wait"
        value={mode}
        options={
          [
            ['duration', 'For a duration'],
            ['until', 'Until a date (FEEL)'],
          ] as const
        }
        onChange={(m) =>
          set(
            m === 'until'
              ? { ...node, duration: undefined, until: 'now() + duration("P1D")' }
              : { ...node, until: undefined, duration: 'PT1H' },
          )
        }
      />
      {mode === 'duration' ? (
        <TextField
          label="Duration (ISO-8601)"
          value={node.duration}
          onChange={(duration) => set({ ...node, duration })}
        />
      ) : (
        <FeelField
          label="Until"
          value={node.until ?? ''}
          scope={scope}
          onChange={(until) => set({ ...node, until })}
        />
      )}
      <TextField
        label="Calendar"
        value={node.calendar}
        placeholder="flow calendar"
        onChange={(c) => set({ ...node, calendar: c || undefined })}
      />
    </>
  );
}

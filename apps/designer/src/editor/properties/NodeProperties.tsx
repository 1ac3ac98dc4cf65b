import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { updateNode } from '../commands';
import { useEditor } from '../EditorContext';
import { feelScope } from '../feel-scope';
import type { DocNode } from '../flow-document';
import { NodeIcon } from '../NodeIcon';
import { CustomerLabelField } from './CustomerLabelField';
import { TextField } from './fields';
import { panelOf } from './node-panels';

const ID = /^[a-z][a-z0-9-]*$/;

/** The properties of one node: id, name and description, then its type's own panel (node-panels.ts). */
/** Steps a case can stay at for a while: customers may be told what is happening there. */
const WAITS_HERE = new Set<string>(['task', 'approval', 'wait', 'timer', 'action', 'subflow', 'survey']);

export function NodeProperties({ node }: { node: DocNode }) {
  const t = useT();
  const doc = useEditor((s) => s.doc);
  const run = useEditor((s) => s.run);
  const select = useEditor((s) => s.select);
  const scope = useMemo(() => feelScope(doc, node.id), [doc, node.id]);
  const set = (next: DocNode) => run(updateNode(node.id, next));
  const idTaken = (id: string) => id !== node.id && doc.nodes.some((n) => n.id === id);
  const Panel = panelOf(node.type);
  return (
    <section className="props" aria-label={t('props.node.region', { id: node.id })}>
      <h2>
        <NodeIcon type={node.type} /> {t(`node.kind.${node.type}`)}
      </h2>
      <TextField
        label={t('props.node.name')}
        value={node.name}
        placeholder={node.id}
        onChange={(name) => set({ ...node, name: name || undefined })}
      />
      <TextField
        label={t('props.node.description')}
        value={node.description}
        onChange={(d) => set({ ...node, description: d || undefined })}
      />
      {WAITS_HERE.has(node.type) && (
        <CustomerLabelField
          value={node.customerLabel}
          onChange={(customerLabel) => set({ ...node, customerLabel })}
        />
      )}
      <Panel node={node} set={set} scope={scope} doc={doc} />
      {/* Last: an owner names and sets up a step; its id (how edges and SLAs refer to it) is
          rarely changed, and is made when the step is added. */}
      <IdField
        id={node.id}
        taken={idTaken}
        onRename={(id) => {
          set({ ...node, id });
          select({ nodes: [id] });
        }}
      />
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
  const t = useT();
  const [draft, setDraft] = useState(id);
  useEffect(() => setDraft(id), [id]);
  const error = !ID.test(draft)
    ? t('props.node.id.invalid')
    : taken(draft)
      ? t('props.node.id.taken', { id: draft })
      : null;
  const commit = () => {
    if (draft === id) return;
    if (error) setDraft(id);
    else onRename(draft);
  };
  return (
    <TextField
      label={t('props.node.id')}
      value={draft}
      hint={error ? undefined : t('props.node.id.hint')}
      error={draft === id ? null : error}
      onChange={setDraft}
      onBlur={commit}
      onEnter={commit}
    />
  );
}

import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import { edgeIds, updateEdge } from '../commands';
import { useEditor } from '../EditorContext';
import { FeelField } from '../FeelField';
import { feelScope } from '../feel-scope';
import { edgesOf } from '../flow-document';
import { outPorts } from '../node-catalog';
import { CheckField, SelectField, TextField } from './fields';

/** The properties of one edge: the outcome it leaves by, its condition, default flag and label. */
export function EdgeProperties({ id }: { id: string }) {
  const t = useT();
  const doc = useEditor((s) => s.doc);
  const run = useEditor((s) => s.run);
  const index = edgeIds(doc).indexOf(id);
  const edge = edgesOf(doc)[index];
  const source = doc.nodes.find((n) => n.id === edge?.from);
  const scope = useMemo(() => (edge ? feelScope(doc, edge.from) : []), [doc, edge]);
  if (!edge) return null;
  const set = (next: typeof edge) => run(updateEdge(id, next));
  const ports = source ? outPorts(source).filter((p) => p.on) : [];
  return (
    <section className="props" aria-label={t('panel.edge.label', { edge: id })}>
      <h2>{t('panel.edge.title')}</h2>
      <p>
        <code>{edge.from}</code> → <code>{edge.to}</code>
      </p>
      {ports.length > 0 && (
        <SelectField
          label={t('panel.edge.leavesOn')}
          value={edge.on ?? ''}
          empty={t('panel.edge.plain')}
          options={ports.map((p) => p.on!)}
          onChange={(on) => set({ ...edge, on: on || undefined })}
        />
      )}
      {source?.type === 'decision' && (
        <>
          <CheckField
            label={t('panel.edge.default')}
            checked={edge.default === true}
            onChange={(d) => set({ ...edge, default: d || undefined, when: d ? undefined : edge.when })}
          />
          {!edge.default && (
            <FeelField
              label={t('panel.edge.condition')}
              value={edge.when ?? ''}
              scope={scope}
              onChange={(when) => set({ ...edge, when: when || undefined })}
            />
          )}
        </>
      )}
      <TextField
        label={t('panel.edge.text')}
        value={edge.label}
        onChange={(label) => set({ ...edge, label: label || undefined })}
      />
    </section>
  );
}

import { edgeId } from '@caseflow/schema';
import { useT } from '../../i18n/use-t';
import { updateEdge } from '../commands';
import { useEditor } from '../EditorContext';
import { FeelField } from '../FeelField';
import type { ScopeName } from '../feel-scope';
import { edgesOf } from '../flow-document';

/** The branches of a decision in evaluation order: each condition in FEEL, and the default. */
export function DecisionBranches({ nodeId, scope }: { nodeId: string; scope: ScopeName[] }) {
  const t = useT();
  const doc = useEditor((s) => s.doc);
  const run = useEditor((s) => s.run);
  const all = edgesOf(doc);
  const branches = all.map((e, i) => ({ e, id: edgeId(e, i, all) })).filter(({ e }) => e.from === nodeId);
  if (branches.length === 0) return <p className="muted">{t('panel.decision.none')}</p>;
  return (
    <fieldset>
      <legend>{t('panel.decision.branches')}</legend>
      {branches.map(({ e, id }) => (
        <div key={id} className="branch">
          <strong>→ {e.to}</strong>
          <label className="check">
            <input
              type="radio"
              name={`default-${nodeId}`}
              checked={e.default === true}
              onChange={() => {
                const { when: _when, ...rest } = e;
                run(updateEdge(id, { ...rest, default: true }));
              }}
            />
            {t('panel.edge.default')}
          </label>
          {!e.default && (
            <FeelField
              label={t('panel.decision.conditionTo', { node: e.to })}
              value={e.when ?? ''}
              scope={scope}
              onChange={(when) => run(updateEdge(id, { ...e, when: when || undefined }))}
            />
          )}
        </div>
      ))}
    </fieldset>
  );
}

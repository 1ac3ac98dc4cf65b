import { edgeId } from '@caseflow/schema';
import { updateEdge } from '../commands';
import { useEditor } from '../EditorContext';
import { FeelField } from '../FeelField';
import type { ScopeName } from '../feel-scope';
import { edgesOf } from '../flow-document';

/** The branches of a decision in evaluation order: each condition in FEEL, and the default. */
export function DecisionBranches({ nodeId, scope }: { nodeId: string; scope: ScopeName[] }) {
  const doc = useEditor((s) => s.doc);
  const run = useEditor((s) => s.run);
  const all = edgesOf(doc);
  const branches = all.map((e, i) => ({ e, id: edgeId(e, i, all) })).filter(({ e }) => e.from === nodeId);
  if (branches.length === 0)
    return <p className="muted">Connect this decision to the next steps; each edge gets a condition here.</p>;
  return (
    <fieldset>
      <legend>Branches (first true condition wins)</legend>
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
            Default branch
          </label>
          {!e.default && (
            <FeelField
              label={`Condition to ${e.to}`}
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

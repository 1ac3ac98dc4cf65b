import type { Effect } from '@caseflow/schema';
import { formatSpan } from '../components/format';
import type { FlowDoc } from '../editor/flow-document';
import { nodeLabel } from '../editor/node-catalog';
import { useT } from '../i18n/use-t';
import { describeEffect, type Phrase, type TraceStep } from './sim-session';

/**
 * The simulator's trace, newest first: each action with the effects of the case, then the
 * events of each child case in a group of its own, labelled with its flow and the subflow node
 * that started it.
 */
export function SimTrace({
  trace,
  started,
  doc,
}: {
  trace: readonly TraceStep[];
  started: number;
  doc: FlowDoc;
}) {
  const t = useT();
  const say = (p: Phrase) => t(p.id, p.values);
  const nodeName = (id: string) => {
    const node = doc.nodes.find((n) => n.id === id);
    return node ? nodeLabel(node) : id;
  };
  return (
    <section aria-labelledby="sim-trace">
      <h3 id="sim-trace">{t('sim.trace')}</h3>
      <ol className="trace">
        {[...trace].reverse().map((step) => (
          <li key={step.seq} className={step.error ? 'trace-error' : ''}>
            <strong>{say(step.label)}</strong>{' '}
            <small className="muted">+{formatSpan(step.at - started)}</small>
            {step.error && <div className="field-error">{step.error}</div>}
            <Effects effects={step.effects} say={say} />
            {step.children.map((child) => {
              const heading = t('sim.trace.child', { flow: child.flow, node: nodeName(child.nodeId) });
              return (
                <section key={child.caseId} className="trace-child" aria-label={heading}>
                  <strong>{heading}</strong>{' '}
                  <small className="muted">
                    {t('sim.trace.childEffects', { count: shown(child.effects).length })}
                  </small>
                  <Effects effects={child.effects} say={say} />
                </section>
              );
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Effects worth a line: variable writes show in the case data, not the trace. */
const shown = (effects: readonly Effect[]) => effects.filter((e) => e.type !== 'variables.set');

function Effects({ effects, say }: { effects: readonly Effect[]; say(p: Phrase): string }) {
  return (
    <ul>
      {shown(effects).map((e, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: effects of one step never reorder
        <li key={`${e.type}-${j}`} className={`fx fx-${e.type.replace('.', '-')}`}>
          {say(describeEffect(e))}
        </li>
      ))}
    </ul>
  );
}

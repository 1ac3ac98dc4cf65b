import type { Effect } from '@caseflow/schema';
import type { FlowDoc } from '../editor/flow-document';
import { useFlowChoices } from '../editor/pickers/FlowChoicesContext';
import { recipientWords } from '../editor/recipient-words';
import { choiceNames, useRenderedLocale } from '../editor/use-summary-names';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { nodeTitle, tierTitle } from './sim-names';
import { describeEffect, type Phrase, type TraceStep } from './sim-session';
import { sayPhrase, type TraceSpeech, traceIndex } from './trace-words';

/**
 * The simulator's trace, newest first: each action with the effects of the case, then the
 * events of each child case in a group of its own, labelled with its flow and the subflow node
 * that started it. Steps, tasks, tiers, SLAs, timers, recipients and templates read by their
 * names; times and durations in the reader's language.
 */
export function SimTrace({
  trace,
  started,
  doc,
  subflows = [],
}: {
  trace: readonly TraceStep[];
  started: number;
  doc: FlowDoc;
  /** The child flows the case ran, whose events are worded with their own steps. */
  subflows?: readonly FlowDoc[];
}) {
  const t = useT();
  const f = useFormat();
  const names = choiceNames(useFlowChoices(), useRenderedLocale());
  const speech: TraceSpeech = {
    t,
    dateTime: (ms) => f.dateTime(ms),
    isoDuration: (iso) => f.isoDuration(iso),
    recipient: (to) => recipientWords(to, t, { tier: (id) => tierTitle(doc, id), user: names.user }),
    template: names.template,
  };
  const index = traceIndex(trace, [doc, ...subflows]);
  const sayer = (of: FlowDoc) => (p: Phrase) => sayPhrase(p, of, index, speech);
  const say = sayer(doc);
  return (
    <section aria-labelledby="sim-trace">
      <h3 id="sim-trace">{t('sim.trace')}</h3>
      <ol className="trace">
        {[...trace].reverse().map((step) => (
          <li key={step.seq} className={step.error ? 'trace-error' : ''}>
            <strong>{say(step.label)}</strong>{' '}
            <small className="muted">{t('sim.trace.at', { span: f.duration(step.at - started) })}</small>
            {step.error && <div className="field-error">{step.error}</div>}
            <Effects effects={step.effects} say={say} />
            {step.children.map((child) => {
              const childDoc = subflows.find((s) => s.key === child.flow);
              const heading = t('sim.trace.child', {
                flow: childDoc?.name ?? child.flow,
                node: nodeTitle(doc, child.nodeId),
              });
              return (
                <section key={child.caseId} className="trace-child" aria-label={heading}>
                  <strong>{heading}</strong>{' '}
                  <small className="muted">
                    {t('sim.trace.childEffects', { count: shown(child.effects).length })}
                  </small>
                  <Effects effects={child.effects} say={childDoc ? sayer(childDoc) : say} />
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

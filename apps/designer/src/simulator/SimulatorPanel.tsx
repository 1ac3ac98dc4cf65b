import { useEffect, useState } from 'react';
import { api } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { StatusWord } from '../components/StatusWord';
import type { NodeOverlay } from '../editor/canvas-graph';
import type { FlowDoc } from '../editor/flow-document';
import { DurationField } from '../editor/pickers/DurationField';
import { useFormat } from '../i18n/use-format';
import { useLocale } from '../i18n/use-locale';
import { useT } from '../i18n/use-t';
import { SimSignals } from './SimSignals';
import { SimSlas } from './SimSlas';
import { SimStartForm } from './SimStartForm';
import { SimTrace } from './SimTrace';
import { nodeTitle, outcomeTitle, tierTitle } from './sim-names';
import { SimSession, subflowKeys } from './sim-session';

const STEPS = ['PT5M', 'PT15M', 'PT1H', 'PT4H', 'P1D'];

/** Runs the flow in the browser: open a case, pick outcomes, fire signals, move the clock, read the trace. */
export function SimulatorPanel({
  doc,
  onOverlays,
}: {
  doc: FlowDoc;
  onOverlays(o: Record<string, NodeOverlay> | undefined): void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const f = useFormat();
  const [session, setSession] = useState<SimSession | null>(null);
  const [, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [custom, setCustom] = useState('PT2H');

  useEffect(() => () => onOverlays(undefined), [onOverlays]);

  function act(fn: (s: SimSession) => void) {
    if (!session) return;
    fn(session);
    setTick((n) => n + 1);
    onOverlays(session.overlays(t('sim.slaBreached')));
  }

  async function start(vars: Record<string, unknown>) {
    setError(null);
    try {
      const children = await Promise.all(
        subflowKeys(doc).map((key) =>
          api.getFlow(key).then(
            (f) => ({ ...f.definition, key }) as FlowDoc,
            () => null,
          ),
        ),
      );
      const s = SimSession.start(
        doc,
        { variables: vars },
        children.filter((c): c is FlowDoc => c !== null),
      );
      setSession(s);
      onOverlays(s.overlays(t('sim.slaBreached')));
    } catch (e) {
      const problems = (e as { problems?: Array<{ message: string }> }).problems;
      setError(
        `${(e as Error).message}${problems?.length ? `: ${problems.map((p) => p.message).join('; ')}` : ''}`,
      );
    }
  }

  if (!session) {
    return (
      <div className="sim">
        <p className="muted">{t('sim.intro')}</p>
        <ErrorBanner message={error} />
        <SimStartForm doc={doc} onStart={(vars) => void start(vars)} />
      </div>
    );
  }

  const view = session.view();
  const tasks = session.openTasks();
  const signals = session.waitingSignals();
  const now = session.now;
  return (
    <div className="sim">
      <div className="sim-head">
        <StatusWord value={view.status} />
        <span>
          {t('sim.clock')} <time dateTime={new Date(now).toISOString()}>{f.dateTime(now)}</time>{' '}
          <small className="muted">{t('sim.elapsed', { span: f.duration(now - session.started) })}</small>
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setSession(null);
            onOverlays(undefined);
          }}
        >
          {t('sim.reset')}
        </button>
      </div>
      <p className="muted">
        {t('sim.at', { nodes: view.activeNodes.map((id) => nodeTitle(doc, id)).join(', ') || '—' })}
      </p>

      <section aria-labelledby="sim-clock">
        <h3 id="sim-clock">{t('sim.advanceTitle')}</h3>
        <div className="btn-row">
          {STEPS.map((d) => (
            <button key={d} type="button" className="btn btn-small" onClick={() => act((s) => s.advance(d))}>
              {t('sim.step', { span: f.isoDuration(d) })}
            </button>
          ))}
        </div>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            act((s) => s.advance(custom));
          }}
        >
          <DurationField
            label={t('sim.duration')}
            value={custom}
            onChange={(iso) => setCustom(iso ?? custom)}
          />
          <button type="submit" className="btn btn-small">
            {t('sim.advance')}
          </button>
        </form>
      </section>

      <section aria-labelledby="sim-tasks">
        <h3 id="sim-tasks">{t('sim.tasks')}</h3>
        {tasks.length === 0 && <p className="muted">{t('sim.none')}</p>}
        {tasks.map((task) => (
          <div key={task.taskId} className="sim-task">
            <div>
              <strong>{task.title}</strong>{' '}
              <small className="muted">
                {task.tier
                  ? t('sim.task.tier', { tier: tierTitle(doc, task.tier) })
                  : (task.assignee ?? task.group ?? t('sim.task.anyone'))}
              </small>
            </div>
            <div className="btn-row">
              {task.outcomes.map((o) => (
                <button
                  key={o}
                  type="button"
                  className="btn btn-small"
                  onClick={() => act((s) => s.complete(task.taskId, o))}
                >
                  {outcomeTitle(doc, task.nodeId, o, locale)}{' '}
                  <span className="sr-only">{t('sim.outcomeFor', { title: task.title })}</span>
                </button>
              ))}
              {task.kind === 'task' && (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  aria-label={t('sim.escalateLabel', { title: task.title })}
                  onClick={() => act((s) => s.escalate(task.taskId, t('sim.escalateReason')))}
                >
                  {t('sim.escalate')}
                </button>
              )}
            </div>
          </div>
        ))}
      </section>

      <SimSignals
        doc={doc}
        waiting={signals}
        onSignal={(name) => act((s) => s.signal(name))}
        onEvent={(name) => act((s) => s.caseEvent(name))}
      />

      <SimSlas doc={doc} clocks={session.slaClocks()} now={now} />

      <SimTrace
        trace={session.trace}
        started={session.started}
        doc={doc}
        subflows={[...session.flows.values()].filter((x) => x.key !== doc.key)}
      />
    </div>
  );
}

import { useEffect, useState } from 'react';
import { api } from '../auth/session';
import { countdown, formatSpan } from '../components/format';
import { ErrorBanner } from '../components/Status';
import { StatusWord } from '../components/StatusWord';
import type { NodeOverlay } from '../editor/canvas-graph';
import type { FlowDoc } from '../editor/flow-document';
import { DurationField } from '../editor/pickers/DurationField';
import { useT } from '../i18n/use-t';
import { SimStartForm } from './SimStartForm';
import { SimTrace } from './SimTrace';
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
  const [session, setSession] = useState<SimSession | null>(null);
  const [, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [signal, setSignal] = useState('');
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
          {t('sim.clock')} <time>{new Date(now).toISOString().replace('T', ' ').slice(0, 16)}</time>{' '}
          <small className="muted">(+{formatSpan(now - session.started)})</small>
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
      <p className="muted">{t('sim.at', { nodes: view.activeNodes.join(', ') || '—' })}</p>

      <section aria-labelledby="sim-clock">
        <h3 id="sim-clock">{t('sim.advanceTitle')}</h3>
        <div className="btn-row">
          {STEPS.map((d) => (
            <button key={d} type="button" className="btn btn-small" onClick={() => act((s) => s.advance(d))}>
              +{d.replace(/^PT?/, '').toLowerCase()}
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
                {task.taskId} · {task.tier ?? task.group ?? task.assignee ?? '—'}
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
                  {o}{' '}
                  <span className="sr-only">
                    {t('sim.outcomeFor', { title: task.title, task: task.taskId })}
                  </span>
                </button>
              ))}
              {task.kind === 'task' && (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => act((s) => s.escalate(task.taskId, t('sim.escalateReason')))}
                >
                  {t('sim.escalate')} <span className="sr-only">{task.taskId}</span>
                </button>
              )}
            </div>
          </div>
        ))}
      </section>

      <section aria-labelledby="sim-signals">
        <h3 id="sim-signals">{t('sim.signals')}</h3>
        <div className="btn-row">
          {signals.map((name) => (
            <button
              key={name}
              type="button"
              className="btn btn-small"
              onClick={() => act((s) => s.signal(name))}
            >
              {t('sim.fire', { signal: name })}
            </button>
          ))}
        </div>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (signal) act((s) => s.signal(signal));
          }}
        >
          <label>
            {t('sim.signalName')}
            <input value={signal} onChange={(e) => setSignal(e.target.value)} size={14} />
          </label>
          <button type="submit" className="btn btn-small">
            {t('sim.fireSignal')}
          </button>
        </form>
      </section>

      <section aria-labelledby="sim-slas">
        <h3 id="sim-slas">{t('sim.slas')}</h3>
        {view.slas.length === 0 && <p className="muted">{t('sim.noSlas')}</p>}
        <ul className="plain">
          {view.slas.map((s) => (
            <li key={s.slaId}>
              <StatusWord value={s.status} /> {s.slaId} <small className="muted">{s.target}</small>{' '}
              {(s.status === 'running' || s.status === 'warning') && <small>{countdown(s.dueAt, now)}</small>}
            </li>
          ))}
        </ul>
      </section>

      <SimTrace trace={session.trace} started={session.started} doc={doc} />
    </div>
  );
}

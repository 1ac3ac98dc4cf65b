import { useEffect, useState } from 'react';
import { api } from '../auth/session';
import { countdown, formatSpan } from '../components/format';
import { Badge, ErrorBanner } from '../components/Status';
import type { NodeOverlay } from '../editor/canvas-graph';
import type { FlowDoc } from '../editor/flow-document';
import { describeEffect, SimSession, subflowKeys } from './sim-session';

const STEPS = ['PT5M', 'PT15M', 'PT1H', 'PT4H', 'P1D'];

/** Runs the flow in the browser: open a case, pick outcomes, fire signals, move the clock, read the trace. */
export function SimulatorPanel({
  doc,
  onOverlays,
}: {
  doc: FlowDoc;
  onOverlays(o: Record<string, NodeOverlay> | undefined): void;
}) {
  const [session, setSession] = useState<SimSession | null>(null);
  const [, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [variables, setVariables] = useState('{}');
  const [signal, setSignal] = useState('');
  const [custom, setCustom] = useState('PT2H');

  useEffect(() => () => onOverlays(undefined), [onOverlays]);

  function act(fn: (s: SimSession) => void) {
    if (!session) return;
    fn(session);
    setTick((t) => t + 1);
    onOverlays(session.overlays());
  }

  async function start() {
    setError(null);
    try {
      const vars = JSON.parse(variables || '{}') as Record<string, unknown>;
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
      onOverlays(s.overlays());
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
        <p className="muted">
          Run this flow in the browser against a virtual clock. Nothing is saved or sent.
        </p>
        <label>
          Case variables (JSON)
          <textarea rows={4} value={variables} onChange={(e) => setVariables(e.target.value)} />
        </label>
        <ErrorBanner message={error} />
        <button type="button" className="btn btn-primary" onClick={() => void start()}>
          Start simulation
        </button>
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
        <Badge value={view.status} />
        <span>
          Clock <time>{new Date(now).toISOString().replace('T', ' ').slice(0, 16)}</time>{' '}
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
          Reset
        </button>
      </div>
      <p className="muted">At: {view.activeNodes.join(', ') || '—'}</p>

      <section aria-labelledby="sim-clock">
        <h3 id="sim-clock">Advance the clock</h3>
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
          <label>
            Duration
            <input value={custom} onChange={(e) => setCustom(e.target.value)} size={8} />
          </label>
          <button type="submit" className="btn btn-small">
            Advance
          </button>
        </form>
      </section>

      <section aria-labelledby="sim-tasks">
        <h3 id="sim-tasks">Open tasks</h3>
        {tasks.length === 0 && <p className="muted">None.</p>}
        {tasks.map((t) => (
          <div key={t.taskId} className="sim-task">
            <div>
              <strong>{t.title}</strong>{' '}
              <small className="muted">
                {t.taskId} · {t.tier ?? t.group ?? t.assignee ?? '—'}
              </small>
            </div>
            <div className="btn-row">
              {t.outcomes.map((o) => (
                <button
                  key={o}
                  type="button"
                  className="btn btn-small"
                  onClick={() => act((s) => s.complete(t.taskId, o))}
                >
                  {o}{' '}
                  <span className="sr-only">
                    for {t.title} {t.taskId}
                  </span>
                </button>
              ))}
              {t.kind === 'task' && (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => act((s) => s.escalate(t.taskId, 'escalated in simulator'))}
                >
                  Escalate <span className="sr-only">{t.taskId}</span>
                </button>
              )}
            </div>
          </div>
        ))}
      </section>

      <section aria-labelledby="sim-signals">
        <h3 id="sim-signals">Signals</h3>
        <div className="btn-row">
          {signals.map((name) => (
            <button
              key={name}
              type="button"
              className="btn btn-small"
              onClick={() => act((s) => s.signal(name))}
            >
              Fire {name}
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
            Signal name
            <input value={signal} onChange={(e) => setSignal(e.target.value)} size={14} />
          </label>
          <button type="submit" className="btn btn-small">
            Fire signal
          </button>
        </form>
      </section>

      <section aria-labelledby="sim-slas">
        <h3 id="sim-slas">SLA clocks</h3>
        {view.slas.length === 0 && <p className="muted">None running.</p>}
        <ul className="plain">
          {view.slas.map((s) => (
            <li key={s.slaId}>
              <Badge value={s.status} /> {s.slaId} <small className="muted">{s.target}</small>{' '}
              {(s.status === 'running' || s.status === 'warning') && <small>{countdown(s.dueAt, now)}</small>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sim-trace">
        <h3 id="sim-trace">Trace</h3>
        <ol className="trace">
          {[...session.trace].reverse().map((step) => (
            <li key={step.seq} className={step.error ? 'trace-error' : ''}>
              <strong>{step.label}</strong>{' '}
              <small className="muted">+{formatSpan(step.at - session.started)}</small>
              {step.error && <div className="field-error">{step.error}</div>}
              <ul>
                {step.effects
                  .filter((e) => e.type !== 'variables.set')
                  .map((e, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: effects of one step never reorder
                    <li key={`${e.type}-${j}`} className={`fx fx-${e.type.replace('.', '-')}`}>
                      {describeEffect(e)}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

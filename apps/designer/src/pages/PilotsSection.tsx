import type { Pilot, PilotReport } from '@caseflow/schema';
import { type FormEvent, useEffect, useState } from 'react';
import { runningCasesOn } from '../admin/running-cases';
import type { FlowSummary } from '../api/api';
import { api } from '../auth/session';
import { ErrorBanner, StatusLine } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { PilotReportView } from './PilotReportView';

interface Pending {
  action: 'promote' | 'stop';
  flow: FlowSummary;
  pilot: Pilot;
}

/** Admin: active versions and pilots per flow; start, promote or stop a pilot and read its report. */
export function PilotsSection() {
  const t = useT();
  const flows = useResource(() => api.listFlows(), []);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [report, setReport] = useState<PilotReport | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  async function act(fn: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await fn();
      setStatus(done);
      flows.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="pilots-h">
      <h2 id="pilots-h">{t('pilots.title')}</h2>
      <ErrorBanner message={error ?? flows.error} />
      <StatusLine message={status} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('pilots.col.flow')}</th>
            <th scope="col">{t('pilots.col.active')}</th>
            <th scope="col">{t('pilots.col.pilots')}</th>
            <th scope="col">{t('pilots.col.start')}</th>
          </tr>
        </thead>
        <tbody>
          {(flows.data?.items ?? []).map((f) => (
            <tr key={f.key}>
              <td>{f.name}</td>
              <td>{f.activeVersion ? `v${f.activeVersion}` : '—'}</td>
              <td>
                {f.pilots.length === 0 && <span className="muted">{t('pilots.none')}</span>}
                {f.pilots.map((p) => (
                  <div key={p.id} className="btn-row">
                    <span>
                      {t('pilots.summary', {
                        version: p.version,
                        percentage: p.percentage,
                        customers: p.customerIds.length,
                      })}
                    </span>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('pilots.reportOf', { version: p.version })}
                      onClick={() => act(async () => setReport(await api.pilotReport(p.id)), '')}
                    >
                      {t('pilots.report')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('pilots.promoteOf', { version: p.version })}
                      onClick={() => setPending({ action: 'promote', flow: f, pilot: p })}
                    >
                      {t('pilots.promote')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      aria-label={t('pilots.stopOf', { version: p.version })}
                      onClick={() => setPending({ action: 'stop', flow: f, pilot: p })}
                    >
                      {t('pilots.stop')}
                    </button>
                  </div>
                ))}
              </td>
              <td>
                <StartPilot
                  flow={f}
                  onStart={(body) =>
                    act(() => api.startPilot(f.key, body), t('pilots.started', { flow: f.key }))
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending && (
        <ConfirmPilot
          pending={pending}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const { action, pilot } = pending;
            setPending(null);
            void act(
              () => api.pilotAction(pilot.id, action),
              t(action === 'promote' ? 'pilots.promoted' : 'pilots.stopped', { version: pilot.version }),
            );
          }}
        />
      )}
      {report && <PilotReportView report={report} />}
    </section>
  );
}

/**
 * The confirmation before promoting or stopping a pilot. Running cases never move: it names
 * how many stay on the version they run on (the pilot's when stopping, the baseline's when
 * promoting) and which, by number.
 */
function ConfirmPilot({
  pending,
  onCancel,
  onConfirm,
}: {
  pending: Pending;
  onCancel(): void;
  onConfirm(): void;
}) {
  const t = useT();
  const { action, flow, pilot } = pending;
  const baseline = pilot.baselineVersion ?? flow.activeVersion ?? null;
  // Promoting leaves the baseline's running cases on it; stopping leaves the pilot's on v{pilot}.
  const stays = action === 'promote' ? baseline : pilot.version;
  const [running, setRunning] = useState<{ count: number; numbers: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (stays === null) return setRunning({ count: 0, numbers: [] });
    runningCasesOn(flow.key, stays).then(setRunning, (e) => setError(errorMessage(e)));
  }, [flow.key, stays]);
  const shown = running?.numbers.slice(0, 12) ?? [];
  return (
    <dialog open className="card confirm-dialog" aria-labelledby="pilot-confirm-h">
      <h3 id="pilot-confirm-h">
        {t(action === 'promote' ? 'pilots.confirm.promoteTitle' : 'pilots.confirm.stopTitle', {
          version: pilot.version,
          flow: flow.name,
        })}
      </h3>
      <p>
        {action === 'promote'
          ? t('pilots.confirm.promoteBody', { version: pilot.version, flow: flow.name })
          : t('pilots.confirm.stopBody', {
              version: pilot.version,
              baseline: baseline ?? '—',
              flow: flow.name,
            })}
      </p>
      <ErrorBanner message={error} />
      {!running && !error && <p className="muted">{t('pilots.confirm.counting')}</p>}
      {running && (
        <p data-testid="pilot-running">
          {t('pilots.confirm.stay', { count: running.count, version: stays ?? '—' })} {shown.join(', ')}
          {running.count > shown.length &&
            ` ${t('pilots.confirm.andMore', { count: running.count - shown.length })}`}
        </p>
      )}
      <div className="btn-row">
        <button
          type="button"
          className={action === 'promote' ? 'btn btn-primary' : 'btn btn-danger'}
          disabled={!running}
          onClick={onConfirm}
        >
          {t(action === 'promote' ? 'pilots.confirm.promote' : 'pilots.confirm.stop')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}

function StartPilot({
  flow,
  onStart,
}: {
  flow: FlowSummary;
  onStart(body: { version: number; percentage: number; note: string }): void;
}) {
  const t = useT();
  const versions = flow.versions;
  const [version, setVersion] = useState<number | ''>('');
  const [percentage, setPercentage] = useState(10);
  const [note, setNote] = useState('');
  if (versions.length === 0) return <span className="muted">{t('pilots.publishFirst')}</span>;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (version === '') return;
    onStart({ version, percentage, note });
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('pilots.startOf', { flow: flow.key })}>
      <label>
        {t('pilots.version')}
        <select
          value={version}
          onChange={(e) => setVersion(e.target.value === '' ? '' : Number(e.target.value))}
          required
        >
          <option value="">…</option>
          {versions.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('pilots.percent')}
        <input
          type="number"
          min={1}
          max={100}
          value={percentage}
          onChange={(e) => setPercentage(Number(e.target.value))}
          size={4}
        />
      </label>
      <label>
        {t('pilots.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} size={12} />
      </label>
      <button type="submit" className="btn btn-small">
        {t('pilots.startButton')}
      </button>
    </form>
  );
}

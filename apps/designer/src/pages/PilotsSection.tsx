import type { PilotReport } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import type { FlowSummary } from '../api/api';
import { api } from '../auth/session';
import { ErrorBanner, StatusLine } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { PilotReportView } from './PilotReportView';

/** Admin: active versions and pilots per flow; start, promote or stop a pilot and read its report. */
export function PilotsSection() {
  const flows = useResource(() => api.listFlows(), []);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [report, setReport] = useState<PilotReport | null>(null);

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
      <h2 id="pilots-h">Flow versions and pilots</h2>
      <ErrorBanner message={error ?? flows.error} />
      <StatusLine message={status} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Flow</th>
            <th scope="col">Active</th>
            <th scope="col">Pilots</th>
            <th scope="col">Start a pilot</th>
          </tr>
        </thead>
        <tbody>
          {(flows.data?.items ?? []).map((f) => (
            <tr key={f.key}>
              <td>{f.name}</td>
              <td>{f.activeVersion ? `v${f.activeVersion}` : '—'}</td>
              <td>
                {f.pilots.length === 0 && <span className="muted">none</span>}
                {f.pilots.map((p) => (
                  <div key={p.id} className="btn-row">
                    <span>
                      v{p.version} · {p.percentage}%
                      {p.customerIds.length ? ` + ${p.customerIds.length} customers` : ''}
                    </span>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() =>
                        act(async () => setReport(await api.pilotReport(p.id)), 'Report loaded.')
                      }
                    >
                      Report <span className="sr-only">of pilot {p.id}</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => act(() => api.pilotAction(p.id, 'promote'), `Promoted v${p.version}.`)}
                    >
                      Promote <span className="sr-only">pilot {p.id}</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      onClick={() => act(() => api.pilotAction(p.id, 'stop'), 'Pilot stopped.')}
                    >
                      Stop <span className="sr-only">pilot {p.id}</span>
                    </button>
                  </div>
                ))}
              </td>
              <td>
                <StartPilot
                  flow={f}
                  onStart={(body) => act(() => api.startPilot(f.key, body), `Pilot of ${f.key} started.`)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report && <PilotReportView report={report} />}
    </section>
  );
}

function StartPilot({
  flow,
  onStart,
}: {
  flow: FlowSummary;
  onStart(body: { version: number; percentage: number; note: string }): void;
}) {
  const versions = flow.versions;
  const [version, setVersion] = useState<number | ''>('');
  const [percentage, setPercentage] = useState(10);
  const [note, setNote] = useState('');
  if (versions.length === 0) return <span className="muted">publish a version first</span>;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (version === '') return;
    onStart({ version, percentage, note });
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Start a pilot of ${flow.key}`}>
      <label>
        Version
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
        Percent
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
        Note
        <input value={note} onChange={(e) => setNote(e.target.value)} size={12} />
      </label>
      <button type="submit" className="btn btn-small">
        Start pilot
      </button>
    </form>
  );
}

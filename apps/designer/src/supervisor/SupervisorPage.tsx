import { isSupervisor } from '@caseflow/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { serverNow, useServerNow } from '../api/server-clock';
import { api, useSession } from '../auth/session';
import { ErrorBanner, Loading, StatusLine } from '../components/Status';
import { useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { useLiveEvents } from '../live/useLiveEvents';
import { AgentTable } from './AgentTable';
import { GroupTable } from './GroupTable';
import { BreachTable, QueueTable, RiskTable } from './SupervisorTables';
import { localMidnight } from './supervisor-view';
import './supervisor.css';

/**
 * The supervisor's day on one screen (GET /supervisor/overview): tiles, queues per group and
 * tier, agents with presence (changeable), load and work, each group's assignment (pausable),
 * tasks at risk and breached (reassignable), and the SLA breach notifications. Follows
 * /supervisor/events: any change of work, clocks, presence (by the agent, a supervisor, idleness
 * or sign-out) or routing settings, in any runtime process, reloads the overview.
 */
export function SupervisorPage() {
  const t = useT();
  const f = useFormat();
  const user = useSession((s) => s.user);
  const allowed = user !== null && isSupervisor(user);
  const now = useServerNow(15_000);
  // "Today" from the runtime's time as known at each load (a manual clock may be far from ours;
  // on a fresh page the first answer is the first to tell it: then the day is asked again).
  const asked = useRef<string | null>(null);
  const overview = useResource(() => {
    if (!allowed) return Promise.resolve(undefined);
    asked.current = localMidnight(serverNow());
    return api.supervisorOverview(asked.current);
  }, [allowed]);
  const reload = overview.reload;
  useEffect(() => {
    if (overview.data && asked.current !== localMidnight(Date.parse(overview.data.at))) reload();
  }, [overview.data, reload]);
  useLiveEvents(
    allowed ? '/api/supervisor/events' : null,
    useCallback(() => reload(), [reload]),
  );
  const [note, setNote] = useState<{ message: string; failed: boolean } | null>(null);
  const onActed = useCallback(
    (message: string, failed: boolean) => {
      setNote({ message, failed });
      if (!failed) reload();
    },
    [reload],
  );

  if (!allowed) {
    return (
      <section className="page">
        <h1>{t('guard.title')}</h1>
        <p className="muted">{t('supervisor.forbidden')}</p>
      </section>
    );
  }
  const o = overview.data;
  // The overview's own instant when it is newer than the last tick (a timer fired meanwhile).
  const at = o ? Math.max(now, Date.parse(o.at)) : now;
  const tiles = o
    ? [
        { id: 'waiting', label: t('supervisor.tile.waiting'), value: o.totals.open },
        { id: 'claimed', label: t('supervisor.tile.claimed'), value: o.totals.claimed },
        { id: 'at-risk', label: t('supervisor.tile.atRisk'), value: o.totals.atRisk },
        { id: 'breached', label: t('supervisor.tile.breached'), value: o.totals.breached },
        { id: 'opened', label: t('supervisor.tile.opened'), value: o.throughput.casesOpened },
        { id: 'closed', label: t('supervisor.tile.closed'), value: o.throughput.casesClosed },
        { id: 'completed', label: t('supervisor.tile.completed'), value: o.throughput.tasksCompleted },
      ]
    : [];
  return (
    <section className="page supervisor">
      <header className="page-header">
        <h1>{t('supervisor.title')}</h1>
        <p className="muted">
          {o ? t('supervisor.asOf', { time: f.dateTime(o.at) }) : ''} · {t('supervisor.live')}
        </p>
      </header>
      <ErrorBanner message={overview.error ?? (note?.failed ? note.message : null)} />
      <StatusLine message={note && !note.failed ? note.message : null} />
      {!o && overview.loading && <Loading />}
      {o && (
        <>
          <ul className="kpis" aria-label={t('supervisor.tiles')} data-testid="supervisor-tiles">
            {tiles.map((tile) => (
              <li key={tile.id} className="card kpi" data-tile={tile.id}>
                <span className="kpi-label">{tile.label}</span>
                <strong className="kpi-value" data-tone={tile.value > 0 ? tile.id : undefined}>
                  {f.number(tile.value)}
                </strong>
              </li>
            ))}
          </ul>
          <div className="supervisor-grid">
            <section className="card" aria-labelledby="sup-queues">
              <h2 id="sup-queues">{t('supervisor.queues')}</h2>
              <QueueTable overview={o} now={at} />
            </section>
            <section className="card" aria-labelledby="sup-agents">
              <h2 id="sup-agents">{t('supervisor.agents')}</h2>
              <AgentTable overview={o} onDone={onActed} />
            </section>
          </div>
          <section className="card" aria-labelledby="sup-groups">
            <h2 id="sup-groups">{t('supervisor.groups')}</h2>
            <GroupTable overview={o} onDone={onActed} />
          </section>
          <section className="card" aria-labelledby="sup-risks">
            <h2 id="sup-risks">{t('supervisor.risks')}</h2>
            <RiskTable overview={o} now={at} onReassigned={onActed} />
          </section>
          <section className="card" aria-labelledby="sup-breaches">
            <h2 id="sup-breaches">{t('supervisor.breaches')}</h2>
            <BreachTable overview={o} />
          </section>
        </>
      )}
    </section>
  );
}

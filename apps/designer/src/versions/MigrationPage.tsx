import { planMigration } from '@caseflow/engine';
import {
  FlowDefinition,
  type FlowDefinitionInput,
  type Migration,
  type MigrationRefusal,
} from '@caseflow/schema';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../auth/session';
import { ErrorBanner, Loading } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { type MessageValues, useT } from '../i18n/use-t';
import { targetsFor } from './migration-targets';

/**
 * Moving running cases to another version (DESIGN §13), for admins: the plan built from the
 * two versions (each step a case can wait at, and where it goes, picked by title), a dry run
 * listing the cases that cannot move and why, then the migration with its progress.
 */
export default function MigrationPage() {
  const { key = '' } = useParams();
  const t = useT();
  const versions = useResource(() => api.listVersions(key), [key]);
  const items = useMemo(
    () => [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version),
    [versions.data],
  );
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [which, setWhich] = useState<'all' | 'some'>('all');
  const [caseIds, setCaseIds] = useState('');
  const [dry, setDry] = useState<Migration | null>(null);
  const [run, setRun] = useState<Migration | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (items.length >= 2 && from === null && to === null) {
      setTo(items[0]!.version);
      setFrom(items[1]!.version);
    }
  }, [items, from, to]);

  const pair = useResource(
    async () =>
      from !== null && to !== null && from !== to
        ? Promise.all([api.getVersion(key, from), api.getVersion(key, to)])
        : null,
    [key, from, to],
  );
  const defs = useMemo(() => {
    const [a, b] = pair.data ?? [];
    const pa = FlowDefinition.safeParse(a?.definition);
    const pb = FlowDefinition.safeParse(b?.definition);
    return pa.success && pb.success ? { a: pa.data, b: pb.data } : null;
  }, [pair.data]);
  const plan = useMemo(() => (defs ? planMigration(defs.a, defs.b, mapping) : null), [defs, mapping]);

  // A new choice of versions, steps or cases makes the last dry run stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these are the inputs of a dry run
  useEffect(() => setDry(null), [from, to, mapping, which, caseIds]);

  // Follow a running migration until it is done.
  useEffect(() => {
    if (run?.status !== 'running') return;
    const timer = setTimeout(() => {
      api.getMigration(key, run.id).then(setRun, (e) => setError(errorMessage(e)));
    }, 500);
    return () => clearTimeout(timer);
  }, [key, run]);

  /** Another pair of versions: the steps differ, so do the choices. */
  function pick(nextFrom: number | null, nextTo: number | null) {
    setFrom(nextFrom);
    setTo(nextTo);
    setMapping({});
  }

  const request = (dryRun: boolean) => ({
    from: from!,
    to: to!,
    mapping,
    dryRun,
    cases:
      which === 'all'
        ? ('all' as const)
        : caseIds
            .split(/\s+/)
            .map((s) => s.trim())
            .filter(Boolean),
  });

  async function submit(dryRun: boolean) {
    if (!dryRun && !window.confirm(t('migration.confirm', { count: dry?.planned ?? 0, from, to }))) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.startMigration(key, request(dryRun));
      if (dryRun) setDry(answer);
      else setRun(answer);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const unmapped = plan?.nodes.filter((n) => n.target === null).length ?? 0;
  const same = from !== null && from === to;
  const shown = run ?? dry;
  const byId = new Map((defs?.a.nodes ?? []).map((n) => [n.id, n as FlowDefinitionInput['nodes'][number]]));

  return (
    <section className="page wide">
      <header className="page-header">
        <div>
          <p>
            <Link to={`/flows/${key}/versions`}>{t('migration.back')}</Link>
          </p>
          <h1>{t('migration.title', { flow: defs?.b.name ?? defs?.a.name ?? key })}</h1>
          <p className="muted">{t('migration.intro')}</p>
        </div>
      </header>
      <ErrorBanner message={error ?? versions.error ?? pair.error} />
      {versions.loading && !versions.data && <Loading />}
      <div className="inline-form">
        <VersionSelect label={t('migration.from')} items={items} value={from} onChange={(v) => pick(v, to)} />
        <VersionSelect label={t('migration.to')} items={items} value={to} onChange={(v) => pick(from, v)} />
      </div>
      {same && <p className="muted">{t('migration.sameVersion')}</p>}

      {plan && defs && (
        <section aria-labelledby="plan-h" className="card">
          <h2 id="plan-h">{t('migration.plan')}</h2>
          {plan.nodes.length === 0 ? (
            <p className="muted">{t('migration.noSteps')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('migration.col.step', { version: from })}</th>
                  <th scope="col">{t('migration.col.change', { version: to })}</th>
                  <th scope="col">{t('migration.col.target')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.nodes.map((n) => (
                  <tr key={n.nodeId}>
                    <td>{n.label}</td>
                    <td>{t(`migration.change.${n.change}`)}</td>
                    <td>
                      <select
                        aria-label={t('migration.targetFor', { step: n.label })}
                        value={mapping[n.nodeId] ?? n.target ?? ''}
                        onChange={(e) => setMapping((m) => ({ ...m, [n.nodeId]: e.target.value }))}
                      >
                        {n.target === null && <option value="">{t('migration.noTarget')}</option>}
                        {targetsFor(byId.get(n.nodeId), defs.b).map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {unmapped > 0 && <p className="muted">{t('migration.needsChoice', { count: unmapped })}</p>}
        </section>
      )}

      {plan && (
        <fieldset className="card">
          <legend>{t('migration.cases')}</legend>
          <label className="check">
            <input type="radio" name="which" checked={which === 'all'} onChange={() => setWhich('all')} />
            {t('migration.allCases', { version: from })}
          </label>
          <label className="check">
            <input type="radio" name="which" checked={which === 'some'} onChange={() => setWhich('some')} />
            {t('migration.someCases')}
          </label>
          {which === 'some' && (
            <label>
              {t('migration.caseIds')}
              <textarea rows={4} value={caseIds} onChange={(e) => setCaseIds(e.target.value)} />
            </label>
          )}
          <p>
            <button
              type="button"
              className="btn"
              disabled={busy || same || run !== null}
              onClick={() => submit(true)}
            >
              {t('migration.dryRun')}
            </button>{' '}
            {dry && dry.planned > 0 && !run && (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => submit(false)}>
                {t('migration.start', { count: dry.planned })}
              </button>
            )}
          </p>
        </fieldset>
      )}

      {shown && <Outcome migration={shown} />}
    </section>
  );
}

function VersionSelect({
  label,
  items,
  value,
  onChange,
}: {
  label: string;
  items: Array<{ version: number; active?: boolean }>;
  value: number | null;
  onChange: (v: number) => void;
}) {
  const t = useT();
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {items.map((v) => (
          <option key={v.version} value={v.version}>
            {t(v.active ? 'migration.versionActive' : 'migration.version', { version: v.version })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The dry run's verdict, or the migration's progress, with every refused case and why. */
function Outcome({ migration: m }: { migration: Migration }) {
  const t = useT();
  return (
    <section aria-labelledby="outcome-h" className="card">
      <h2 id="outcome-h">{m.dryRun ? t('migration.dryRun') : t('migration.progress')}</h2>
      <p role="status">{t('migration.dryResult', { planned: m.planned, refused: m.refused.length })}</p>
      {!m.dryRun && (
        <>
          <progress
            aria-label={t('migration.progressLabel')}
            value={m.migrated}
            max={Math.max(1, m.planned)}
          />{' '}
          <span>{t('migration.moved', { migrated: m.migrated, planned: m.planned })}</span>
          <p role="status">
            {m.status === 'done'
              ? t('migration.status.done', { migrated: m.migrated, to: m.to })
              : t('migration.status.running')}
          </p>
        </>
      )}
      {m.refused.length > 0 && (
        <>
          <h3>{t('migration.refused')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('migration.col.case')}</th>
                <th scope="col">{t('migration.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {m.refused.map((r) => (
                <tr key={r.caseId}>
                  <td>
                    <Link to={`/cases/${r.caseId}`}>{r.caseId}</Link>
                  </td>
                  <td>
                    {r.refusals?.length ? r.refusals.map((x) => refusalSaid(x, t)).join(' ') : r.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** A refusal in the admin's language, with the values (node titles, counts) the runtime recorded. */
function refusalSaid(r: MigrationRefusal, t: (id: string, values?: MessageValues) => string): string {
  const values: MessageValues = { fork: 'none', ...r.values };
  return t(`refusal.${r.code}`, values);
}

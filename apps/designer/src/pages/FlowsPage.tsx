import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PendingActivations } from '../admin/PendingActivations';
import { api, hasRole, useSession } from '../auth/session';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { useLoadedFlowChoices } from '../editor/pickers/FlowChoicesContext';
import { useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { staffText } from '../versions/staff-name';

const KEY = /^[a-z][a-z0-9-]*$/;

/** Flow list for owners: key, name, draft state, versions, active version, running pilots; create a new flow by key. */
export function FlowsPage() {
  const flows = useResource(() => api.listFlows(), []);
  const user = useSession((s) => s.user);
  const navigate = useNavigate();
  const t = useT();
  const f = useFormat();
  // Who saved each draft, by display name.
  const choices = useLoadedFlowChoices();
  const [key, setKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);

  function create(e: FormEvent) {
    e.preventDefault();
    if (!KEY.test(key)) {
      setKeyError(t('flowList.keyRule'));
      return;
    }
    navigate(`/flows/${key}`, { state: { created: true } });
  }

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('flowList.title')}</h1>
        <form className="inline-form" onSubmit={create} aria-label={t('flowList.newForm')}>
          <label>
            {t('flowList.newKey')}
            <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="password-reset" />
          </label>
          <button className="btn btn-primary" type="submit">
            {t('flowList.create')}
          </button>
        </form>
      </header>
      <ErrorBanner message={keyError ?? flows.error} />
      {hasRole(user, 'admin') && <PendingActivations quiet />}
      {flows.loading && !flows.data ? (
        <Loading />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('flowList.col.flow')}</th>
              <th scope="col">{t('flowList.col.key')}</th>
              <th scope="col">{t('flowList.col.draft')}</th>
              <th scope="col">{t('flowList.col.versions')}</th>
              <th scope="col">{t('flowList.col.active')}</th>
              <th scope="col">{t('flowList.col.pilots')}</th>
              <th scope="col">{t('flowList.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(flows.data?.items ?? []).map((flow) => {
              const pilots = flow.pilots.filter((p) => p.status === 'active');
              const when = f.dateTime(flow.draft.updatedAt);
              return (
                <tr key={flow.key}>
                  <td>
                    <Link to={`/flows/${flow.key}`}>{flow.name}</Link>
                  </td>
                  <td>
                    <code>{flow.key}</code>
                  </td>
                  <td>
                    {flow.draft.valid ? (
                      <Badge value={t('flowList.valid')} tone="ok" />
                    ) : (
                      <Badge value={t('flowList.errors', { count: flow.draft.errors })} tone="error" />
                    )}{' '}
                    {flow.draft.warnings > 0 && (
                      <Badge value={t('flowList.warnings', { count: flow.draft.warnings })} tone="warning" />
                    )}
                    <small className="muted">
                      {' '}
                      {flow.updatedBy
                        ? t('flowList.savedBy', { when, who: staffText(choices?.users, flow.updatedBy, t) })
                        : t('flowList.saved', { when })}
                    </small>
                  </td>
                  <td>{f.number(flow.versions.length)}</td>
                  <td>{flow.activeVersion ? t('flowList.version', { version: flow.activeVersion }) : '—'}</td>
                  <td>
                    {pilots.length === 0 ? (
                      <span className="muted">{t('flowList.noPilots')}</span>
                    ) : (
                      pilots.map((p) => (
                        <Badge
                          key={p.id}
                          value={t('flowList.pilot', { version: p.version, percentage: p.percentage })}
                          tone="info"
                        />
                      ))
                    )}
                  </td>
                  <td className="actions">
                    <Link className="btn btn-small" to={`/flows/${flow.key}`}>
                      {t('flowList.edit')}
                    </Link>
                    <Link className="btn btn-small" to={`/flows/${flow.key}/versions`}>
                      {t('flowList.versions')}
                    </Link>
                  </td>
                </tr>
              );
            })}
            {flows.data?.items.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {t('flowList.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useState } from 'react';
import { Link } from 'react-router-dom';
import { hasRole, useSession } from '../auth/session';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { kbApi } from './kb-api';

/** Agents in this group may write articles (as the runtime's kb-access.ts says). */
export const KB_EDITORS_GROUP = 'kb-editors';

/** Whether the signed-in user may write articles: owners, admins, and agents in kb-editors. */
export function useMayEditArticles(): boolean {
  const user = useSession((s) => s.user);
  return hasRole(user, 'owner') || (hasRole(user, 'agent') && !!user?.groups?.includes(KB_EDITORS_GROUP));
}

/** Staff's list of articles (drafts included for editors), with the outdated flags. */
export function KnowledgeBasePage() {
  const t = useT();
  const mayEdit = useMayEditArticles();
  const [flagged, setFlagged] = useState(false);
  const list = useResource(() => kbApi.list({ flagged }), [flagged]);
  return (
    <section className="page wide">
      <div className="row spread">
        <h1>{t('kb.editor.listTitle')}</h1>
        {mayEdit && (
          <Link className="btn btn-primary" to="/kb/new">
            {t('kb.editor.new')}
          </Link>
        )}
      </div>
      {!mayEdit && <p className="muted">{t('kb.editor.noRights')}</p>}
      <label className="checkbox">
        <input type="checkbox" checked={flagged} onChange={(e) => setFlagged(e.target.checked)} />{' '}
        {t('kb.editor.flaggedOnly')}
      </label>
      <ErrorBanner message={list.error} />
      {list.loading && !list.data && <Loading />}
      <table className="table">
        <thead>
          <tr>
            <th>{t('kb.editor.title')}</th>
            <th>{t('kb.editor.category')}</th>
            <th>{t('kb.editor.locale')}</th>
            <th>{t('kb.editor.audience')}</th>
            <th>{t('kb.editor.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((a) => (
            <tr key={`${a.slug}:${a.locale}`}>
              <td>
                <Link to={`/help/${a.slug}?locale=${a.locale}`}>{a.title}</Link>{' '}
                {a.flagged && <Badge value={t('kb.editor.flagged')} tone="warn" />}
              </td>
              <td>{a.category}</td>
              <td>{a.locale}</td>
              <td>{t(`kb.editor.audience.${a.audience}`)}</td>
              <td>{a.status === 'draft' ? t('kb.editor.draft') : t('kb.editor.published')}</td>
              <td>
                {mayEdit && <Link to={`/kb/${a.slug}/edit?locale=${a.locale}`}>{t('kb.editor.edit')}</Link>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

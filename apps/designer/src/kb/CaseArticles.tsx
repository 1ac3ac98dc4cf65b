import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBanner, StatusLine } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { kbApi } from './kb-api';

function FlagForm({ slug, locale, caseId }: { slug: string; locale: 'en' | 'pt-BR'; caseId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function flag(e: FormEvent) {
    e.preventDefault();
    try {
      await kbApi.flag(slug, { reason: reason.trim(), caseId, locale });
      setStatus(t('kb.agent.flagged'));
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  if (!open) {
    return (
      <>
        <button type="button" className="btn btn-ghost" onClick={() => setOpen(true)}>
          {t('kb.agent.flag')}
        </button>
        <StatusLine message={status} />
      </>
    );
  }
  return (
    <form className="inline-form" onSubmit={flag}>
      <label>
        {t('kb.agent.flagReason')}
        <input value={reason} required maxLength={1000} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="btn">
        {t('kb.agent.flag')}
      </button>
      <ErrorBanner message={error} />
    </form>
  );
}

/**
 * For the agent on a case: the articles the customer read before opening it (what they tried
 * already), each of which can be flagged as outdated from here.
 */
export function CaseArticles({
  kase,
}: {
  kase: { id: string; customerId: string | null; createdAt: string };
}) {
  const t = useT();
  const f = useFormat();
  const customerId = kase.customerId;
  const viewed = useResource(
    () => (customerId ? kbApi.viewedBy(customerId, kase.createdAt) : Promise.resolve({ items: [] })),
    [customerId, kase.createdAt],
  );
  return (
    <section className="card" aria-labelledby="kb-viewed-h">
      <h2 id="kb-viewed-h">{t('kb.agent.viewedTitle')}</h2>
      <ErrorBanner message={viewed.error} />
      {viewed.data?.items.length === 0 && <p className="muted">{t('kb.agent.viewedNone')}</p>}
      <ul>
        {(viewed.data?.items ?? []).map((v) => (
          <li key={`${v.slug}-${v.at}`}>
            <Link to={`/help/${v.slug}?locale=${v.locale}`}>{v.title}</Link>{' '}
            <time className="muted" dateTime={v.at}>
              {f.dateTime(v.at)}
            </time>{' '}
            <FlagForm slug={v.slug} locale={v.locale} caseId={kase.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}

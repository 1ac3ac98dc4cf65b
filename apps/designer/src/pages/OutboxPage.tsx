import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { adminApi, type OutboxMessage, type OutboxStatus } from '../admin/admin-api';
import { Badge, ErrorBanner, Loading, StatusLine } from '../components/Status';
import { recipientWords } from '../editor/recipient-words';
import { errorMessage, useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';

const STATUSES: OutboxStatus[] = ['pending', 'delivered', 'failed', 'dead'];
const TONE: Record<OutboxStatus, string> = {
  pending: 'open',
  delivered: 'met',
  failed: 'warning',
  dead: 'breached',
};

/** The channel and address of a reply, or of a notification's e-mail, when the row has one. */
function via(m: OutboxMessage): { channel: string; to: string } | null {
  const p = m.payload as { channel?: unknown; to?: unknown; mail?: { to?: unknown } };
  if (m.kind === 'message' && typeof p.channel === 'string' && typeof p.to === 'string')
    return { channel: p.channel, to: p.to };
  if (m.kind === 'notify' && typeof p.mail?.to === 'string') return { channel: 'email', to: p.mail.to };
  return null;
}

/**
 * What a message is about, in words: the template or survey and to whom (`recipient` says it),
 * or the method and path of a call.
 */
function subject(m: OutboxMessage, recipient: (to: string) => string): string {
  const p = m.payload as {
    template?: unknown;
    survey?: unknown;
    to?: unknown;
    method?: unknown;
    path?: unknown;
    url?: unknown;
  };
  if (m.kind === 'http') return [p.method, p.path ?? p.url].filter((x) => typeof x === 'string').join(' ');
  if (m.kind === 'message') return '';
  const what = typeof p.template === 'string' ? p.template : typeof p.survey === 'string' ? p.survey : '';
  return typeof p.to === 'string' && p.to ? `${what} → ${recipient(p.to)}` : what;
}

/**
 * Admin: the outbox (GET /api/outbox), filtered by status in the URL (`?status=dead`), with
 * attempts, the last error and when the next attempt comes; a failed or dead message can be
 * tried again at once (POST /api/outbox/:id/retry), and the row shows how that went.
 */
export function OutboxPage() {
  const t = useT();
  // Tiers and people by their ids: the outbox has no flow or directory at hand.
  const recipient = (to: string) => recipientWords(to, t, { tier: (id) => id, user: (name) => name });
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = STATUSES.includes(raw as OutboxStatus) ? (raw as OutboxStatus) : undefined;
  const [extra, setExtra] = useState<{ items: OutboxMessage[]; next: string | null } | null>(null);
  const page = useResource(() => {
    setExtra(null);
    return adminApi.listOutbox({ status, limit: 50 });
  }, [status]);
  const [changed, setChanged] = useState<Record<string, OutboxMessage>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = [...(page.data?.items ?? []), ...(extra?.items ?? [])].map((m) => changed[m.id] ?? m);
  const next = extra ? extra.next : (page.data?.next ?? null);

  async function retry(id: string) {
    setError(null);
    setDone(null);
    try {
      const after = await adminApi.retryOutbox(id);
      setChanged((c) => ({ ...c, [id]: after }));
      setDone(
        after.status === 'delivered'
          ? t('outbox.retried.delivered')
          : t('outbox.retried.failed', { error: after.lastError ?? after.status }),
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function more() {
    if (!next) return;
    try {
      const p = await adminApi.listOutbox({ status, limit: 50, cursor: next });
      setExtra({ items: [...(extra?.items ?? []), ...p.items], next: p.next });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="page wide">
      <header className="page-header">
        <div>
          <h1>{t('outbox.title')}</h1>
          <p className="muted">{t('outbox.intro')}</p>
        </div>
        <label>
          {t('outbox.filter')}
          <select
            value={status ?? ''}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
          >
            <option value="">{t('outbox.status.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <ErrorBanner message={error ?? page.error} />
      <StatusLine message={done} />
      {page.loading && !page.data && <Loading />}
      {page.data && items.length === 0 && <p className="muted">{t('outbox.empty')}</p>}
      {items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('outbox.col.message')}</th>
              <th scope="col">{t('outbox.col.case')}</th>
              <th scope="col">{t('outbox.col.status')}</th>
              <th scope="col">{t('outbox.col.attempts')}</th>
              <th scope="col">{t('outbox.col.lastError')}</th>
              <th scope="col">{t('outbox.col.when')}</th>
              <th scope="col">{t('outbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id} data-outbox={m.id}>
                <td>
                  <strong>{t(`outbox.kind.${m.kind}`)}</strong>
                  {subject(m, recipient) && <div className="muted">{subject(m, recipient)}</div>}
                  {via(m) && <div className="muted">{t('outbox.via', via(m)!)}</div>}
                </td>
                <td>{m.caseId ? <Link to={`/cases/${m.caseId}`}>{m.caseId}</Link> : t('outbox.noCase')}</td>
                <td>
                  <Badge value={t(`outbox.status.${m.status}`)} tone={TONE[m.status]} />
                  {(m.status === 'failed' || m.status === 'pending') && (
                    <div className="muted">
                      {t('outbox.nextAttempt', { when: f.relative(m.nextAttemptAt) })}
                    </div>
                  )}
                </td>
                <td>{f.number(m.attempts)}</td>
                <td className="wrap">{m.lastError ?? '—'}</td>
                <td>{f.dateTime(m.createdAt)}</td>
                <td>
                  {(m.status === 'dead' || m.status === 'failed') && (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('outbox.retryLabel', { id: m.id })}
                      onClick={() => void retry(m.id)}
                    >
                      {t('outbox.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" className="btn" onClick={() => void more()}>
          {t('outbox.more')}
        </button>
      )}
    </section>
  );
}

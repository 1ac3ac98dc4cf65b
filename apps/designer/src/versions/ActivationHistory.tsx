import type { ActivationRequest } from '@caseflow/schema';
import { Badge } from '../components/Status';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { StaffPerson } from './StaffPerson';

const TONE = { pending: 'info', activated: 'ok', rejected: 'warning' } as const;

/** Who asked for which version to go live, who decided, when, and with which notes. */
export function ActivationHistory({ items }: { items: readonly ActivationRequest[] }) {
  const t = useT();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="activation-history-h">
      <h2 id="activation-history-h">{t('activation.history.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('activation.history.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('activation.history.col.version')}</th>
              <th scope="col">{t('activation.history.col.status')}</th>
              <th scope="col">{t('activation.history.col.requested')}</th>
              <th scope="col">{t('activation.history.col.decided')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>{t('migration.version', { version: r.version })}</td>
                <td>
                  <Badge value={t(`activation.status.${r.status}`)} tone={TONE[r.status]} />
                </td>
                <td>
                  <StaffPerson username={r.requestedBy} />
                  <div>
                    <time dateTime={r.requestedAt}>{f.dateTime(r.requestedAt)}</time>
                  </div>
                  {r.note && <div className="muted">{r.note}</div>}
                </td>
                <td>
                  {r.decidedBy && r.decidedAt ? (
                    <>
                      <StaffPerson username={r.decidedBy} />
                      <div>
                        <time dateTime={r.decidedAt}>{f.dateTime(r.decidedAt)}</time>
                      </div>
                    </>
                  ) : (
                    '—'
                  )}
                  {r.decisionNote && <div className="muted">{r.decisionNote}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import type { ActivationRequest } from '@caseflow/schema';
import { Link } from 'react-router-dom';
import { api } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { FlowChoicesProvider, useLoadedFlowChoices } from '../editor/pickers/FlowChoicesContext';
import { useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { useStaffText } from '../versions/StaffPerson';

/**
 * Admins' work: versions owners asked to make live, oldest first, each a link to its review.
 * `quiet` draws nothing while none waits (the flow list, where it is a notice, not a screen).
 */
export function PendingActivations({ quiet = false }: { quiet?: boolean }) {
  const t = useT();
  const pending = useResource(() => api.pendingActivations(), []);
  const items = pending.data?.items ?? [];
  if (quiet && items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="pending-activations-h">
      <h2 id="pending-activations-h">{t('activation.pending.title')}</h2>
      <ErrorBanner message={pending.error} />
      {pending.data && items.length === 0 && <p className="muted">{t('activation.pending.empty')}</p>}
      {items.length > 0 && <PendingList items={items} />}
    </section>
  );
}

/** The waiting requests, each flow by its name and each person by their display name. */
function PendingList({ items }: { items: readonly ActivationRequest[] }) {
  const choices = useLoadedFlowChoices();
  const flowName = (key: string) => choices?.flows.find((x) => x.key === key)?.name ?? key;
  return (
    <FlowChoicesProvider choices={choices}>
      <PendingItems items={items} flowName={flowName} />
    </FlowChoicesProvider>
  );
}

function PendingItems({
  items,
  flowName,
}: {
  items: readonly ActivationRequest[];
  flowName(key: string): string;
}) {
  const t = useT();
  const f = useFormat();
  const person = useStaffText();
  return (
    <ul className="plain">
      {items.map((r) => (
        <li key={r.id}>
          <strong>{t('activation.pending.flow', { flow: flowName(r.flow), version: r.version })}</strong>{' '}
          <span className="muted">
            {t('activation.requestedHint', {
              who: person(r.requestedBy),
              when: f.dateTime(r.requestedAt),
              note: r.note,
            })}
          </span>{' '}
          <Link
            className="btn btn-small"
            to={`/flows/${encodeURIComponent(r.flow)}/versions`}
            aria-label={t('activation.pending.openLabel', { flow: flowName(r.flow), version: r.version })}
          >
            {t('activation.pending.open')}
          </Link>
        </li>
      ))}
    </ul>
  );
}

import type { ActivationRequest } from '@caseflow/schema';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, hasRole, useSession } from '../auth/session';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { useStaffText } from '../versions/StaffPerson';

/** Which version of a flow is live, which was published last, and whether going live was asked. */
export interface Versions {
  active: number | null;
  latest: number | null;
  /** The pending request for `latest` to go live, if an owner made one. */
  pending: ActivationRequest | null;
}

const NONE: Versions = { active: null, latest: null, pending: null };

/**
 * Loads the flow's live and latest versions and the pending activation request; reloads when `reload` changes (after a publish).
 * A flow not saved yet has none, and asking would only answer 404.
 */
export function useVersionState(flowKey: string, reload: number, isNew: boolean) {
  const [data, setData] = useState<Versions | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for a fresh read
  useEffect(() => {
    let live = true;
    if (isNew && reload === 0) {
      setData(NONE);
      return;
    }
    Promise.all([api.listVersions(flowKey), api.activationRequests(flowKey)]).then(
      ([page, requests]) => {
        if (!live) return;
        const numbers = page.items.map((v) => v.version);
        const latest = numbers.length ? Math.max(...numbers) : null;
        setData({
          active: page.items.find((v) => v.active)?.version ?? null,
          latest,
          pending: requests.items.find((r) => r.status === 'pending' && r.version === latest) ?? null,
        });
      },
      () => {
        if (live) setData(NONE);
      },
    );
    return () => {
      live = false;
    };
  }, [flowKey, reload, isNew]);
  return { data };
}

/**
 * Says in the toolbar what the owner edits and what runs: "Draft" (what the canvas shows),
 * "Live: v3" (what new cases start on), and a published version that is not live yet, with the
 * next step towards making it live: an owner requests activation, an admin reviews it.
 */
export function VersionState({
  state,
  dirty,
  flowKey,
  onRequest,
}: {
  state: ReturnType<typeof useVersionState>;
  dirty: boolean;
  flowKey: string;
  /** Opens the owner's request form for the waiting version. */
  onRequest(version: number): void;
}) {
  const t = useT();
  const f = useFormat();
  const user = useSession((s) => s.user);
  const person = useStaffText();
  const v = state.data;
  if (!v) return null;
  const waiting = v.latest !== null && v.latest !== v.active ? v.latest : null;
  const isAdmin = hasRole(user, 'admin');
  return (
    <span className="version-state" role="status" aria-label={t('editor.version.state')}>
      <span
        className="badge"
        title={t(dirty ? 'editor.version.draftUnsavedHint' : 'editor.version.draftHint')}
      >
        {t('editor.version.draft')}
      </span>
      {v.active !== null ? (
        <span className="badge badge-ok" title={t('editor.version.liveHint')}>
          {t('editor.version.live', { version: v.active })}
        </span>
      ) : (
        <span className="badge badge-warning">{t('editor.version.noneLive')}</span>
      )}
      {waiting !== null && !v.pending && (
        <span className="badge badge-info" title={t('editor.version.waitingHint')}>
          {t('editor.version.waiting', { version: waiting })}
        </span>
      )}
      {waiting !== null && v.pending && (
        <span
          className="badge badge-info"
          title={t('activation.requestedHint', {
            who: person(v.pending.requestedBy),
            when: f.dateTime(v.pending.requestedAt),
            note: v.pending.note,
          })}
        >
          {t('activation.requested', { version: waiting })}
        </span>
      )}
      {waiting !== null && isAdmin && (
        <Link
          className="btn btn-small"
          to={`/flows/${encodeURIComponent(flowKey)}/versions`}
          title={v.pending ? t('activation.reviewHint', { version: waiting }) : undefined}
        >
          {t('activation.review', { version: waiting })}
        </Link>
      )}
      {waiting !== null && !isAdmin && !v.pending && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={t('activation.requestLabel', { version: waiting })}
          onClick={() => onRequest(waiting)}
        >
          {t('activation.request')}
        </button>
      )}
    </span>
  );
}

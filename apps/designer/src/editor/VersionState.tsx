import { useEffect, useState } from 'react';
import { api } from '../auth/session';
import { useT } from '../i18n/use-t';

/** Which version of a flow is live and which was published last. */
export interface Versions {
  active: number | null;
  latest: number | null;
}

/**
 * Loads the flow's live and latest versions; reloads when `reload` changes (after a publish).
 * A flow not saved yet has none, and asking would only answer 404.
 */
export function useVersionState(flowKey: string, reload: number, isNew: boolean) {
  const [data, setData] = useState<Versions | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for a fresh read
  useEffect(() => {
    let live = true;
    if (isNew && reload === 0) {
      setData({ active: null, latest: null });
      return;
    }
    api.listVersions(flowKey).then(
      (page) => {
        if (!live) return;
        const numbers = page.items.map((v) => v.version);
        setData({
          active: page.items.find((v) => v.active)?.version ?? null,
          latest: numbers.length ? Math.max(...numbers) : null,
        });
      },
      () => {
        if (live) setData({ active: null, latest: null });
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
 * "Live: v3" (what new cases start on), and a published version that is not live yet.
 */
export function VersionState({
  state,
  dirty,
}: {
  state: ReturnType<typeof useVersionState>;
  dirty: boolean;
  flowKey: string;
}) {
  const t = useT();
  const v = state.data;
  if (!v) return null;
  const waiting = v.latest !== null && v.latest !== v.active ? v.latest : null;
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
      {waiting !== null && (
        <span className="badge badge-info" title={t('editor.version.waitingHint')}>
          {t('editor.version.waiting', { version: waiting })}
        </span>
      )}
    </span>
  );
}

import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import type { DraftConflict } from './useEditorOps';

/**
 * Shown when a save was refused because someone else saved the draft since this copy was
 * opened: says who and when, and lets the owner choose whose draft stays. Nothing is lost
 * until they choose.
 */
export function ConflictBanner({
  conflict,
  busy,
  onResolve,
}: {
  conflict: DraftConflict;
  busy: boolean;
  onResolve: (keep: 'mine' | 'theirs') => void;
}) {
  const t = useT();
  const f = useFormat();
  const who = conflict.updatedByName ?? conflict.updatedBy ?? t('editor.conflict.someone');
  const when = conflict.updatedAt ? f.dateTime(conflict.updatedAt) : '';
  return (
    <div className="banner banner-error conflict-banner" role="alert">
      <p>{t('editor.conflict.message', { who, when })}</p>
      <div className="conflict-actions">
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => onResolve('theirs')}>
          {t('editor.conflict.theirs', { who })}
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={busy}
          onClick={() => onResolve('mine')}
        >
          {t('editor.conflict.mine')}
        </button>
      </div>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import { type Action, type ActionGroup, shortcutText } from './actions/action-registry';

const GROUPS: readonly ActionGroup[] = ['history', 'edit', 'view', 'file', 'publish'];

/** The `?` sheet: every action that has a shortcut, by group, drawn from the same declarations. */
export function ShortcutSheet<C>({ actions, onClose }: { actions: readonly Action<C>[]; onClose(): void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="shortcut-sheet"
      aria-label={t('editor.shortcuts.title')}
      onClose={onClose}
    >
      <h2>{t('editor.shortcuts.title')}</h2>
      <p className="muted">{t('editor.shortcuts.hint')}</p>
      {GROUPS.map((g) => {
        const list = actions.filter((a) => a.group === g && a.shortcuts?.length);
        if (!list.length) return null;
        return (
          <section key={g}>
            <h3>{t(`editor.group.${g}`)}</h3>
            <dl>
              {list.map((a) => (
                <div key={a.id}>
                  <dt>
                    {a.shortcuts!.map((s, i) => (
                      <span key={shortcutText(s)}>
                        {i > 0 && ' / '}
                        <kbd>{shortcutText(s)}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{t(a.label)}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <form method="dialog">
        <button type="submit" className="btn">
          {t('common.close')}
        </button>
      </form>
    </dialog>
  );
}

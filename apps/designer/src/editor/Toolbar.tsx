import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { type Action, type ActionGroup, runAction, shortcutText } from './actions/action-registry';
import type { EditorActionContext } from './actions/editor-actions';
import { describeCommand } from './command-name';
import { useEditor } from './EditorContext';
import { isDirty } from './editor-store';

const GROUPS: readonly ActionGroup[] = ['history', 'view', 'file', 'publish'];
/** The gap between groups (`.toolbar-groups`, 0.75rem). */
const GROUP_GAP = 12;

/**
 * The editor's command bar, drawn from the declared actions: one button per toolbar action,
 * enabled as the action says, its shortcut in the tooltip. The title never wraps: the
 * "unsaved" badge takes its place beside the name. The groups show the buttons that fit, in
 * order, and the rest behind a "More" menu (measured in a hidden copy, again whenever the bar or
 * the labels change size), so a narrow window or a longer language never hides a command.
 */
export function Toolbar({
  flowKey,
  actions,
  context,
  versionState,
}: {
  flowKey: string;
  actions: readonly Action<EditorActionContext>[];
  context: EditorActionContext;
  versionState?: React.ReactNode;
}) {
  const t = useT();
  // Re-render when what `enabled` reads changes.
  useEditor((s) => s.past.length);
  useEditor((s) => s.future.length);
  useEditor((s) => s.selection);
  const lastUndo = useEditor((s) => s.past[s.past.length - 1]);
  const nextRedo = useEditor((s) => s.future[0]);
  const doc = useEditor((s) => s.doc);
  // Named in the owner's language, nodes by their labels (in this document or the step's own).
  const said = (entry: typeof lastUndo) => (entry ? describeCommand(entry.name, [doc, entry.doc], t) : null);
  const dirty = useEditor(isDirty);
  const name = useEditor((s) => s.doc.name);
  const title = (a: Action<EditorActionContext>) => {
    const label =
      a.id === 'undo' && lastUndo
        ? t('editor.action.undoWhat', { what: said(lastUndo) })
        : a.id === 'redo' && nextRedo
          ? t('editor.action.redoWhat', { what: said(nextRedo) })
          : t(a.label);
    const keys = (a.shortcuts ?? []).map((s) => shortcutText(s)).join(' / ');
    return keys ? `${label} (${keys})` : label;
  };
  const groupsRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const inGroups = GROUPS.filter((g) => g !== 'publish').flatMap((g) =>
    actions.filter((a) => a.toolbar && a.group === g),
  );
  const [shown, setShown] = useState(inGroups.length);
  const [open, setOpen] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: other actions are measured anew
  useLayoutEffect(() => {
    const bar = groupsRef.current;
    const copy = measureRef.current;
    if (!bar || !copy || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      // Right edges in the copy, laid out as the groups are: gaps and separators included.
      const left = copy.getBoundingClientRect().left;
      const edges = [...copy.querySelectorAll('[data-measure]')].map(
        (b) => b.getBoundingClientRect().right - left,
      );
      const more = copy.querySelector('[data-measure-more]')?.getBoundingClientRect().width ?? 0;
      const room = bar.clientWidth;
      const all = edges.length === 0 || edges[edges.length - 1]! <= room;
      setShown(all ? edges.length : edges.filter((right) => right + GROUP_GAP + more <= room).length);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(bar);
    observer.observe(copy);
    return () => observer.disconnect();
  }, [inGroups.length]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const visible = new Set(inGroups.slice(0, shown));
  const hidden = inGroups.slice(shown);
  const button = (a: Action<EditorActionContext>) => (
    <button
      key={a.id}
      type="button"
      className={a.primary ? 'btn btn-primary' : a.icon ? 'btn btn-icon' : 'btn'}
      aria-label={a.icon ? t(a.label) : undefined}
      data-action={a.id}
      disabled={a.enabled ? !a.enabled(context) : false}
      aria-pressed={a.pressed ? a.pressed(context) : undefined}
      title={title(a)}
      onClick={() => runAction(a, context)}
    >
      {a.icon ? <span aria-hidden="true">{a.icon}</span> : t(a.label)}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <div className="toolbar-title">
        <strong title={name}>{name}</strong>
        <code className="muted">{flowKey}</code>
        {dirty && <span className="badge badge-warning">{t('editor.unsaved')}</span>}
        {versionState}
      </div>
      <div className="toolbar-groups" ref={groupsRef}>
        {GROUPS.filter((g) => g !== 'publish').map((g) => {
          const inGroup = inGroups.filter((a) => a.group === g && visible.has(a));
          return (
            inGroup.length > 0 && (
              <div key={g} className="toolbar-group">
                {inGroup.map((a) => button(a))}
              </div>
            )
          );
        })}
        {hidden.length > 0 && (
          <div className="toolbar-more" ref={menuRef}>
            <button
              type="button"
              className="btn"
              aria-expanded={open}
              aria-haspopup="menu"
              aria-controls="toolbar-more-menu"
              onClick={() => setOpen((o) => !o)}
            >
              {t('nav.more')} <span aria-hidden="true">▾</span>
            </button>
            {open && (
              <div id="toolbar-more-menu" className="toolbar-more-menu" role="menu">
                {hidden.map((a) => (
                  <button
                    key={a.id}
                    type="button"
                    role="menuitem"
                    data-action={a.id}
                    disabled={a.enabled ? !a.enabled(context) : false}
                    title={title(a)}
                    onClick={() => {
                      setOpen(false);
                      runAction(a, context);
                    }}
                  >
                    {a.icon && <span aria-hidden="true">{a.icon} </span>}
                    {t(a.label)}
                  </button>
                ))}
              </div>
            )}
          </div>
        )}
      </div>
      <div className="toolbar-groups toolbar-measure" ref={measureRef} aria-hidden="true">
        {GROUPS.filter((g) => g !== 'publish').map((g) => (
          <div key={g} className="toolbar-group">
            {inGroups
              .filter((a) => a.group === g)
              .map((a) => (
                <span key={a.id} data-measure className={a.icon ? 'btn btn-icon' : 'btn'}>
                  {a.icon ? a.icon : t(a.label)}
                </span>
              ))}
          </div>
        ))}
        <span data-measure-more className="btn">
          {t('nav.more')} <span>▾</span>
        </span>
      </div>
      {/* Draft and publishing stay in view whatever the width: only the groups before them scroll. */}
      <div className="toolbar-group toolbar-end">
        {actions.filter((a) => a.toolbar && a.group === 'publish').map((a) => button(a))}
      </div>
    </div>
  );
}

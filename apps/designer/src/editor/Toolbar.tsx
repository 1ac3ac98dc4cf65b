import { useT } from '../i18n/use-t';
import { type Action, type ActionGroup, runAction, shortcutText } from './actions/action-registry';
import type { EditorActionContext } from './actions/editor-actions';
import { describeCommand } from './command-name';
import { useEditor } from './EditorContext';
import { isDirty } from './editor-store';

const GROUPS: readonly ActionGroup[] = ['history', 'view', 'file', 'publish'];

/**
 * The editor's command bar, drawn from the declared actions: one button per toolbar action,
 * enabled as the action says, its shortcut in the tooltip. The title never wraps: the
 * "unsaved" badge takes its place beside the name, and the groups scroll if the window is narrow.
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
      <div className="toolbar-groups">
        {GROUPS.filter((g) => g !== 'publish').map((g) => (
          <div key={g} className="toolbar-group">
            {actions.filter((a) => a.toolbar && a.group === g).map((a) => button(a))}
          </div>
        ))}
      </div>
      {/* Draft and publishing stay in view whatever the width: only the groups before them scroll. */}
      <div className="toolbar-group toolbar-end">
        {actions.filter((a) => a.toolbar && a.group === 'publish').map((a) => button(a))}
      </div>
    </div>
  );
}

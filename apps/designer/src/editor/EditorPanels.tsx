import type { Problem } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import type { useBlocker } from 'react-router-dom';
import { useT } from '../i18n/use-t';
import { SimulatorPanel } from '../simulator/SimulatorPanel';
import { CompiledView } from './CompiledView';
import type { NodeOverlay } from './canvas-graph';
import { useEditor } from './EditorContext';
import { ProblemsList } from './ProblemsList';
import { PropertiesPanel } from './properties/PropertiesPanel';

/** The inspector's tabs. */
export type Tab = 'properties' | 'problems' | 'compiled' | 'simulator';

/** The publish form: a note, the errors that will refuse it, and what publishing does. */
export function PublishBar({
  errors,
  busy,
  onPublish,
  onCancel,
}: {
  errors: number;
  busy: boolean;
  onPublish(note: string): void;
  onCancel(): void;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPublish(note);
  };
  return (
    <form className="publish-bar" onSubmit={submit} aria-label={t('editor.publish.label')}>
      <label className="grow">
        {t('editor.publish.note')}
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('editor.publish.notePlaceholder')}
        />
        <small className="muted">{t('editor.publish.explain')}</small>
      </label>
      {errors > 0 && (
        <span className="badge badge-error">{t('editor.publish.refused', { count: errors })}</span>
      )}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {t('editor.publish.submit')}
      </button>
      <button className="btn" type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

/** Asks before leaving a flow with unsaved changes for another page of the app. */
export function LeaveGuard({
  blocker,
  save,
}: {
  blocker: ReturnType<typeof useBlocker>;
  save(): Promise<boolean>;
}) {
  const t = useT();
  if (blocker.state !== 'blocked') return null;
  return (
    <div className="publish-bar" role="alertdialog" aria-label={t('editor.leave.label')}>
      <strong className="grow">{t('editor.leave.text')}</strong>
      <button
        className="btn btn-primary"
        type="button"
        onClick={async () => {
          if (await save()) blocker.proceed();
        }}
      >
        {t('editor.leave.save')}
      </button>
      <button className="btn btn-danger" type="button" onClick={() => blocker.proceed()}>
        {t('editor.leave.discard')}
      </button>
      <button className="btn" type="button" onClick={() => blocker.reset()}>
        {t('editor.leave.stay')}
      </button>
    </div>
  );
}

/** The side panel: properties, problems (live or the server's), compiled statechart, simulator. */
export function Inspector({
  tab,
  setTab,
  problems,
  serverProblems,
  clearServerProblems,
  onPick,
  onOverlays,
}: {
  tab: Tab;
  setTab(t: Tab): void;
  problems: readonly Problem[];
  serverProblems: readonly Problem[] | null;
  clearServerProblems(): void;
  onPick(p: Problem): void;
  onOverlays(o: Record<string, NodeOverlay> | undefined): void;
}) {
  const t = useT();
  const doc = useEditor((s) => s.doc);
  const shown = serverProblems ?? problems;
  const tabs: ReadonlyArray<readonly [Tab, string]> = [
    ['properties', t('editor.tab.properties')],
    ['problems', t('editor.tab.problems', { count: shown.length })],
    ['compiled', t('editor.tab.compiled')],
    ['simulator', t('editor.tab.simulator')],
  ];
  return (
    <aside className="side-panel" aria-label={t('editor.inspector')}>
      <div role="tablist" aria-label={t('editor.tabs')} className="tabs">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            className={tab === id ? 'tab active' : 'tab'}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'properties' && <PropertiesPanel />}
        {tab === 'problems' && (
          <>
            {serverProblems && (
              <p className="muted">
                {t('editor.problems.server')}{' '}
                <button type="button" className="btn btn-small" onClick={clearServerProblems}>
                  {t('editor.problems.live')}
                </button>
              </p>
            )}
            <ProblemsList problems={shown} onPick={onPick} />
          </>
        )}
        {tab === 'compiled' && <CompiledView doc={doc} />}
        {tab === 'simulator' && <SimulatorPanel doc={doc} onOverlays={onOverlays} />}
      </div>
    </aside>
  );
}

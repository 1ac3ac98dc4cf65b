import type { Problem } from '@caseflow/schema';
import { useCallback, useState } from 'react';
import type { StoreApi } from 'zustand';
import { ApiError } from '../api/api-error';
import { api } from '../auth/session';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import type { NodeOverlay } from './canvas-graph';
import type { EditorState } from './editor-store';
import { type HeatRow, heatOverlays } from './heat-overlay';
import { openDraft } from './open-draft';

/** Who saved the draft that a save was refused over, and the `updatedAt` of their save. */
export interface DraftConflict {
  updatedBy: string | null;
  /** Their display name (the username when they have none). */
  updatedByName: string | null;
  updatedAt: string | null;
}

/** The conflict of a 409 `draft-conflict` answer; undefined for any other error. */
export function draftConflictOf(e: unknown): DraftConflict | undefined {
  if (!(e instanceof ApiError) || e.code !== 'draft-conflict') return undefined;
  const d = (typeof e.details === 'object' && e.details !== null ? e.details : {}) as Record<string, unknown>;
  return {
    updatedBy: typeof d.updatedBy === 'string' ? d.updatedBy : null,
    updatedByName: typeof d.updatedByName === 'string' ? d.updatedByName : null,
    updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : null,
  };
}

/**
 * The editor's conversations with the runtime — save, validate, publish, request activation,
 * heat map — and the status line they leave. Kept apart from the page so the page only composes.
 */
export function useEditorOps(flowKey: string, store: StoreApi<EditorState>, isNew: boolean) {
  const t = useT();
  const [status, setStatus] = useState<string | null>(isNew ? t('editor.status.new') : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problem[] | null>(null);
  const [heat, setHeat] = useState<Record<string, NodeOverlay> | null>(null);
  const [heatVersion, setHeatVersion] = useState<number | null>(null);
  const [heatVersions, setHeatVersions] = useState<number[]>([]);
  /** Bumped after a publish, so the version state above the canvas reloads. */
  const [published, setPublished] = useState(0);

  /** Set when a save was refused because someone saved the draft since this copy was loaded. */
  const [conflict, setConflict] = useState<DraftConflict | null>(null);

  /** Saves the draft over `base` (default: the one this copy was loaded from or last saved as). */
  const saveOver = useCallback(
    async (base: string | null) => {
      setBusy(true);
      setError(null);
      const snapshot = store.getState().doc;
      try {
        const answer = await api.saveFlow(flowKey, snapshot, base);
        store.getState().markSaved(snapshot, answer.updatedAt);
        setConflict(null);
        const count = answer.problems.filter((p) => p.severity === 'error').length;
        setStatus(count ? t('editor.status.savedWithErrors', { count }) : t('editor.status.saved'));
        return true;
      } catch (e) {
        const theirs = draftConflictOf(e);
        if (theirs) {
          setConflict(theirs);
          setStatus(null);
        } else setError(errorMessage(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [flowKey, store, t],
  );
  const save = useCallback(() => saveOver(store.getState().base), [saveOver, store]);

  /** Resolves a conflict: mine over theirs (now that it is seen), or theirs loaded instead of mine. */
  const resolveConflict = useCallback(
    async (keep: 'mine' | 'theirs') => {
      if (!conflict) return;
      if (keep === 'mine') {
        await saveOver(conflict.updatedAt);
        return;
      }
      setBusy(true);
      try {
        const open = await openDraft(flowKey, await api.getFlow(flowKey));
        open(store);
        setConflict(null);
        setStatus(t('editor.conflict.loaded'));
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [conflict, flowKey, saveOver, store, t],
  );

  /** Saves, then asks the server; true when it answered (the problems tab shows its list). */
  const validate = useCallback(async () => {
    if (!(await save())) return false;
    try {
      const r = await api.validateFlow(flowKey);
      setServerProblems(r.problems);
      setStatus(
        r.valid ? t('editor.status.valid') : t('editor.status.serverProblems', { count: r.problems.length }),
      );
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  }, [flowKey, save, t]);

  /** Saves and publishes; 'problems' when the server refused it for problems in the flow. */
  const publish = useCallback(
    async (note: string, activeVersion: number | null): Promise<'published' | 'problems' | 'failed'> => {
      if (!(await save())) return 'failed';
      setBusy(true);
      try {
        const r = await api.publishFlow(flowKey, note);
        setServerProblems(null);
        setPublished((n) => n + 1);
        setStatus(
          // The first version of a flow goes live as it is published (flow-commands publish).
          activeVersion === null
            ? t('editor.status.publishedLive', { version: r.version })
            : t('editor.status.publishedActive', { version: r.version, active: activeVersion }),
        );
        return 'published';
      } catch (err) {
        setError(errorMessage(err));
        if (err instanceof ApiError && err.problems.length > 0) {
          setServerProblems(err.problems);
          return 'problems';
        }
        return 'failed';
      } finally {
        setBusy(false);
      }
    },
    [flowKey, save, t],
  );

  /** Asks admins to make `version` live, with the owner's note; true when the request is recorded. */
  const requestActivation = useCallback(
    async (version: number, note: string) => {
      setBusy(true);
      setError(null);
      try {
        await api.requestActivation(flowKey, version, note);
        setStatus(t('activation.sent', { version }));
        return true;
      } catch (e) {
        setError(errorMessage(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [flowKey, t],
  );

  /** Loads the heat map of `version` (default: the runtime's choice, the active version). */
  const loadHeat = useCallback(
    async (version?: number) => {
      try {
        const [answer, versions] = await Promise.all([
          api.heatmap(flowKey, version) as Promise<{ version?: number | null; nodes: HeatRow[] }>,
          // The switch is a convenience: without the version list the map still shows.
          api.listVersions(flowKey).catch(() => null),
        ]);
        if (versions) setHeatVersions(versions.items.map((v) => v.version).sort((a, b) => a - b));
        const o = heatOverlays(answer.nodes);
        const shown = answer.version ?? version ?? null;
        setHeat(o);
        setHeatVersion(shown);
        const any = Object.keys(o).length > 0;
        setStatus(
          shown === null
            ? t(any ? 'editor.status.heatAll' : 'editor.status.heatNoneAll')
            : t(any ? 'editor.status.heatOf' : 'editor.status.heatNone', { version: shown }),
        );
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [flowKey, t],
  );

  const toggleHeat = useCallback(() => {
    if (!heat) return void loadHeat();
    setHeat(null);
    setStatus(t('editor.status.heatOff'));
  }, [heat, loadHeat, t]);

  return {
    status,
    setStatus,
    error,
    setError,
    busy,
    serverProblems,
    setServerProblems,
    save,
    conflict,
    resolveConflict,
    validate,
    publish,
    published,
    requestActivation,
    heat,
    heatVersion,
    heatVersions,
    loadHeat,
    toggleHeat,
  };
}

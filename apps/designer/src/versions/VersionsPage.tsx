import { diffFlows } from '@caseflow/engine';
import { type ActivationRequest, FlowDefinition } from '@caseflow/schema';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import type { FlowVersion } from '../api/api';
import { api, hasRole, useSession } from '../auth/session';
import { Badge, ErrorBanner, Loading, StatusLine } from '../components/Status';
import { ensureLayout } from '../editor/auto-layout';
import { Canvas } from '../editor/Canvas';
import { EditorProvider } from '../editor/EditorContext';
import { createEditorStore } from '../editor/editor-store';
import type { FlowDoc } from '../editor/flow-document';
import { FlowChoicesProvider, useLoadedFlowChoices } from '../editor/pickers/FlowChoicesContext';
import { errorMessage, useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { ActivationForm, type ActivationStep } from './ActivationForm';
import { ActivationHistory } from './ActivationHistory';
import { type DiffNotes, diffCanvas } from './diff-canvas';
import {
  type DiffFieldScope,
  type DiffLabel,
  diffEdgeLabel,
  diffFieldMessage,
  diffNodeLabel,
} from './diff-labels';
import { downloadBpmn } from './download-bpmn';
import { StaffPerson, useStaffText } from './StaffPerson';
import '../editor/editor.css';

/**
 * Version history of a flow (author, note, date), going live (owners request, admins activate or
 * reject, each with a note) and a visual diff of two versions on the canvas.
 */
export default function VersionsPage() {
  const { key = '' } = useParams();
  const user = useSession((s) => s.user);
  const t = useT();
  const f = useFormat();
  const versions = useResource(() => api.listVersions(key), [key]);
  const items = useMemo(
    () => [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version),
    [versions.data],
  );
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (items.length >= 2 && from === null && to === null) {
      setTo(items[0]!.version);
      setFrom(items[1]!.version);
    } else if (items.length === 1 && to === null) setTo(items[0]!.version);
  }, [items, from, to]);

  const requests = useResource(() => api.activationRequests(key), [key]);
  const pendingOf = (version: number) =>
    requests.data?.items.find((r) => r.status === 'pending' && r.version === version);
  const [step, setStep] = useState<{ step: ActivationStep; version: number; requestId?: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const isAdmin = hasRole(user, 'admin');
  // Display names of the people who published, asked and decided.
  const choices = useLoadedFlowChoices();

  /** Sends the open step (request, activate or reject) with its note. */
  async function settle(note: string) {
    if (!step) return;
    setBusy(true);
    setError(null);
    try {
      if (step.step === 'request') {
        await api.requestActivation(key, step.version, note);
        setStatus(t('activation.sent', { version: step.version }));
      } else if (step.step === 'activate') {
        await api.activate(key, step.version, note);
        setStatus(t('versions.activated', { version: step.version }));
      } else if (step.requestId) {
        await api.rejectActivation(key, step.requestId, note);
        setStatus(t('activation.rejected', { version: step.version }));
      }
      setStep(null);
      versions.reload();
      requests.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FlowChoicesProvider choices={choices}>
      <section className="page wide">
        <header className="page-header">
          <div>
            <p>
              <Link to={`/flows/${key}`}>{t('versions.back')}</Link>
            </p>
            <h1>{t('versions.title', { flow: choices?.flows.find((x) => x.key === key)?.name ?? key })}</h1>
          </div>
          {hasRole(user, 'admin') && items.length >= 2 && (
            <Link className="btn" to={`/flows/${key}/migrate`}>
              {t('versions.migrate')}
            </Link>
          )}
        </header>
        <ErrorBanner message={error ?? versions.error ?? requests.error} />
        <StatusLine message={status} />
        {step && (
          <ActivationForm
            key={`${step.step}-${step.version}`}
            step={step.step}
            version={step.version}
            busy={busy}
            onSubmit={settle}
            onCancel={() => setStep(null)}
          />
        )}
        {versions.loading && !versions.data && <Loading />}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('versions.col.version')}</th>
              <th scope="col">{t('versions.col.author')}</th>
              <th scope="col">{t('versions.col.note')}</th>
              <th scope="col">{t('versions.col.published')}</th>
              <th scope="col">{t('versions.col.compare')}</th>
              <th scope="col">{t('versions.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.version}>
                <td>
                  {t('migration.version', { version: v.version })}{' '}
                  {v.active && <Badge value={t('versions.active')} tone="ok" />}
                </td>
                <td>{v.author ? <StaffPerson username={v.author} /> : '—'}</td>
                <td>{v.note || <span className="muted">{t('versions.noNote')}</span>}</td>
                <td>{f.dateTime(v.createdAt)}</td>
                <td>
                  <label className="check">
                    <input
                      type="radio"
                      name="diff-from"
                      checked={from === v.version}
                      onChange={() => setFrom(v.version)}
                      aria-label={t('versions.compareFromLabel', { version: v.version })}
                    />
                    {t('versions.compareFrom')}
                  </label>
                  <label className="check">
                    <input
                      type="radio"
                      name="diff-to"
                      checked={to === v.version}
                      onChange={() => setTo(v.version)}
                      aria-label={t('versions.compareToLabel', { version: v.version })}
                    />
                    {t('versions.compareTo')}
                  </label>
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={t('versions.bpmnLabel', { version: v.version })}
                    onClick={() => downloadBpmn(key, v.version).catch((e) => setError(errorMessage(e)))}
                  >
                    {t('versions.bpmn')}
                  </button>{' '}
                  <ActivationActions
                    version={v.version}
                    active={v.active === true}
                    pending={pendingOf(v.version)}
                    isAdmin={isAdmin}
                    onStep={(s, requestId) => setStep({ step: s, version: v.version, requestId })}
                  />
                </td>
              </tr>
            ))}
            {versions.data && items.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t('versions.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {requests.data && <ActivationHistory items={requests.data.items} />}
        {from !== null && to !== null && from !== to && <VersionDiff flowKey={key} from={from} to={to} />}
      </section>
    </FlowChoicesProvider>
  );
}

/**
 * What a person may do towards making a version live: owners request it, admins activate it or
 * reject the pending request (the server checks the same rules).
 */
function ActivationActions({
  version,
  active,
  pending,
  isAdmin,
  onStep,
}: {
  version: number;
  active: boolean;
  pending: ActivationRequest | undefined;
  isAdmin: boolean;
  onStep(step: ActivationStep, requestId?: string): void;
}) {
  const t = useT();
  const person = useStaffText();
  if (active) return null;
  return (
    <>
      {isAdmin && (
        <button type="button" className="btn btn-small" onClick={() => onStep('activate')}>
          {t('versions.activate', { version })}
        </button>
      )}{' '}
      {isAdmin && pending && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={t('activation.rejectLabel', { version })}
          onClick={() => onStep('reject', pending.id)}
        >
          {t('activation.reject')}
        </button>
      )}
      {!isAdmin && !pending && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={t('activation.requestLabel', { version })}
          onClick={() => onStep('request')}
        >
          {t('activation.request')}
        </button>
      )}
      {pending && (
        <div className="muted">
          <Badge value={t('activation.status.pending')} tone="info" />{' '}
          {t('activation.pendingBy', { who: person(pending.requestedBy), note: pending.note })}
        </div>
      )}
    </>
  );
}

function VersionDiff({ flowKey, from, to }: { flowKey: string; from: number; to: number }) {
  const t = useT();
  const { messages } = useIntl();
  // Changed fields in the owner's words ("approval rule", not "policy"); others as written.
  const field = (scope: DiffFieldScope) => (name: string) => {
    const id = diffFieldMessage(scope, name, (m) => m in messages);
    return id ? t(id) : name;
  };
  const pair = useResource(
    () => Promise.all([api.getVersion(flowKey, from), api.getVersion(flowKey, to)]),
    [flowKey, from, to],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `field` is made anew each render from `t` and `messages`, both listed
  const result = useMemo(() => {
    const [a, b] = pair.data ?? [];
    if (!a?.definition || !b?.definition) return null;
    return compare(a, b, {
      added: t('versions.diff.added'),
      removed: t('versions.diff.removed'),
      field: field('node'),
    });
  }, [pair.data, t, messages]);
  if (pair.loading && !pair.data) return <Loading />;
  if (pair.error) return <ErrorBanner message={pair.error} />;
  if (!result) return null;
  if ('error' in result) return <ErrorBanner message={t('versions.diff.unparsable')} />;
  const { diff, store, overlays, docs } = result;
  // Nodes and edges read as on the canvas (titles, names, outcomes), never as ids.
  const node = (id: string) => diffNodeLabel(docs, id);
  const edge = (id: string) => {
    const label: DiffLabel = diffEdgeLabel(docs, id);
    return t(label.id, label.values);
  };
  const changed = (scope: DiffFieldScope, what: string, fields: string[]) =>
    t('diffLabels.changed', { what, fields: fields.map(field(scope)).join(', ') });
  const none =
    diff.nodes.added.length +
      diff.nodes.removed.length +
      diff.nodes.changed.length +
      diff.edges.added.length +
      diff.edges.removed.length +
      diff.settings.length ===
    0;
  return (
    <section aria-labelledby="diff-h" className="diff">
      <h2 id="diff-h">{t('versions.diff.title', { from, to })}</h2>
      <div className="diff-grid">
        <div className="canvas-wrap diff-canvas">
          <EditorProvider store={store}>
            <ReactFlowProvider>
              <Canvas problems={[]} overlays={overlays} readOnly />
            </ReactFlowProvider>
          </EditorProvider>
        </div>
        <div className="card">
          <p className="legend">
            <span className="swatch diff-added" /> {t('versions.diff.added')}{' '}
            <span className="swatch diff-changed" /> {t('versions.diff.changed')}{' '}
            <span className="swatch diff-removed" /> {t('versions.diff.removed')}
          </p>
          {none && <p className="muted">{t('versions.diff.same')}</p>}
          <DiffList title={t('versions.diff.nodesAdded')} items={diff.nodes.added.map(node)} />
          <DiffList title={t('versions.diff.nodesRemoved')} items={diff.nodes.removed.map(node)} />
          <DiffList
            title={t('versions.diff.nodesChanged')}
            items={diff.nodes.changed.map((c) => changed('node', node(c.id), c.fields))}
          />
          <DiffList title={t('versions.diff.edgesAdded')} items={diff.edges.added.map(edge)} />
          <DiffList title={t('versions.diff.edgesRemoved')} items={diff.edges.removed.map(edge)} />
          <DiffList
            title={t('versions.diff.edgesChanged')}
            items={diff.edges.changed.map((c) => changed('edge', edge(c.id), c.fields))}
          />
          <DiffList title={t('versions.diff.settings')} items={diff.settings.map(field('flow'))} />
        </div>
      </div>
    </section>
  );
}

function compare(a: FlowVersion, b: FlowVersion, notes: DiffNotes) {
  const pa = FlowDefinition.safeParse(a.definition);
  const pb = FlowDefinition.safeParse(b.definition);
  if (!pa.success || !pb.success) return { error: 'unparsable' as const };
  const diff = diffFlows(pa.data, pb.data);
  const { doc, overlays } = diffCanvas(a.definition as FlowDoc, b.definition as FlowDoc, diff, notes);
  const docs = [b.definition as FlowDoc, a.definition as FlowDoc];
  return { diff, overlays, docs, store: createEditorStore(ensureLayout(doc)) };
}

function DiffList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3>{title}</h3>
      <ul className="plain">
        {items.map((i, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two edges may read alike; the list never reorders
          <li key={n}>{i}</li>
        ))}
      </ul>
    </div>
  );
}

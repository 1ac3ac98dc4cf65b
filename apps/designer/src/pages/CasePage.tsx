import type { FlowDefinitionInput } from '@caseflow/schema';
import { type FormEvent, lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isStaffCase } from '../api/api';
import { useServerNow } from '../api/server-clock';
import { api, hasRole, useSession } from '../auth/session';
import { ChatIndicators } from '../chat/ChatIndicators';
import { useChatIndicators } from '../chat/useChatIndicators';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { StatusWord } from '../components/StatusWord';
import { useHistoryPages } from '../hooks/useHistoryPages';
import { errorMessage, useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useLocale } from '../i18n/use-locale';
import { useT } from '../i18n/use-t';
import { ArticlePicker, isArticleShortcut } from '../kb/ArticlePicker';
import { CaseArticles } from '../kb/CaseArticles';
import { useLiveEvents } from '../live/useLiveEvents';
import { isPickerShortcut, ResponsePicker } from '../responses/ResponsePicker';
import { AttachmentLinks, AttachmentPicker } from '../work/Attachments';
import { toUploads } from '../work/attachment-files';
import { CancelCase } from '../work/CancelCase';
import { CaseTimeline, flowWords } from '../work/CaseTimeline';
import { mayCancel } from '../work/cancel-permission';
import { RequestFields } from '../work/RequestFields';
import { TaskActions } from '../work/TaskActions';
import { TaskName } from '../work/TaskName';
import { CustomerCaseView } from './CustomerCaseView';

// The canvas code (xyflow) loads only when a case page shows its diagram.
const CaseFlowDiagram = lazy(() => import('../work/CaseFlowDiagram'));

/** The signals the flow waits for at the case's current nodes: offered as named buttons. */
function waitingSignals(definition: FlowDefinitionInput | undefined, activeNodes: readonly string[]) {
  return (definition?.nodes ?? [])
    .filter((n) => n.type === 'wait' && activeNodes.includes(n.id))
    .map((n) => ({ node: n.name ?? n.id, signal: (n as { signal: string }).signal }));
}

/**
 * One case. Customers get their projection (CustomerCaseView); staff see the request as
 * labelled fields, open tasks with only the actions they may take, SLA clocks by name and in
 * words, the timeline as sentences, messages, and the signals the flow waits for as named
 * buttons. The page follows the case's live stream: a reply or a step shows within a second.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const t = useT();
  const f = useFormat();
  const user = useSession((s) => s.user);
  const locale = useLocale((s) => s.locale);
  const isAgent = hasRole(user, 'agent');
  // The flow's definition is internal; customers follow the current step and the timeline.
  const isStaff = hasRole(user, 'agent', 'owner');
  const kase = useResource(() => api.getCase(id), [id]);
  const flow = useResource(
    () => (isStaff ? api.caseFlow(id).catch(() => null) : Promise.resolve(null)),
    [id, isStaff],
  );
  // Both are paged newest first: a long case loads its latest entries, older ones on demand.
  const timeline = useHistoryPages((cursor) => api.timeline(id, { order: 'desc', cursor }), [id]);
  const messages = useHistoryPages(
    (cursor) => api.listMessages(id, { order: 'desc', cursor, limit: 30 }),
    [id],
  );
  const now = useServerNow(10_000);
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [picking, setPicking] = useState(false);
  const replyBox = useRef<HTMLTextAreaElement>(null);
  const articleSearch = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const reloadCase = kase.reload;
  const reloadTimeline = timeline.reload;
  const reloadMessages = messages.reload;
  const reload = useCallback(() => {
    reloadCase();
    reloadTimeline();
    reloadMessages();
  }, [reloadCase, reloadTimeline, reloadMessages]);
  // Chat cases show the customer typing and reading; those changes alone reload nothing else.
  const chat = useChatIndicators(kase.data?.channel === 'chat' ? id : null);
  const refreshChat = chat.refresh;
  // A case that could not be read (gone, or not the reader's) has no stream to follow.
  const readable = kase.data !== undefined || kase.loading;
  useLiveEvents(readable ? `/api/cases/${encodeURIComponent(id)}/events` : null, (kinds) => {
    if (kinds.some((k) => k !== 'chat')) reload();
    refreshChat();
  });
  const markRead = chat.read;
  const newest = messages.items[0]?.id;
  useEffect(() => {
    if (newest) markRead();
  }, [newest, markRead]);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!message.trim()) return;
    try {
      // Agents answer on the channel the customer last used (the runtime picks it: a chat the
      // customer ended goes on by e-mail); customers write from the web.
      const attachments = await toUploads(files);
      await api.postMessage(
        id,
        isAgent
          ? { body: message, from: 'agent', attachments }
          : { channel: 'web', body: message, from: 'customer', attachments },
      );
      setMessage('');
      setFiles([]);
      reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function report(name: string) {
    try {
      await api.signal(id, name);
      setNotice(t('case.signalDone', { name }));
      reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (kase.loading && !kase.data) return <Loading />;
  const c = kase.data;
  if (!c) return <ErrorBanner message={kase.error} />;
  if (!isStaffCase(c)) {
    return (
      <CustomerCaseView
        key={c.id}
        c={c}
        messages={[...messages.items].reverse()}
        timeline={timeline.items}
        now={now}
        submitted={(location.state as { submitted?: boolean } | null)?.submitted === true}
        continuedFrom={(location.state as { continuedFrom?: string } | null)?.continuedFrom}
        onChange={reload}
      />
    );
  }
  const definition = flow.data?.definition;
  const words = flowWords(definition, locale);
  const slaDefs = new Map(
    ((definition?.slas ?? []) as Array<{ id: string; name?: string }>).map((s) => [s.id, s]),
  );
  const openTasks = c.tasks.filter((task) => task.status === 'open' || task.status === 'claimed');
  const number = c.number ?? c.id;
  const request = (c.variables.request ?? null) as Record<string, unknown> | null;
  const catalogItem = typeof c.variables.catalogItem === 'string' ? c.variables.catalogItem : null;
  const otherVariables = Object.fromEntries(
    Object.entries(c.variables).filter(
      ([k]) => k !== 'request' && k !== 'catalogItem' && !(request && k in request),
    ),
  );
  const signals = c.status === 'open' && isAgent ? waitingSignals(definition, c.activeNodes) : [];
  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{c.subject || (definition?.name ?? c.flow)}</h1>
          <p className="muted">
            {t('case.meta', { number, channel: c.channel, opened: f.dateTime(c.createdAt) })} ·{' '}
            {t('case.metaStaff', { flow: definition?.name ?? c.flow, version: c.version })}
            {c.parentCaseId && (
              <>
                {' · '}
                <Link to={`/cases/${c.parentCaseId}`}>{t('case.parent')}</Link>
              </>
            )}
          </p>
        </div>
        <div className="page-actions">
          <StatusWord value={c.status} />
          {mayCancel(user, c) && !cancelling && (
            <button type="button" className="btn btn-small" onClick={() => setCancelling(true)}>
              {t('case.cancel.open')}
            </button>
          )}
        </div>
      </header>
      {cancelling && c.status === 'open' && (
        <CancelCase
          caseId={c.id}
          onClose={() => setCancelling(false)}
          onDone={() => {
            setCancelling(false);
            setNotice(t('case.cancel.done'));
            reload();
          }}
        />
      )}
      <ErrorBanner message={error} />
      {notice && (
        <output className="status-line" aria-live="polite">
          {notice}
        </output>
      )}
      {(c.incidents?.length ?? 0) > 0 && (
        <div className="banner banner-error" role="alert">
          {t('case.stuck')}{' '}
          {c
            .incidents!.map((i) =>
              t('case.incident', {
                kind: i.kind,
                node: i.nodeId ? words.nodeTitle(i.nodeId) : '—',
                message: i.message,
              }),
            )
            .join('; ')}
          . <Link to={`/incidents?case=${encodeURIComponent(c.id)}`}>{t('case.incidents.link')}</Link>
        </div>
      )}
      <div className="case-grid">
        <div>
          {request && (
            <section className="card" aria-labelledby="request-h">
              <h2 id="request-h">{t('case.request')}</h2>
              <RequestFields values={request} catalogItem={catalogItem} />
            </section>
          )}
          <section className="card" aria-labelledby="tasks-h">
            <h2 id="tasks-h">{t('case.tasks')}</h2>
            {openTasks.length === 0 && <p className="muted">{t('case.noTasks')}</p>}
            {openTasks.map((task) => (
              <article key={task.id} className="task-card">
                <h3>
                  <TaskName task={task} />
                </h3>
                <p className="muted">
                  {t('case.taskMeta', { group: task.group ?? '—', tier: task.tier ?? '—' })}
                  {task.assignee && ` · ${task.assignee}`}
                  {task.dueAt &&
                    ` · ${t('case.taskDue', { due: f.clock(task.dueAt, now), relative: f.relative(task.dueAt, now) })}`}
                </p>
                {isAgent && (
                  <TaskActions
                    task={task}
                    onDone={reload}
                    outcomeText={(o) => words.outcomeLabel(task.nodeId, o)}
                  />
                )}
              </article>
            ))}
          </section>
          <section className="card" aria-labelledby="messages-h">
            <h2 id="messages-h">{t('case.messages')}</h2>
            <ErrorBanner message={messages.error} />
            {!messages.loading && messages.items.length === 0 && (
              <p className="muted">{t('case.noMessages')}</p>
            )}
            {messages.hasMore && (
              <button className="btn" type="button" onClick={messages.more} disabled={messages.loading}>
                {t('case.olderMessages')}
              </button>
            )}
            <ol className="timeline" aria-live="polite">
              {/* Loaded newest first; read as a conversation, oldest at the top. */}
              {[...messages.items].reverse().map((m) => (
                <li key={m.id}>
                  <time dateTime={m.at}>{f.dateTime(m.at)}</time>{' '}
                  <Badge value={t('channel.name', { channel: m.channel })} tone="info" />{' '}
                  <strong>
                    {m.authorName ??
                      m.author ??
                      (m.from === 'customer' ? t('case.from.customer') : t('case.from.system'))}
                  </strong>{' '}
                  {m.body}
                  <AttachmentLinks attachments={m.attachments} />
                </li>
              ))}
            </ol>
            {c.channel === 'chat' && (
              <ChatIndicators
                view={chat.view}
                lastOwnAt={messages.items.find((m) => m.from === 'agent')?.at ?? null}
              />
            )}
            <form onSubmit={send} className="inline-form reply-box" aria-label={t('case.sendLabel')}>
              <label className="grow">
                {t('case.message')}
                <textarea
                  ref={replyBox}
                  rows={2}
                  value={message}
                  onChange={(e) => {
                    setMessage(e.target.value);
                    chat.typed();
                  }}
                  onKeyDown={(e) => {
                    if (isAgent && isPickerShortcut(e)) {
                      e.preventDefault();
                      setPicking(true);
                    } else if (isAgent && isArticleShortcut(e)) {
                      e.preventDefault();
                      articleSearch.current?.focus();
                    }
                  }}
                  aria-keyshortcuts={isAgent ? 'Alt+R Alt+K' : undefined}
                />
              </label>
              <AttachmentPicker files={files} onChange={setFiles} />
              <button className="btn" type="submit">
                {t('case.send')}
              </button>
            </form>
            {isAgent && (
              <ResponsePicker
                caseId={c.id}
                open={picking}
                onOpenChange={(open) => {
                  setPicking(open);
                  if (!open) replyBox.current?.focus();
                }}
                onInsert={(text) => setMessage((m) => (m ? `${m}\n${text}` : text))}
              />
            )}
            {isAgent && (
              <ArticlePicker
                inputRef={articleSearch}
                onInsert={(text) => {
                  setMessage((m) => (m ? `${m}\n${text}` : text));
                  replyBox.current?.focus();
                }}
              />
            )}
          </section>
          {isStaff && kase.data && 'flow' in kase.data && <CaseArticles kase={kase.data} />}
          <section className="card" aria-labelledby="timeline-h">
            <h2 id="timeline-h">{t('case.timeline')}</h2>
            <ErrorBanner message={timeline.error} />
            <CaseTimeline entries={timeline.items} c={c} definition={definition} />
            {timeline.hasMore && (
              <button className="btn" type="button" onClick={timeline.more} disabled={timeline.loading}>
                {t('case.olderEntries')}
              </button>
            )}
          </section>
          <section className="card" aria-labelledby="flow-h">
            <h2 id="flow-h">{t('case.diagram')}</h2>
            <Suspense fallback={<Loading />}>
              <CaseFlowDiagram caseId={c.id} activeNodes={c.activeNodes} timeline={timeline.items} />
            </Suspense>
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="where-h">
            <h2 id="where-h">{t('case.where')}</h2>
            <p>
              {c.activeNodes.length
                ? c.activeNodes.map((n) => words.nodeTitle(n)).join(', ')
                : t('case.finished')}
            </p>
            {c.customerId && (
              <Link to={`/customers/${c.customerId}`}>
                {t('case.customer', { name: c.customerName ?? c.customerId })}
              </Link>
            )}
            {signals.length > 0 && (
              <fieldset className="button-row">
                <legend>{t('case.signals')}</legend>
                {signals.map((s) => (
                  <button key={s.signal} type="button" className="btn" onClick={() => report(s.signal)}>
                    {s.signal}
                  </button>
                ))}
              </fieldset>
            )}
          </section>
          <section className="card" aria-labelledby="sla-h">
            <h2 id="sla-h">{t('case.slas')}</h2>
            {c.slas.length === 0 && <p className="muted">{t('case.noSlas')}</p>}
            <ul className="plain">
              {c.slas.map((s) => {
                const task = s.taskId
                  ? c.tasks.find((x) => x.id === s.taskId || x.id.endsWith(s.taskId!))
                  : null;
                const name = slaDefs.get(s.id)?.name ?? task?.title ?? s.id;
                return (
                  <li key={s.id}>
                    <StatusWord value={s.status} /> {t('case.sla', { name, within: f.isoDuration(s.target) })}
                    {(s.status === 'running' || s.status === 'warning' || s.status === 'breached') &&
                      s.dueAt && (
                        <span className="muted">
                          {' — '}
                          {t('case.slaDue', {
                            due: f.clock(s.dueAt, now),
                            relative: f.relative(s.dueAt, now),
                          })}
                        </span>
                      )}
                  </li>
                );
              })}
            </ul>
          </section>
          {c.surveys.length > 0 && (
            <section className="card" aria-labelledby="surveys-h">
              <h2 id="surveys-h">{t('case.surveys')}</h2>
              <ul className="plain">
                {c.surveys.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: surveys have no id in the case resource
                  <li key={i}>
                    {s.answered
                      ? t('case.surveyAnswered', { kind: s.kind.toUpperCase(), score: s.score ?? '' })
                      : t('case.surveyWaiting', { kind: s.kind.toUpperCase() })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {isAgent && Object.keys(otherVariables).length > 0 && (
            <section className="card" aria-labelledby="vars-h">
              <h2 id="vars-h">{t('case.variables')}</h2>
              <pre className="code wrap">{JSON.stringify(otherVariables, null, 2)}</pre>
            </section>
          )}
        </aside>
      </div>
    </section>
  );
}

import { randomBytes } from 'node:crypto';
import type { BusinessCalendar } from '@caseflow/schema';
import { foldPending } from '../analytics/rollup-fold';
import { loadMailConfig } from '../channels/email/mail-config';
import { mailSenderFromConfig } from '../channels/email/mail-sender';
import { mailTransport } from '../channels/email/mail-transport';
import { messagingTransport } from '../channels/messaging-transport';
import { durationMs, isManualClock } from '../clock';
import { callTargetResolver } from '../connections/call-target';
import { connectionCommands } from '../connections/connection-commands';
import { createLogger } from '../logger';
import { logTransport } from '../outbox/log-transport';
import { createOutboxDispatcher } from '../outbox/outbox-dispatcher';
import type { Transport } from '../outbox/transport';
import { webhookTransport } from '../outbox/webhook-transport';
import { Router } from '../routing/router';
import { changePresence, routeWaiting } from '../routing/routing-commands';
import { type BackgroundLoop, createBackgroundLoop } from '../scheduler/background-loop';
import { createTimerFirer } from '../scheduler/timer-firer';
import type { ClaimedOutbox, OutboxRow, UserRow } from '../store/store';
import {
  listActivationRequests,
  pendingActivations,
  rejectActivation,
  requestActivation,
} from './activation-commands';
import { httpSettler, timerHandler } from './background-events';
import { cancelRefusal } from './cancel-rule';
import { cancelCase, openCase, openChildren, sendEvent, signal } from './case-commands';
import { openCaseAs, requestFromCatalog } from './case-intake';
import { loadCaseResource, toSla, toTask, toTimelineEntry } from './case-resource';
import { saveCatalogItem } from './catalog-commands';
import { checkClockMove, checkClockMover } from './clock-move';
import { CompiledFlows } from './compiled-flows';
import { customerCaseRow, toCustomerCase, toPublicTimelineEntry } from './customer-case';
import { mergeCustomers } from './customer-merge';
import { AppError, notFound } from './errors';
import { eventTransactions } from './event-transaction';
import type { ExecutorContext } from './executor-context';
import { activate, publish, saveDraft, validateDefinition } from './flow-commands';
import { openFollowUpOf, reopenDeadline } from './follow-up';
import { deliverInboundMessage } from './inbound-message';
import { listIncidents, openIncidentsOf, resolveIncident, retryIncident } from './incident-commands';
import { openIncident } from './incident-recorder';
import { asCommand, outboxSource } from './incident-source';
import { addMessage } from './message-commands';
import { getMigration, startMigration } from './migration-commands';
import { MigrationRunner } from './migration-runner';
import { retryOutbox } from './outbox-commands';
import { promotePilot, startPilot, stopPilot } from './pilot-commands';
import type { RuntimeCore } from './runtime-core';
import { answerSurvey } from './survey-commands';
import { claimTask, completeTask, declineTask, delegateTask, escalateTask } from './task-commands';
import type { Logger, Runtime, RuntimeOptions } from './types';
import { chooseVersion } from './version-choice';

/** How often the runtime folds the rollups in the background, and cases per fold transaction. */
const BACKGROUND_FOLD_MS = 5000;
const BACKGROUND_FOLD_BATCH = 100;

/**
 * Builds the runtime facade over a store and a clock: every case-changing method is one
 * revision-checked transaction; timers and the outbox run when `startBackground` is called
 * (or when a test moves a manual clock). Does not start background loops by itself.
 */
export function createRuntime(options: RuntimeOptions): Runtime {
  const { store, clock } = options;
  const env = options.env ?? {};
  const logger: Logger = options.logger ?? createLogger(env.LOG_LEVEL ?? 'info');
  const calendars: Record<string, BusinessCalendar> = Object.fromEntries(
    (options.calendars ?? []).map((c) => [c.key, c]),
  );
  const router = new Router(calendars);
  const demo = ['1', 'true', 'yes'].includes(env.CASEFLOW_DEMO ?? '');
  const mail = loadMailConfig(env, demo);
  // One pooled SMTP transporter per process (or the demo's sink; none: e-mail out is off).
  const mailSender = options.mailSender === undefined ? mailSenderFromConfig(mail) : options.mailSender;
  const ctx: ExecutorContext = {
    compiled: new CompiledFlows({ size: options.compiledCacheSize ?? 200, calendars }),
    logger,
    flowEnv: options.flowEnv ?? {},
    router,
    mailDomain: mail.fromDomain,
    publicUrl: mail.publicUrl,
    reopenWithinMs: mail.reopenDays * 86_400_000,
  };
  // Timers and the outbox each have a loop (startBackground); only the outbox's is woken by
  // commits: they queue messages, while new timers are found by the timer loop's own polling.
  let timerLoop: BackgroundLoop | null = null;
  let outboxLoop: BackgroundLoop | null = null;
  const commitListeners = new Set<() => void>();
  let rollupLoop: BackgroundLoop | null = null;
  let routingLoop: BackgroundLoop | null = null;
  const core: RuntimeCore = {
    store,
    clock,
    ctx,
    events: eventTransactions(
      store,
      clock,
      ctx,
      () => outboxLoop?.wake(),
      () => {
        for (const listener of commitListeners) listener();
      },
    ),
    calendarKeys: ['24x7', ...Object.keys(calendars)],
  };

  const migrations = new MigrationRunner(core);

  // Connection secrets are sealed and opened with this key only (DESIGN §8: one key per purpose).
  const dataKey = options.dataKey ?? randomBytes(32);
  const fireDue = createTimerFirer({ store, logger, fire: timerHandler(core) });
  // A row whose processing crashed (not a failed delivery: a bug) opens an incident and goes
  // dead in the same transaction, instead of coming back every lease.
  const onOutboxCrash = async (row: ClaimedOutbox, error: unknown): Promise<boolean> => {
    const incident = await openIncident({ store, clock, logger }, error, {
      source: outboxSource(row),
      origin: 'delivery',
      park: async (tx, opened) => {
        await tx.outbox.markDead(row.id, row.claim, `incident ${opened.id}: ${opened.message}`);
      },
    });
    return incident !== null;
  };
  const dispatcher = createOutboxDispatcher({
    store,
    logger,
    // WhatsApp and SMS replies go to the provider through their account's connection, e-mail
    // by SMTP.
    transport: messagingTransport(
      mailTransport(options.transport ?? transportFromEnv(env, logger), {
        store,
        sender: mailSender,
        from: mail.from,
      }),
      { store, resolveTarget: callTargetResolver(store, dataKey) },
    ),
    now: () => clock.now(),
    settleHttp: httpSettler(core),
    onCrash: onOutboxCrash,
    resolveTarget: callTargetResolver(store, dataKey),
    isObsolete: async (row) => {
      if (!row.caseId) return false;
      const owner = await store.cases.get(row.caseId);
      return owner === null || owner.status !== 'open';
    },
    ...options.outbox,
  });

  const runtime: Runtime = {
    store,
    clock,
    calendars,
    connections: connectionCommands({ store, clock, dataKey }),
    openCase: asCommand('openCase', (input) => openCase(core, input)),
    openCaseAs: asCommand('openCaseAs', (input) => openCaseAs(core, input)),
    requestFromCatalog: asCommand('requestFromCatalog', (input) => requestFromCatalog(core, input)),
    saveCatalogItem: (key, body, actor) => saveCatalogItem(core, key, body, actor),
    sendEvent: asCommand('sendEvent', (caseId, event, actor) => sendEvent(core, caseId, event, actor)),
    getCase: (caseId, opts) => loadCaseResource(store, caseId, opts),
    async customerCase(caseId, viewer) {
      const row = await customerCaseRow(store, caseId, viewer.customerId);
      const open = row.status === 'open';
      const [parts, compiled, reopenUntil, children, continuedIn] = await Promise.all([
        store.cases.parts(caseId),
        ctx.compiled.get(store, row.flow, row.version),
        reopenDeadline(store, row, ctx.reopenWithinMs, clock.now()),
        open ? openChildren(store, caseId) : 0,
        open ? null : openFollowUpOf(store, row),
      ]);
      return toCustomerCase(row, parts, compiled.definition, viewer.locale ?? undefined, {
        reopenUntil,
        mayWithdraw: open && cancelRefusal(viewer, row, [], children) === null,
        continuedIn,
      });
    },
    async timeline(caseId, opts) {
      if (!(await store.cases.get(caseId))) throw notFound('case', caseId);
      const publicOnly = opts?.publicOnly ?? false;
      const rows = await store.timeline.list(caseId, { publicOnly });
      // What customers read is projected: public entries still carry internal details.
      return rows.map(publicOnly ? toPublicTimelineEntry : toTimelineEntry);
    },
    async timelinePage(caseId, query) {
      if (!(await store.cases.get(caseId))) throw notFound('case', caseId);
      const page = await store.timeline.page(caseId, query);
      // What customers read is projected: public entries still carry internal details.
      return {
        items: page.items.map(query.publicOnly ? toPublicTimelineEntry : toTimelineEntry),
        next: page.next,
      };
    },
    signal: asCommand('signal', (caseId, name, data, actor) => signal(core, caseId, name, data, actor)),
    addMessage: asCommand('addMessage', (caseId, message) =>
      addMessage(core, caseId, {
        ...message,
        // An incident's retry replays the files as the base64 its source keeps them in.
        attachments: message.attachments?.map((file) => ({
          ...file,
          data: typeof file.data === 'string' ? Buffer.from(file.data, 'base64') : file.data,
        })),
      }),
    ),
    deliverInboundMessage: (input) => deliverInboundMessage(core, input),
    mergeCustomers: (targetId, sourceId, actor) => mergeCustomers(core, targetId, sourceId, actor),
    cancelCase: asCommand('cancelCase', (caseId, reason, actor) => cancelCase(core, caseId, reason, actor)),

    claimTask: asCommand('claimTask', (taskId, user) => claimTask(core, taskId, user)),
    completeTask: asCommand('completeTask', (taskId, input, actor) =>
      completeTask(core, taskId, input, actor),
    ),
    escalateTask: asCommand('escalateTask', (taskId, reason, actor) =>
      escalateTask(core, taskId, reason, actor),
    ),
    delegateTask: asCommand('delegateTask', (taskId, to, actor) => delegateTask(core, taskId, to, actor)),
    declineTask: asCommand('declineTask', (taskId, reason, actor) =>
      declineTask(core, taskId, reason, actor),
    ),
    router,
    setPresence: (actor, username, status) => changePresence(core, router, actor, username, status),
    async routingChanged(groups) {
      router.directory.invalidate();
      // Best effort after a committed change: what fails here waits for the next sweep.
      try {
        return await routeWaiting(core, router, groups);
      } catch (error) {
        logger.warn({ err: error }, 'could not offer waiting work; the routing sweep tries again');
        return 0;
      }
    },
    async getTask(taskId) {
      const row = await store.tasks.get(taskId);
      return row ? toTask(row) : null;
    },

    answerSurvey: asCommand('answerSurvey', (token, answer, respondent) =>
      answerSurvey(core, token, answer, respondent),
    ),

    startPilot: (flow, input, actor) => startPilot(core, flow, input, actor),
    promotePilot: (id, actor) => promotePilot(core, id, actor),
    stopPilot: (id, actor) => stopPilot(core, id, actor),

    async startMigration(flow, input, actor) {
      const migration = await startMigration(core, flow, input, actor);
      // Committed: the planned cases now move in the background, batch by batch.
      if (migration.status === 'running') migrations.run(migration.id);
      return migration;
    },
    getMigration: (flow, id) => getMigration(core, flow, id),
    migrationsIdle: () => migrations.idle(),

    listIncidents: (query, actor) => listIncidents(core, query, actor),
    openIncidents: (caseId) => openIncidentsOf(core, caseId),
    retryIncident: (id, actor) => retryIncident(core, { runtime, dispatcher, onOutboxCrash }, id, actor),
    resolveIncident: (id, note, actor) => resolveIncident(core, id, note, actor),
    retryOutbox: (id, actor) => retryOutbox(core, { dispatcher, onOutboxCrash }, id, actor),

    saveDraft: (key, definition, actor, base) => saveDraft(core, key, definition, actor, base),
    validate: (definition) => validateDefinition(core, definition),
    publish: (key, input) => publish(core, key, input),
    activate: (key, version, actor, note) => activate(core, key, version, actor, note),
    requestActivation: (key, input, actor) => requestActivation(core, key, input, actor),
    rejectActivation: (key, id, note, actor) => rejectActivation(core, key, id, note, actor),
    listActivationRequests: (key, actor) => listActivationRequests(core, key, actor),
    pendingActivations: (actor) => pendingActivations(core, actor),
    getVersion: (key, version) => store.flowVersions.get(key, version),
    chooseVersion: (flow, customerId) => chooseVersion(store, flow, customerId, clock.now()),

    fireDueTimers: (now) => fireDue(now ?? clock.now()),
    dispatchOutbox: (now) => dispatcher.dispatch(now ?? clock.now()),
    startBackground() {
      if (timerLoop) return;
      // In one loop, a backlog of due timers (a busy machine, a restart after downtime) held
      // webhooks back for minutes, and a slow webhook receiver would hold the timers back.
      const loopOf = (work: (now: number) => Promise<unknown>, nextDueAt: () => Promise<number | null>) =>
        createBackgroundLoop({
          logger,
          now: () => clock.now(),
          tick: async () => {
            await work(clock.now());
          },
          nextDueAt,
        });
      timerLoop = loopOf(fireDue, () => store.timers.nextDueAt());
      outboxLoop = loopOf(
        (now) => dispatcher.dispatch(now),
        () => dispatcher.nextDueAt(),
      );
      // Analytics rollups: built once, then folded from the cases events touched. Every few
      // seconds rather than every second: a case touched by many events in between is folded
      // once (readers fold what is pending first, so their answers stay exact), and in small
      // transactions, so a fold never holds a group commit's batch for long.
      rollupLoop = createBackgroundLoop({
        logger,
        now: () => clock.now(),
        tick: async () => {
          await foldPending(store, calendars, BACKGROUND_FOLD_BATCH);
        },
        nextDueAt: async () => null,
        maxSleepMs: BACKGROUND_FOLD_MS,
      });
      // Work waits for agents whose shift or out-of-office period ends with no event to say so,
      // and for capacity freed in other processes: offered again every few seconds.
      routingLoop = createBackgroundLoop({
        logger,
        now: () => clock.now(),
        tick: async () => {
          await routeWaiting(core, router);
        },
        nextDueAt: async () => null,
        maxSleepMs: 5000,
      });
      timerLoop.start();
      outboxLoop.start();
      routingLoop.start();
      // Migrations left running by a stopped process go on here.
      migrations.resume().catch((error) => logger.error({ err: error }, 'could not resume migrations'));
      rollupLoop.start();
    },
    async close() {
      const running = [timerLoop, outboxLoop, rollupLoop, routingLoop];
      timerLoop = outboxLoop = rollupLoop = routingLoop = null;
      await Promise.all([...running.map((l) => l?.stop()), migrations.stop()]);
      mailSender?.close();
    },

    onCommit(listener) {
      commitListeners.add(listener);
      return () => commitListeners.delete(listener);
    },

    toTask,
    toSla,
    async outboxEntries(caseId) {
      const out: OutboxRow[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.outbox.list({ ...(caseId ? { caseId } : {}), limit: 500, cursor });
        out.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return out;
    },
  };
  return runtime;
}

/**
 * `webhook` when CASEFLOW_OUTBOX_TRANSPORT=webhook or CASEFLOW_WEBHOOK_URL is set (signed with
 * CASEFLOW_WEBHOOK_SECRET), else `log`.
 */
function transportFromEnv(env: Record<string, string | undefined>, logger: Logger): Transport {
  const url = env.CASEFLOW_WEBHOOK_URL;
  const wanted = env.CASEFLOW_OUTBOX_TRANSPORT ?? (url ? 'webhook' : 'log');
  if (wanted !== 'webhook') return logTransport(logger);
  if (!url) {
    logger.warn(
      {},
      'CASEFLOW_OUTBOX_TRANSPORT=webhook without CASEFLOW_WEBHOOK_URL: using the log transport',
    );
    return logTransport(logger);
  }
  // Never CASEFLOW_SECRET: a webhook receiver that knew the token key could mint sessions.
  let secret = env.CASEFLOW_WEBHOOK_SECRET;
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    logger.warn({}, 'CASEFLOW_WEBHOOK_SECRET is not set: webhook signatures use a random per-process key');
  }
  return webhookTransport({ url, secret });
}

/**
 * Moves a manual clock (`{advance: 'PT2H'}` or `{set: '2026-01-05T09:00:00Z'}`) and, before
 * answering, does everything that became due at the new time: fires due timers and delivers due
 * outbox rows, round after round, until a round finds nothing (an HTTP result can queue a
 * notification, a fire can schedule a timer that is already due). Answers the new time and how
 * many timers fired. 400 with a real clock or a move out of range; 403 when `actor` (the HTTP
 * route always passes one) is not an admin.
 */
export async function moveClock(
  runtime: Runtime,
  move: { advance?: string; set?: string },
  actor?: Pick<UserRow, 'roles'>,
): Promise<{ now: number; fired: number }> {
  if (actor) checkClockMover(actor);
  const clock = runtime.clock;
  if (!isManualClock(clock)) throw new AppError('validation', 400, 'the clock is not manual');
  checkClockMove(move);
  if (move.advance !== undefined) clock.advance(move.advance);
  else if (move.set !== undefined) clock.set(move.set);
  let fired = 0;
  // Bounded: rows that fail are retried later (a future nextAttemptAt), so rounds run dry fast.
  for (let round = 0; round < 1000; round++) {
    const timers = await runtime.fireDueTimers(clock.now());
    const messages = await runtime.dispatchOutbox(clock.now());
    fired += timers;
    if (timers === 0 && messages === 0) break;
  }
  // Shifts and out-of-office periods that began or ended in the jump.
  await runtime.routingChanged();
  return { now: clock.now(), fired };
}

export { durationMs };

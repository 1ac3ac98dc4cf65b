import { type CaseSnapshot, type CompiledFlow, inspect, start, step } from '@caseflow/engine';
import { type Case, type EngineEvent, formatCaseNumber } from '@caseflow/schema';
import type {
  CaseParts,
  CaseRow,
  CustomerRow,
  NewTimelineEntry,
  Store,
  TimerChange,
  UserRow,
} from '../store/store';
import { toCase } from './case-resource';
import { changeOf } from './change-of';
import { applyEffects } from './effect-applier';
import { isEngineError } from './engine-errors';
import { notFound } from './errors';
import type { ExecutorContext } from './executor-context';
import { newCaseId } from './ids';
import { customerProfile } from './pilot-cohort';
import { readsViewedArticles, viewedArticles } from './viewed-articles';

/** A case loaded into a session: its row as it will be written, and its compiled flow. */
export interface LiveCase {
  row: CaseRow;
  compiled: CompiledFlow;
  /** The revision stored in the database when the case was loaded (the optimistic check). */
  loadedRevision: number;
  dirty: boolean;
  timeline: NewTimelineEntry[];
  /** The variables map this session copied from the row it loaded: its own to change. */
  ownVariables?: Record<string, unknown>;
}

/** A timeline entry as effects write it; the session adds the case id and the time. */
export type TimelineInput = Omit<NewTimelineEntry, 'caseId' | 'at'> & { at?: number };

/** Everything a new case needs besides its id: its row's opening fields, the actor, a parent. */
export type NewCase = Pick<
  CaseRow,
  'flow' | 'version' | 'pilotId' | 'cohort' | 'customerId' | 'channel' | 'subject' | 'priority' | 'variables'
> & {
  actor: string;
  parent?: { caseId: string; nodeId: string; childId: string };
  /** The customer's row when the caller has read it in this transaction (else read here). */
  customer?: CustomerRow | null;
};

/** Thrown by commit when a case changed since it was loaded; the whole transaction is retried. */
export class StaleRevision extends Error {
  constructor(caseId: string) {
    super(`case ${caseId} changed concurrently`);
    this.name = 'StaleRevision';
  }
}

interface Queued {
  caseId: string;
  event: EngineEvent;
  actor: string;
  /** Follow-ups for other cases (a parent hearing from its child): a refusal is logged, not fatal. */
  tolerant: boolean;
}

/**
 * The unit of work of one event transaction. Cases are loaded once, stepped in memory as many
 * times as the event's consequences need (approval assignment, a child closing and its parent
 * moving on…), effects are written through `tx` as they come, and `commit` writes each changed
 * case once with its revision check plus its new timeline entries.
 */
export class CaseSession {
  readonly #cases = new Map<string, LiveCase>();
  readonly #queue: Queued[] = [];
  /** Timer writes of the effects, written in one batch with the first case's commit. */
  #timerChanges: TimerChange[] = [];
  /** Cases whose commit marked them for the analytics fold already. */
  readonly #markedForRollups = new Set<string>();
  /** Set when outbox rows were queued: the caller wakes the dispatcher after the commit. */
  outboxQueued = false;
  /**
   * The case being started or stepped, left as it was when that throws: an incident names
   * this case (unless it was being opened, so nothing of it exists) and the nodes it stays at.
   */
  stepping: { caseId: string; nodeIds: string[]; opening: boolean } | null = null;
  /** Run by event-transaction.ts once the transaction holding this session committed. */
  readonly #afterCommit: Array<() => void> = [];

  constructor(
    readonly tx: Store,
    readonly ctx: ExecutorContext,
    readonly now: number,
  ) {}

  /**
   * Runs `fn` once the event's transaction committed, never when it rolls back: for in-memory
   * state (caches) that must not count a change twice when the event runs again from a fresh
   * read, nor count one that never committed. A throw is logged, not answered.
   */
  afterCommit(fn: () => void): void {
    this.#afterCommit.push(fn);
  }

  /** What `afterCommit` registered, in order (for event-transaction.ts). */
  get committedHooks(): ReadonlyArray<() => void> {
    return this.#afterCommit;
  }

  /** The case as this session sees it, or null when it does not exist. */
  async load(caseId: string): Promise<LiveCase | null> {
    const known = this.#cases.get(caseId);
    if (known) return known;
    const row = await this.tx.cases.get(caseId);
    return row ? this.adopt(row) : null;
  }

  /**
   * Takes `row` (read by the caller inside this transaction) as the case, unless the session
   * holds it already; answers the session's case either way.
   */
  async adopt(row: CaseRow): Promise<LiveCase> {
    const known = this.#cases.get(row.id);
    if (known) return known;
    const compiled = await this.ctx.compiled.get(this.tx, row.flow, row.version);
    const live: LiveCase = { row, compiled, loadedRevision: row.revision, dirty: false, timeline: [] };
    this.#cases.set(row.id, live);
    return live;
  }

  /**
   * The acting user's row (null when unknown) and the case's (null when it does not exist),
   * read in one statement unless the session holds the case already: a command's right check
   * and its case in one round trip. The caller checks the right, then `adopt`s the row.
   */
  async readWithUser(caseId: string, actor: string): Promise<{ user: UserRow | null; row: CaseRow | null }> {
    const known = this.#cases.get(caseId);
    if (known) return { user: await this.tx.users.get(actor), row: known.row };
    const both = await this.tx.cases.getWithUser(caseId, actor);
    return { user: both.user, row: both.case };
  }

  /** Like load, 404 when the case does not exist. */
  async require(caseId: string): Promise<LiveCase> {
    const live = await this.load(caseId);
    if (!live) throw notFound('case', caseId);
    return live;
  }

  /** Appends a timeline entry to the case (written at commit). */
  record(live: LiveCase, entry: TimelineInput): void {
    live.timeline.push({ caseId: live.row.id, at: this.now, ...entry });
  }

  /** The `customer` a new case's expressions see; their article views only when they read them. */
  async #profile(compiled: CompiledFlow, customer: CustomerRow): Promise<Record<string, unknown>> {
    const profile = customerProfile(customer);
    if (!readsViewedArticles(compiled)) return profile;
    return { ...profile, viewedArticles: await viewedArticles(this.tx, customer.id, this.now) };
  }

  /**
   * Opens a case: engine.start, inserts the row (child rows refer to it), records
   * `case.opened`, carries out the start effects; the commit makes it revision 1. Used for
   * top-level cases and subflow children alike. Does not drain follow-ups: the caller does.
   */
  async open(input: NewCase): Promise<LiveCase> {
    const compiled = await this.ctx.compiled.get(this.tx, input.flow, input.version);
    const customer =
      input.customer !== undefined && input.customer?.id === (input.customerId ?? undefined)
        ? input.customer
        : input.customerId
          ? await this.tx.customers.get(input.customerId)
          : null;
    const caseId = newCaseId(this.now);
    // A child opened by its parent's step is the parent's failure: the parent exists.
    if (!this.stepping || this.stepping.opening) this.stepping = { caseId, nodeIds: [], opening: true };
    const started = start(
      compiled,
      {
        caseId,
        customerId: input.customerId,
        channel: input.channel,
        subject: input.subject,
        priority: input.priority,
        variables: input.variables,
        customer: customer ? await this.#profile(compiled, customer) : {},
        env: this.ctx.flowEnv,
        ...(input.parent ? { parent: input.parent } : {}),
      },
      this.now,
    );
    const view = inspect(compiled, started.snapshot);
    // In this transaction: the number is the case's for good once the open commits.
    const number = await this.tx.cases.nextNumber();
    const row = await this.tx.cases.insert({
      id: caseId,
      flow: input.flow,
      version: input.version,
      pilotId: input.pilotId,
      cohort: input.cohort,
      customerId: input.customerId,
      channel: input.channel,
      subject: input.subject,
      priority: input.priority,
      status: view.status,
      activeNodes: view.activeNodes,
      variables: view.variables,
      snapshot: started.snapshot,
      // 0 until this session commits: the commit's revision-checked update makes it 1, so a
      // case opened with follow-up steps (approval assignment…) is still revision 1.
      revision: 0,
      parentCaseId: input.parent?.caseId ?? null,
      parentNodeId: input.parent?.nodeId ?? null,
      childId: input.parent?.childId ?? null,
      createdBy: input.actor,
      createdAt: this.now,
      updatedAt: this.now,
      closedAt: view.status === 'open' ? null : this.now,
      firstResponseAt: null,
      number,
    });
    const live: LiveCase = { row, compiled, loadedRevision: row.revision, dirty: true, timeline: [] };
    this.#cases.set(caseId, live);
    this.record(live, {
      type: 'case.opened',
      actor: input.actor,
      public: true,
      data: {
        number: formatCaseNumber(number),
        flow: input.flow,
        version: input.version,
        channel: input.channel,
        cohort: input.cohort,
        ...(input.parent ? { parentCaseId: input.parent.caseId } : {}),
      },
    });
    await applyEffects(this, live, started.effects, input.actor);
    if (live.row.status !== 'open') await this.#afterClose(live, input.actor);
    await this.drain();
    return live;
  }

  /** Steps one event into a case and everything it sets off. Engine refusals propagate. */
  async send(caseId: string, event: EngineEvent, actor: string): Promise<LiveCase> {
    const live = await this.require(caseId);
    this.#queue.push({ caseId, event, actor, tolerant: false });
    await this.drain();
    return live;
  }

  /** Queues a consequence (processed before the session commits). */
  enqueue(caseId: string, event: EngineEvent, actor: string, tolerant: boolean): void {
    this.#queue.push({ caseId, event, actor, tolerant });
  }

  /**
   * Commits, then answers the Case resource from the in-memory row plus its tasks, SLA clocks
   * and surveys read inside the same transaction (a 2xx body shows exactly what committed).
   * When the case itself has changes, its commit statement reads those rows as well.
   */
  async committedCase(caseId: string): Promise<Case> {
    const live = await this.require(caseId);
    const parts = await this.#commitAll(live);
    const { tasks, slas, surveys } = parts ?? (await this.tx.cases.parts(caseId));
    return toCase(live.row, tasks, slas, surveys);
  }

  /**
   * Queues a timer schedule or cancel (an effect's); written with the first case the session
   * commits (or by `flushTimers` when none changed). Nothing reads timers back inside an
   * event, except closing a case, which flushes first.
   */
  changeTimer(change: TimerChange): void {
    this.#timerChanges.push(change);
  }

  /** Writes the queued timer changes (one statement on PostgreSQL). */
  async flushTimers(): Promise<void> {
    if (this.#timerChanges.length === 0) return;
    const changes = this.#timerChanges;
    this.#timerChanges = [];
    await this.tx.timers.apply(changes);
  }

  /** Cases touched by this session. */
  touched(): LiveCase[] {
    return [...this.#cases.values()];
  }

  /**
   * Writes every changed case with `revision = loaded + 1` (StaleRevision when another writer
   * got there first), appends the timeline entries of every touched case and marks every
   * touched case for the analytics fold (analytics/rollup-fold.ts).
   */
  async commit(): Promise<void> {
    await this.#commitAll(null);
    const unmarked = this.touched()
      .map((live) => live.row.id)
      .filter((id) => !this.#markedForRollups.has(id));
    await this.tx.rollups.touch(unmarked);
  }

  /**
   * commit(), in load order; the write of `answer` (when it has changes) also reads its parts
   * (tasks, SLA clocks, surveys). Those rows are complete by then whatever the order: effects
   * write them while stepping, the commit writes only case rows and timelines. Null when
   * `answer` had nothing to write.
   */
  async #commitAll(answer: LiveCase | null): Promise<CaseParts | null> {
    // The timer writes ride on the first case written (one statement on PostgreSQL).
    if (![...this.#cases.values()].some((live) => live.dirty)) await this.flushTimers();
    let parts: CaseParts | null = null;
    for (const live of this.#cases.values()) {
      const read = await this.#commitCase(live, live === answer);
      if (live === answer) parts = read;
    }
    return parts;
  }

  async #commitCase(live: LiveCase, withParts: boolean): Promise<CaseParts | null> {
    const r = live.row;
    // The live streams' change log, written in the same transaction as what it announces.
    const change = changeOf(r, live.timeline, this.now);
    if (!live.dirty) {
      if (change) await this.tx.changes.append(change);
      if (live.timeline.length > 0) {
        await this.tx.timeline.append(r.id, live.timeline);
        live.timeline = [];
      }
      return null;
    }
    // One statement on PostgreSQL: the timer writes so far, the revision-checked update, the
    // timeline entries, the change row, the rollup mark and (for the answer) the case's tasks,
    // SLA clocks and surveys.
    const timers = this.#timerChanges;
    this.#timerChanges = [];
    const done = await this.tx.cases.commit(
      r.id,
      live.loadedRevision,
      {
        status: r.status,
        activeNodes: r.activeNodes,
        variables: r.variables,
        snapshot: r.snapshot,
        closedAt: r.closedAt,
        updatedAt: this.now,
      },
      live.timeline,
      withParts,
      { change, touchRollup: true, timers },
    );
    if (!done) throw new StaleRevision(r.id);
    this.#markedForRollups.add(r.id);
    // The answered row has no snapshot: the session's is the one just written.
    live.row = {
      ...done.row,
      snapshot: r.snapshot,
      firstResponseAt: done.row.firstResponseAt ?? r.firstResponseAt,
    };
    live.loadedRevision = done.row.revision;
    live.dirty = false;
    live.timeline = [];
    return done.parts;
  }

  async drain(): Promise<void> {
    // Bounded: a flow whose consequences never settle must not spin the transaction forever.
    for (let n = 0; this.#queue.length > 0; n++) {
      if (n > 10_000) throw new Error('event consequences did not settle');
      const next = this.#queue.shift()!;
      await this.#step(next);
    }
  }

  async #step(item: Queued): Promise<void> {
    const live = await this.load(item.caseId);
    if (!live) {
      if (item.tolerant) return;
      throw notFound('case', item.caseId);
    }
    if (item.tolerant && live.row.status !== 'open') return;
    let result: ReturnType<typeof step>;
    this.stepping = {
      caseId: item.caseId,
      nodeIds: live.row.activeNodes,
      opening: live.loadedRevision === 0,
    };
    try {
      result = step(live.compiled, live.row.snapshot as CaseSnapshot, item.event, this.now);
    } catch (error) {
      if (!item.tolerant || !isEngineError(error)) throw error;
      this.ctx.logger.warn(
        { caseId: item.caseId, event: item.event.type, err: error.message },
        'follow-up event refused by the engine',
      );
      return;
    }
    // A stale or repeated internal event (an old timer, a duplicate result) changes nothing.
    if (result.snapshot === live.row.snapshot && result.effects.length === 0) return;
    const wasOpen = live.row.status === 'open';
    const view = inspect(live.compiled, result.snapshot);
    live.row = {
      ...live.row,
      snapshot: result.snapshot,
      status: view.status,
      activeNodes: view.activeNodes,
      variables: view.variables,
      closedAt: view.status !== 'open' && live.row.closedAt === null ? this.now : live.row.closedAt,
    };
    live.dirty = true;
    await applyEffects(this, live, result.effects, item.actor);
    if (wasOpen && live.row.status !== 'open') await this.#afterClose(live, item.actor);
  }

  /** A closed case leaves nothing behind, and its parent (if any) hears about it. */
  async #afterClose(live: LiveCase, actor: string): Promise<void> {
    const caseId = live.row.id;
    await this.flushTimers();
    await this.tx.timers.cancelAllForCase(caseId);
    for (const task of await this.tx.tasks.listByCase(caseId)) {
      if (task.status === 'open' || task.status === 'claimed') {
        await this.tx.tasks.update(task.id, { status: 'cancelled', closedAt: this.now, updatedAt: this.now });
      }
    }
    const children = await this.tx.cases.list({ parentCaseId: caseId, status: 'open', limit: 500 });
    for (const child of children.items) {
      this.enqueue(
        child.id,
        {
          type: 'case.cancel',
          reason: `parent case ${live.row.number === null ? caseId : formatCaseNumber(live.row.number)} closed`,
          actor,
        },
        actor,
        true,
      );
    }
    const { parentCaseId, childId } = live.row;
    if (parentCaseId && childId) {
      this.enqueue(
        parentCaseId,
        {
          type: 'subflow.done',
          childId,
          outcome: live.row.status,
          // The child's `result` variable when it set one (a fraud check's verdict), else its
          // end outcome: the parent reads it as `<subflow node>.result`.
          result: live.row.variables.result ?? live.row.status,
        },
        actor,
        true,
      );
    }
  }
}

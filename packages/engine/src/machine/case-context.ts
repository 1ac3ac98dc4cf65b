import type { CaseInput, Channel, Effect, Priority, TaskSpec } from '@caseflow/schema';
import { renderTemplate } from '../feel';

/**
 * The machine context of one case: everything the engine needs to decide the next step, and
 * nothing more (large payloads live in the runtime's rows). It is plain JSON so a persisted
 * snapshot survives a JSON round trip. Closed tasks, fired timers and finished visits are
 * removed, so the context stays small however long the case runs.
 */
export interface CaseContext {
  caseId: string;
  customerId: string | null;
  channel: Channel;
  subject: string;
  priority: Priority;
  customer: Record<string, unknown>;
  env: Record<string, string>;
  parent: CaseInput['parent'] | null;
  /** The instant of the step being computed (set by start/step, never read from a clock). */
  now: number;
  status: 'open' | 'resolved' | 'cancelled' | 'rejected' | 'failed';
  /** Counter behind every id this case hands out (tasks, timers, calls...). */
  seq: number;
  vars: Record<string, unknown>;
  /** Results of completed nodes by node id: form values, http results, signals, votes. */
  results: Record<string, unknown>;
  tasks: Record<string, OpenTask>;
  approvals: Record<string, ApprovalState>;
  timers: Record<string, TimerState>;
  slas: Record<string, SlaState>;
  /** The current visit of each active node that waits for something. */
  visits: Record<string, Visit>;
}

export type OpenTask = TaskSpec;

export interface ApprovalState {
  nodeId: string;
  /** Null until the runtime has resolved who votes (approval.assigned). */
  approvers: string[] | null;
  /** taskId → voter; the open approval task of each approver. */
  taskOf: Record<string, string>;
  votes: Array<{ voter: string; vote: 'approve' | 'reject'; taskId: string; at: number }>;
}

export type TimerPurpose = 'node' | 'sla-warning' | 'sla-breach';

export interface TimerState {
  at: number;
  purpose: TimerPurpose;
  nodeId: string | null;
  slaId: string | null;
}

export interface SlaState {
  scope: 'case' | 'task';
  /** Definition id for case SLAs; the node id for task and approval SLAs. */
  defId: string;
  taskId: string | null;
  target: string;
  calendar: string;
  status: 'pending' | 'running' | 'paused' | 'warning' | 'met' | 'breached' | 'cancelled';
  /** Null while the clock is stopped or paused. */
  runningSince: number | null;
  elapsedMs: number;
  dueAt: number | null;
  breached: boolean;
  /** How many warnAt fractions have fired. */
  warned: number;
  /** One timer per warnAt fraction still ahead, all scheduled up front so that a clock
   * catching up fires them in due order with the breach. */
  warnTimers: string[];
  breachTimer: string | null;
}

export interface Visit {
  kind: 'task' | 'approval' | 'wait' | 'timer' | 'http' | 'subflow';
  enteredAt: number;
  taskId?: string;
  approvalId?: string;
  timerId?: string;
  callId?: string;
  childId?: string;
  signal?: string;
  slaId?: string;
}

/** Builds the first context of a case from its input. Pure. */
export function initialContext(input: CaseInput, now: number): CaseContext {
  return {
    caseId: input.caseId,
    customerId: input.customerId,
    channel: input.channel,
    subject: input.subject,
    priority: input.priority,
    customer: input.customer,
    env: input.env,
    parent: input.parent ?? null,
    now,
    status: 'open',
    seq: 0,
    vars: input.variables,
    results: {},
    tasks: {},
    approvals: {},
    timers: {},
    slas: {},
    visits: {},
  };
}

/** The context maps a Draft copies before handlers change them. */
const MAPS = ['vars', 'results', 'customer', 'tasks', 'approvals', 'timers', 'slas', 'visits'] as const;

/**
 * Maps already copied during the current step: no snapshot outside the step can see them, so
 * the next action of the same step changes them in place. Copying every map in every action
 * made a step over N automated nodes cost O(N²) (a 5,000-node chain took 18 s to open).
 */
let stepOwned: WeakSet<object> | null = null;

/**
 * Runs one engine step (`start` or `step`): Drafts created inside copy each context map at most
 * once for the whole step. Pure for the caller: the snapshot it passed in is never changed.
 */
export function withinStep<T>(run: () => T): T {
  const outer = stepOwned;
  stepOwned = new WeakSet();
  try {
    return run();
  } finally {
    stepOwned = outer;
  }
}

/**
 * A copy-on-write working set for one action: handlers change `ctx` freely (its maps are
 * fresh copies, or copies this step already made) and append effects; the machine then assigns
 * the result and enqueues the effects. The snapshot the step started from is never mutated.
 */
export class Draft {
  readonly ctx: CaseContext;
  readonly effects: Effect[] = [];
  /** The node ids a text mentions (nodeIdsIn of the flow); every result is in scope when absent. */
  readonly #idsIn: ((text: string) => ReadonlySet<string>) | undefined;

  constructor(context: CaseContext, idsIn?: (text: string) => ReadonlySet<string>) {
    this.#idsIn = idsIn;
    const ctx = { ...context };
    for (const key of MAPS) {
      const map = context[key];
      if (stepOwned?.has(map)) continue;
      const copy = { ...map };
      stepOwned?.add(copy);
      (ctx as Record<(typeof MAPS)[number], object>)[key] = copy;
    }
    this.ctx = ctx;
  }

  get now(): number {
    return this.ctx.now;
  }

  /** The FEEL scope in which to evaluate `text` (an expression or a template) now. */
  scopeFor(text: string): Record<string, unknown> {
    return feelScope(this.ctx, this.#idsIn?.(text), text);
  }

  /** The next deterministic id of this case, e.g. `c-1.t3`. */
  nextId(kind: 't' | 'tm' | 'a' | 'h' | 'n' | 's' | 'c'): string {
    this.ctx.seq += 1;
    return `${this.ctx.caseId}.${kind}${this.ctx.seq}`;
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  /** Queues a system message (no channel of its own) from `template` to each recipient. */
  notify(
    recipients: readonly string[],
    template: string,
    nodeId: string | null,
    data: Record<string, unknown>,
  ): void {
    for (const to of recipients) {
      this.emit({ type: 'notify', notifyId: this.nextId('n'), nodeId, to, template, channel: null, data });
    }
  }

  audit(type: string, data: Record<string, unknown> = {}, nodeId?: string): void {
    this.effects.push({
      type: 'audit',
      entry: nodeId === undefined ? { type, data } : { type, nodeId, data },
    });
  }

  scheduleTimer(at: number, purpose: TimerPurpose, nodeId: string | null, slaId: string | null): string {
    const timerId = this.nextId('tm');
    this.ctx.timers[timerId] = { at, purpose, nodeId, slaId };
    this.emit({ type: 'timer.schedule', timerId, at, purpose: slaId ? `${purpose}:${slaId}` : purpose });
    return timerId;
  }

  cancelTimer(timerId: string | null | undefined): void {
    if (!timerId || !this.ctx.timers[timerId]) return;
    delete this.ctx.timers[timerId];
    this.emit({ type: 'timer.cancel', timerId });
  }
}

/**
 * The FEEL scope of a case: case variables, then completed nodes by id (a node result wins
 * over a variable of the same name), then `case`, `customer` and `env`. With `referenced` (the
 * node ids the expression mentions), only those results are included: the expression cannot
 * name any other, and one result per completed node in every evaluation made long flows
 * quadratic.
 */
export function feelScope(
  ctx: CaseContext,
  referenced?: ReadonlySet<string>,
  text?: string,
): Record<string, unknown> {
  return {
    ...(text === undefined ? ctx.vars : varsIn(ctx.vars, text)),
    ...(referenced ? resultsOf(ctx.results, referenced) : ctx.results),
    case: {
      id: ctx.caseId,
      customerId: ctx.customerId,
      channel: ctx.channel,
      subject: ctx.subject,
      priority: ctx.priority,
      variables: ctx.vars,
    },
    customer: ctx.customer,
    env: ctx.env,
  };
}

/**
 * The variables whose names `text` contains: only those can be reached from it (evaluateFeel
 * keeps no others), and copying every variable for every expression made a step that sets N
 * variables cost O(N²).
 */
function varsIn(vars: CaseContext['vars'], text: string): CaseContext['vars'] {
  const picked: CaseContext['vars'] = {};
  for (const name in vars) if (text.includes(name)) picked[name] = vars[name];
  return picked;
}

function resultsOf(results: CaseContext['results'], ids: ReadonlySet<string>): CaseContext['results'] {
  const picked: CaseContext['results'] = {};
  for (const id of ids) if (Object.hasOwn(results, id)) picked[id] = results[id]!;
  return picked;
}

/** A display text with `{{FEEL}}` placeholders (task titles) rendered against the case. */
export function renderText(d: Draft, text: string): string {
  return text.includes('{{') ? String(renderTemplate(text, d.scopeFor(text), d.now) ?? '') : text;
}

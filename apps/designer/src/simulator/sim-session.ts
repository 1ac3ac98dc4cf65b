import {
  type CompiledFlow,
  compileFlow,
  ExpressionBudgetError,
  type SimCase,
  Simulator,
} from '@caseflow/engine';
import type { CaseView, Effect } from '@caseflow/schema';
import type { NodeOverlay } from '../editor/canvas-graph';
import type { FlowDoc } from '../editor/flow-document';

/** A message id of simulator.messages.ts with its values: worded by the panel in its language. */
export interface Phrase {
  id: string;
  values?: Record<string, string | number>;
  /** Values that name something of the flow or are a time, worded by the trace (trace-words.ts). */
  refs?: Record<string, RefKind>;
}

/** What a marked value of a phrase is. */
export type RefKind =
  | 'node'
  | 'task'
  | 'tier'
  | 'sla'
  | 'timer'
  | 'time'
  | 'duration'
  | 'status'
  | 'flow'
  | 'reason'
  | 'recipient'
  | 'template';

/** What a child case (of a subflow node) did during one step of the trace. */
export interface ChildTrace {
  caseId: string;
  flow: string;
  /** The subflow node of the parent that started it. */
  nodeId: string;
  effects: Effect[];
}

/** One action of the person running the simulation and the effects it produced. */
export interface TraceStep {
  /** Position in the trace, from 1. */
  seq: number;
  at: number;
  label: Phrase;
  /** Effects of the simulated case itself. */
  effects: Effect[];
  /** Effects of its child cases, one group per child, apart from the parent's. */
  children: ChildTrace[];
  error?: string;
}

/** What the case starts with in the simulator. */
export interface SimStart {
  variables?: Record<string, unknown>;
  customer?: Record<string, unknown>;
  channel?: 'email' | 'chat' | 'phone' | 'web' | 'sms' | 'whatsapp' | 'social' | 'api';
  now?: number;
}

/**
 * A simulation of one flow in the browser on the engine's in-memory Simulator: a virtual
 * clock, automatic approvers (three members of the group) and HTTP calls answered OK.
 * Every action is recorded with the effects it produced (of the case and its children).
 */
export class SimSession {
  readonly trace: TraceStep[] = [];
  readonly caseId: string;
  readonly started: number;
  /** The flow simulated and the child flows its subflow nodes run, by key. */
  readonly flows: ReadonlyMap<string, FlowDoc>;
  private readonly sim: Simulator;

  private constructor(doc: FlowDoc, input: SimStart, subflows: readonly FlowDoc[]) {
    const flows: Record<string, CompiledFlow> = {};
    // Child flows first, so the edited flow wins when it calls itself.
    for (const child of subflows) flows[child.key] = compileFlow(child);
    flows[doc.key] = compileFlow(doc);
    this.flows = new Map([...subflows.map((f) => [f.key, f] as const), [doc.key, doc]]);
    this.started = input.now ?? Date.UTC(2026, 0, 5, 9, 0, 0);
    this.sim = new Simulator({
      flows,
      now: this.started,
      http: () => ({ ok: true, status: 200, result: { simulated: true } }),
    });
    let id = '';
    this.record({ id: 'sim.step.opened' }, () => {
      id = this.sim.open(doc.key, {
        variables: input.variables ?? {},
        customer: input.customer ?? {},
        channel: input.channel ?? 'web',
        customerId: 'sim-customer',
      });
    });
    // A failing effect (e.g. a missing child flow) still leaves the case open: find it.
    this.caseId = id || ([...this.sim.cases.values()].find((c) => !c.parent)?.id ?? '');
    if (!this.caseId) throw new Error(this.trace[0]?.error ?? 'the case could not be opened');
  }

  /**
   * Compiles `doc` (and the child flows its subflow nodes run) and opens a simulated case;
   * throws EngineError when a flow cannot compile.
   */
  static start(doc: FlowDoc, input: SimStart = {}, subflows: readonly FlowDoc[] = []): SimSession {
    return new SimSession(doc, input, subflows);
  }

  get now(): number {
    return this.sim.now;
  }

  view(): CaseView {
    return this.sim.view(this.caseId);
  }

  /** Open tasks (and approval votes) of the case and its children. */
  openTasks() {
    return this.sim.tasks();
  }

  /** Signals some node of the case waits for now. */
  waitingSignals(): string[] {
    const ctx = this.sim.case(this.caseId).snapshot.context as {
      visits?: Record<string, { kind?: string; signal?: string }>;
    };
    return [
      ...new Set(
        Object.values(ctx.visits ?? {})
          .filter((v) => v.kind === 'wait' && v.signal)
          .map((v) => v.signal!),
      ),
    ];
  }

  /** The case's SLA clocks, each with what it counts for: a case SLA's id or the node of a task or approval. */
  slaClocks(): Array<CaseView['slas'][number] & { defId: string }> {
    const ctx = this.sim.case(this.caseId).snapshot.context as {
      slas?: Record<string, { defId?: string }>;
    };
    return this.view().slas.map((s) => ({ ...s, defId: ctx.slas?.[s.slaId]?.defId ?? s.slaId }));
  }

  pendingTimers() {
    return this.sim.pendingTimers().sort((a, b) => a.at - b.at);
  }

  complete(taskId: string, outcome: string, values: Record<string, unknown> = {}): void {
    this.record({ id: 'sim.step.completed', values: { task: taskId, outcome }, refs: { task: 'task' } }, () =>
      this.sim.complete(taskId, outcome, values, 'simulator'),
    );
  }

  escalate(taskId: string, reason: string): void {
    this.record({ id: 'sim.step.escalated', values: { task: taskId }, refs: { task: 'task' } }, () =>
      this.sim.escalate(taskId, reason),
    );
  }

  signal(name: string): void {
    this.record({ id: 'sim.step.signal', values: { signal: name } }, () =>
      this.sim.signal(this.caseId, name),
    );
  }

  caseEvent(name: string): void {
    const label: Phrase =
      name === 'case.firstResponse'
        ? { id: 'sim.step.firstResponse' }
        : { id: 'sim.step.caseEvent', values: { event: name } };
    this.record(label, () => this.sim.send(this.caseId, { type: 'case.event', name }));
  }

  /** Moves the virtual clock by an ISO-8601 duration, firing timers and SLA clocks that fall due. */
  advance(by: string): void {
    this.record({ id: 'sim.step.clock', values: { by }, refs: { by: 'duration' } }, () =>
      this.sim.advance(by),
    );
  }

  /** Highlights for the canvas: active nodes, and nodes the case went through (`breached` notes a breach). */
  overlays(breached = 'SLA breached'): Record<string, NodeOverlay> {
    const out: Record<string, NodeOverlay> = {};
    for (const step of this.trace) {
      for (const e of step.effects) {
        if (e.type === 'audit' && e.entry.type === 'node.entered' && e.entry.nodeId)
          out[e.entry.nodeId] = { visited: true };
      }
    }
    const view = this.view();
    for (const id of view.activeNodes) out[id] = { active: true };
    for (const sla of view.slas) {
      if (sla.status === 'breached' && sla.taskId) {
        const task = view.openTasks.find((t) => t.taskId === sla.taskId);
        if (task) out[task.nodeId] = { active: true, note: breached };
      }
    }
    return out;
  }

  private record(label: Phrase, action: () => unknown): void {
    const before = new Map([...this.sim.cases].map(([id, c]) => [id, c.effects.length]));
    const at = this.sim.now;
    let error: string | undefined;
    try {
      action();
    } catch (e) {
      // An expression over its budget stops at once; say which node ran it.
      error =
        e instanceof ExpressionBudgetError && e.nodeId
          ? `${e.message} (node "${e.nodeId}")`
          : (e as Error).message;
    }
    const fresh = (c: SimCase) => c.effects.slice(before.get(c.id) ?? 0);
    // The case opening is recorded before its id is known: the case without a parent is it.
    const own = [...this.sim.cases.values()].find((c) => c.id === this.caseId || (!this.caseId && !c.parent));
    const children: ChildTrace[] = [];
    for (const c of this.sim.cases.values()) {
      if (c === own || !c.parent) continue;
      const effects = fresh(c);
      if (effects.length === 0) continue;
      const started = this.sim.cases
        .get(c.parent.caseId)
        ?.effects.find((e) => e.type === 'subflow.start' && e.childId === c.id);
      children.push({
        caseId: c.id,
        flow: c.flow,
        nodeId: started?.type === 'subflow.start' ? started.nodeId : c.parent.childId,
        effects,
      });
    }
    this.trace.push({
      seq: this.trace.length + 1,
      at,
      label,
      effects: own ? fresh(own) : [],
      children,
      ...(error ? { error } : {}),
    });
  }
}

/**
 * A one-line description of an effect for the trace, as a phrase to word. Values that name
 * something (a node, a task, a tier, an SLA, a timer) or are a time, a duration or a status
 * are marked in `refs`: the trace words them by name in the reader's language. Pure.
 */
export function describeEffect(e: Effect): Phrase {
  switch (e.type) {
    case 'task.create': {
      // A tier's work carries its group too: the tier's name says more.
      const { assignee, group, tier, title } = e.task;
      if (assignee) return { id: 'sim.fx.taskCreate', values: { title, who: assignee } };
      if (tier) return { id: 'sim.fx.taskCreate', values: { title, who: tier }, refs: { who: 'tier' } };
      return group
        ? { id: 'sim.fx.taskCreate', values: { title, who: group } }
        : { id: 'sim.fx.taskCreateAnyone', values: { title } };
    }
    case 'task.cancel':
      return {
        id: 'sim.fx.taskCancel',
        values: { task: e.taskId, reason: e.reason },
        refs: { task: 'task' },
      };
    case 'task.escalate':
      return {
        id: 'sim.fx.taskEscalate',
        values: { task: e.taskId, from: e.fromTier ?? '—', to: e.toTier ?? '—', reason: e.reason },
        refs: { task: 'task', from: 'tier', to: 'tier', reason: 'reason' },
      };
    case 'approval.request':
      return {
        id: 'sim.fx.approval',
        values: { node: e.nodeId, who: e.group ?? e.users.join(', '), policy: e.policy.kind },
        refs: { node: 'node' },
      };
    case 'timer.schedule':
      return {
        id: 'sim.fx.timer',
        values: { timer: e.timerId, at: e.at },
        refs: { timer: 'timer', at: 'time' },
      };
    case 'timer.cancel':
      return { id: 'sim.fx.timerCancel', values: { timer: e.timerId }, refs: { timer: 'timer' } };
    case 'sla.start':
      return {
        id: 'sim.fx.slaStart',
        values: { sla: e.slaId, due: e.dueAt },
        refs: { sla: 'sla', due: 'time' },
      };
    case 'sla.pause':
      return { id: 'sim.fx.slaPause', values: { sla: e.slaId }, refs: { sla: 'sla' } };
    case 'sla.resume':
      return { id: 'sim.fx.slaResume', values: { sla: e.slaId }, refs: { sla: 'sla' } };
    case 'sla.warning':
      return {
        id: 'sim.fx.slaWarning',
        values: { sla: e.slaId, percent: Math.round(e.fraction * 100) },
        refs: { sla: 'sla' },
      };
    case 'sla.breach':
      return { id: 'sim.fx.slaBreach', values: { sla: e.slaId }, refs: { sla: 'sla' } };
    case 'sla.stop':
      return {
        id: 'sim.fx.slaStop',
        values: { sla: e.slaId, status: e.status },
        refs: { sla: 'sla', status: 'status' },
      };
    case 'http.call':
      return e.connection !== undefined
        ? {
            id: 'sim.fx.httpConnection',
            values: { connection: e.connection, method: e.method, path: e.path ?? '/' },
          }
        : { id: 'sim.fx.http', values: { method: e.method, url: e.url ?? '' } };
    case 'notify':
      return {
        id: 'sim.fx.notify',
        values: { to: e.to, template: e.template },
        refs: { to: 'recipient', template: 'template' },
      };
    case 'survey.send':
      return { id: 'sim.fx.survey', values: { kind: e.kind.toUpperCase(), to: e.to } };
    case 'subflow.start':
      return { id: 'sim.fx.subflow', values: { flow: e.flow }, refs: { flow: 'flow' } };
    case 'customer.update':
      return { id: 'sim.fx.customer' };
    case 'variables.set':
      return { id: 'sim.fx.variables', values: { names: Object.keys(e.values).join(', ') } };
    case 'case.close':
      return { id: 'sim.fx.close', values: { outcome: e.outcome }, refs: { outcome: 'status' } };
    case 'audit':
      return describeAudit(e.entry);
  }
}

/** The engine's own record of a step: entering and leaving nodes, completing tasks, votes. Pure. */
function describeAudit(entry: Extract<Effect, { type: 'audit' }>['entry']): Phrase {
  const node = entry.nodeId ?? '';
  const data = (entry.data ?? {}) as { outcome?: unknown; vote?: unknown };
  switch (entry.type) {
    case 'node.entered':
      return { id: 'sim.fx.entered', values: { node }, refs: { node: 'node' } };
    case 'node.left':
      return { id: 'sim.fx.left', values: { node }, refs: { node: 'node' } };
    case 'task.completed':
      return {
        id: 'sim.fx.taskCompleted',
        values: { node, outcome: String(data.outcome ?? '') },
        refs: { node: 'node' },
      };
    case 'case.opened':
      return { id: 'sim.fx.caseOpened' };
    default:
      return { id: 'sim.fx.audit', values: { type: entry.type, node }, refs: { node: 'node' } };
  }
}

/** Keys of the flows that subflow nodes of `doc` start, other than `doc` itself. Pure. */
export function subflowKeys(doc: FlowDoc): string[] {
  const keys = doc.nodes.flatMap((n) => (n.type === 'subflow' && n.flow !== doc.key ? [n.flow] : []));
  return [...new Set(keys)];
}

import type { BusinessCalendar, CaseSla, FlowDefinitionInput } from '@caseflow/schema';
import fc from 'fast-check';

/**
 * Random valid flows for property tests and benchmarks. A flow is grown from blocks that each
 * have one entry and a set of open exits (edges still missing their target): a block is a
 * task, approval, decision, wait, timer, notify, survey, action or subflow node, or a
 * structured parallel fork/join whose branches are chains of blocks again. Exits either
 * continue to the next block or go to an end node, so every node is reachable, every node
 * reaches an end, and every fork meets its own join: the result is valid by construction.
 */

type NodeIn = FlowDefinitionInput['nodes'][number];
type EdgeIn = NonNullable<FlowDefinitionInput['edges']>[number];
/** A node without its id (distributive, so each node type keeps its own fields). */
type NodeBody = NodeIn extends infer N ? (N extends unknown ? Omit<N, 'id'> : never) : never;
/** An edge waiting for its target. */
type Exit = Omit<EdgeIn, 'to'>;

/** Key of the subflow every generated `subflow` node starts; load CHILD_FLOW beside the flow. */
export const CHILD_FLOW_KEY = 'gen-child';

/** The child flow of generated subflow nodes: a task decides its result ("ok" or "failed"). */
export const CHILD_FLOW: FlowDefinitionInput = {
  key: CHILD_FLOW_KEY,
  name: 'Generated child',
  kind: 'subflow',
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'subflow' } },
    { id: 'check', type: 'task', title: 'Check', outcomes: ['ok', 'bad'] },
    { id: 'mark', type: 'action', action: { kind: 'set', values: { result: '"ok"' } } },
    { id: 'done', type: 'end', outcome: 'resolved' },
    { id: 'failed', type: 'end', outcome: 'failed' },
  ],
  edges: [
    { from: 'start', to: 'check' },
    { from: 'check', to: 'mark', on: 'ok' },
    { from: 'check', to: 'failed', on: 'bad' },
    { from: 'mark', to: 'done' },
  ],
};

/** Key of the business calendar generated flows may run their SLAs and timers on. */
export const GEN_CALENDAR_KEY = 'gen-business';

/** Office hours in Berlin with a holiday: compile generated flows with it (`calendars`). */
export const GEN_CALENDAR: BusinessCalendar = {
  key: GEN_CALENDAR_KEY,
  name: 'Generated business hours',
  timeZone: 'Europe/Berlin',
  hours: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({
    day: day as BusinessCalendar['hours'][number]['day'],
    start: '09:00',
    end: '17:00',
  })),
  holidays: [{ date: '2026-01-06', name: 'Heilige Drei Könige' }],
};

/** Signals generated wait nodes listen for. */
export const SIGNALS = ['customer-replied', 'alert-cleared', 'docs-received'] as const;
/** Case variables the generated FEEL conditions read: open cases with values for them. */
export const VARIABLE_NAMES = ['amount', 'vip', 'region'] as const;

const OUTCOMES = ['done', 'resolved', 'more-info', 'refer', 'declined'];
const CONDITIONS = [
  'amount > 100',
  'vip = true',
  'region = "eu"',
  'case.priority = "high"',
  'amount > 50 and vip',
  'score != null and score > 120',
];
const DURATIONS = ['PT5M', 'PT30M', 'PT1H', 'PT4H', 'P1D'];

/** A small deterministic PRNG (mulberry32): the same seed always grows the same flow. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class FlowGrower {
  readonly nodes: NodeIn[] = [];
  readonly edges: EdgeIn[] = [];
  readonly waits: string[] = [];
  readonly ends: string[] = [];
  /** Nodes outside every parallel block that a loop may go back to. */
  private readonly loopTargets: string[] = [];
  private inParallel = 0;
  private count = 0;

  constructor(
    private readonly rnd: () => number,
    private readonly budget: number,
    private readonly loops: boolean,
  ) {}

  chance = (p: number) => this.rnd() < p;
  int = (lo: number, hi: number) => lo + Math.floor(this.rnd() * (hi - lo + 1));
  pick = <T>(items: readonly T[]): T => items[Math.floor(this.rnd() * items.length)]!;
  /** `n` distinct items in random order (Fisher–Yates on a copy). */
  some = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.rnd() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  full = () => this.nodes.length >= this.budget;

  /** Ids have no dashes so FEEL conditions can read a node's result as `t3.outcome`. */
  add(prefix: string, node: NodeBody): string {
    this.count += 1;
    const id = `${prefix}${this.count}`;
    this.nodes.push({ id, ...node } as NodeIn);
    if (this.inParallel === 0 && !['start', 'end', 'join'].includes(node.type)) this.loopTargets.push(id);
    return id;
  }

  connect(exits: readonly Exit[], to: string): void {
    for (const exit of exits) this.edges.push({ ...exit, to });
  }

  end(outcome: 'resolved' | 'cancelled' | 'rejected' | 'failed'): string {
    const id = this.add('end', { type: 'end', outcome });
    this.ends.push(id);
    return id;
  }

  /** An exit that leaves now for a fresh end node, or stays open to continue. */
  maybeEnd(exit: Exit, outcome: 'resolved' | 'rejected' | 'failed', p: number, open: Exit[]): void {
    if (this.chance(p)) this.connect([exit], this.end(outcome));
    else open.push(exit);
  }

  /** Blocks in a row from `exits`; answers the exits still open after the last one. */
  chain(exits: Exit[], depth: number, blocks: number): Exit[] {
    let open = exits;
    for (let i = 0; i < blocks || (depth === 0 && !this.full()); i++) {
      if (depth > 0 && this.full()) break;
      open = this.block(open, depth);
    }
    return open;
  }

  private block(into: Exit[], depth: number): Exit[] {
    const kinds = ['task', 'task', 'approval', 'decision', 'wait', 'timer', 'notify', 'survey', 'set'];
    kinds.push('http', 'subflow', 'customer');
    if (depth < 2) kinds.push('parallel', 'parallel');
    const kind = this.pick(kinds);
    if (kind === 'parallel') return this.parallel(into, depth);
    if (kind === 'decision') return this.decision(into, depth);
    const open: Exit[] = [];
    const id = this.leaf(kind, open);
    this.connect(into, id);
    return open;
  }

  private sla(outcomeEdge: (on: string) => void) {
    if (!this.chance(0.4)) return undefined;
    const onBreach = this.pick(['escalate', 'notify', 'edge'] as const);
    if (onBreach === 'edge') outcomeEdge('sla-breached');
    return {
      target: this.pick(DURATIONS),
      ...(this.chance(0.2) ? { calendar: this.pick([GEN_CALENDAR_KEY, '24x7']) } : {}),
      onBreach,
      warnAt: this.chance(0.5) ? [0.5] : [],
      ...(onBreach === 'notify' && this.chance(0.5) ? { notify: ['group:supervisors'] } : {}),
    };
  }

  /** Creates a single node of `kind`, pushing its exits (and edges to ends) as it goes. */
  private leaf(kind: string, open: Exit[]): string {
    const later: Array<(id: string) => void> = [];
    const id = this.add(kind.slice(0, 2), this.nodeOf(kind, later, open));
    for (const wire of later) wire(id);
    return id;
  }

  private nodeOf(kind: string, later: Array<(id: string) => void>, open: Exit[]): NodeBody {
    const exit = (on?: string, endP = 0, outcome: 'resolved' | 'rejected' | 'failed' = 'resolved') =>
      later.push((from) => this.maybeEnd(on ? { from, on } : { from }, outcome, endP, open));
    switch (kind) {
      case 'task': {
        const outcomes = this.some(OUTCOMES, this.int(1, 3));
        for (const [i, o] of outcomes.entries()) {
          // Rework: another outcome may loop back to an earlier step (or the task itself).
          if (i > 0 && this.loops && this.inParallel === 0 && this.chance(0.2)) this.loopBack(later, o);
          else exit(o, i === 0 ? 0 : 0.3, o === 'declined' ? 'rejected' : 'resolved');
        }
        const sla = this.sla((on) => exit(on, 0.3, 'failed'));
        const assign = this.pick([{ tier: 'L1' }, { tier: 'L2' }, { group: 'agents' }, { user: 'ann' }, {}]);
        return { type: 'task', title: 'Task {{case.subject}}', assign, outcomes, ...(sla ? { sla } : {}) };
      }
      case 'approval': {
        const policy = this.pick([
          { kind: 'any' },
          { kind: 'all' },
          { kind: 'first' },
          { kind: 'quorum', count: this.int(1, 3) },
        ] as const);
        const approvers = this.chance(0.5) ? { group: 'managers' } : { users: ['ann', 'bob'] };
        exit('approved');
        exit('rejected', 0.5, 'rejected');
        const timeout = this.chance(0.4) ? this.pick(DURATIONS) : undefined;
        if (timeout) exit('timeout', 0.3, 'failed');
        const sla = this.sla((on) => exit(on, 0.3, 'failed'));
        return {
          type: 'approval',
          approvers,
          policy,
          ...(timeout ? { timeout } : {}),
          ...(sla ? { sla } : {}),
        };
      }
      case 'wait': {
        const signal = this.pick(SIGNALS);
        exit(signal);
        const timeout = this.chance(0.6) ? this.pick(DURATIONS) : undefined;
        if (timeout) exit('timeout', 0.3, 'failed');
        later.push((id) => this.waits.push(id));
        return { type: 'wait', signal, ...(timeout ? { timeout } : {}) };
      }
      case 'timer':
        exit();
        return this.chance(0.7)
          ? {
              type: 'timer',
              duration: this.pick(DURATIONS),
              ...(this.chance(0.3) ? { calendar: GEN_CALENDAR_KEY } : {}),
            }
          : { type: 'timer', until: 'now() + duration("PT2H")' };
      case 'notify':
        exit();
        return { type: 'notify', to: 'customer', template: 'update', data: { amount: 'amount' } };
      case 'survey':
        exit();
        return { type: 'survey', survey: this.pick(['csat', 'nps', 'ces'] as const) };
      case 'set':
        exit();
        return { type: 'action', action: { kind: 'set', values: { score: 'amount * 2', seen: 'true' } } };
      case 'customer':
        exit();
        return {
          type: 'action',
          action: { kind: 'customer', attributes: { vip: 'vip' }, addTags: ['watch'] },
        };
      case 'http':
        exit();
        if (this.chance(0.6)) exit('error', 0.5, 'failed');
        return {
          type: 'action',
          action: {
            kind: 'http',
            method: 'POST',
            url: 'https://api.test/cases/{{case.id}}',
            body: { a: '{{amount}}' },
          },
        };
      default:
        exit();
        return { type: 'subflow', flow: CHILD_FLOW_KEY, input: { amount: 'amount' } };
    }
  }

  /** Wires outcome `on` of the node being built back to an earlier top-level node. */
  private loopBack(later: Array<(id: string) => void>, on: string): void {
    later.push((from) => this.edges.push({ from, on, to: this.pick(this.loopTargets) }));
  }

  private decision(into: Exit[], depth: number): Exit[] {
    const id = this.add('de', { type: 'decision' });
    this.connect(into, id);
    const conditions = this.some(CONDITIONS, this.int(1, 3));
    const arms: Exit[] = [...conditions.map((when) => ({ from: id, when })), { from: id, default: true }];
    const open: Exit[] = [];
    for (const arm of arms) {
      const r = this.rnd();
      // The default arm never ends at once, so the decision always leaves a way on.
      if (r < 0.15 && !arm.default)
        this.connect([arm], this.end(this.pick(['resolved', 'rejected', 'cancelled'] as const)));
      else if (r < 0.55 && !this.full()) open.push(...this.chain([arm], depth + 1, this.int(1, 2)));
      else open.push(arm);
    }
    return open;
  }

  private parallel(into: Exit[], depth: number): Exit[] {
    const fork = this.add('pa', { type: 'parallel' });
    this.connect(into, fork);
    const branches = this.int(2, 3);
    const ends: Exit[] = [];
    this.inParallel += 1;
    for (let i = 0; i < branches; i++) {
      // One branch may be empty: the fork goes straight to the join.
      const blocks = i === 0 ? this.int(1, 3) : this.int(0, 2);
      ends.push(...this.chain([{ from: fork }], depth + 1, blocks));
    }
    this.inParallel -= 1;
    const join = this.add('jo', { type: 'join' });
    this.connect(ends, join);
    return [{ from: join }];
  }
}

export interface GenerateOptions {
  /** Case SLAs (response and resolution clocks); default true. */
  caseSlas?: boolean;
  /** Task outcomes that loop back to an earlier step outside parallel blocks; default true. */
  loops?: boolean;
}

/**
 * A deterministic valid flow of about `nodeCount` nodes (at least a start, one block and an
 * end) grown from `seed`. The same arguments always give the same definition.
 */
export function generateFlow(
  nodeCount: number,
  seed: number,
  options: GenerateOptions = {},
): FlowDefinitionInput {
  const rnd = prng(seed);
  const g = new FlowGrower(rnd, nodeCount, options.loops !== false);
  const start = g.add('st', { type: 'start', trigger: { kind: 'case' } });
  const open = g.chain([{ from: start }], 0, 1);
  g.connect(open, g.end('resolved'));
  const slas: Array<Partial<CaseSla> & Pick<CaseSla, 'id' | 'target'>> = [];
  if (options.caseSlas !== false && g.chance(0.7)) {
    slas.push({
      id: 'response',
      target: 'PT1H',
      start: { event: 'case.opened' },
      stop: { event: 'case.firstResponse' },
      warnAt: [0.5],
      onBreach: { escalate: true, notify: ['group:supervisors'] },
    });
    slas.push({
      id: 'resolution',
      target: g.pick(['PT8H', 'P2D']),
      start: { event: 'case.opened' },
      stop: { atNodes: [...g.ends] },
      ...(g.waits.length > 0 ? { pause: { atNodes: [...g.waits] } } : {}),
      warnAt: [0.5, 0.8],
      onBreach: { escalate: g.chance(0.5), notify: [] },
    });
  }
  const calendar = g.chance(0.4) ? GEN_CALENDAR_KEY : '24x7';
  return {
    key: `gen-${seed >>> 0}`,
    name: `Generated flow ${seed >>> 0}`,
    kind: 'case',
    tiers: [
      { id: 'L1', name: 'Service desk', group: 'service-desk', mode: 'router' },
      { id: 'L2', name: 'Specialists', group: 'specialists' },
      { id: 'L3', name: 'Experts', group: 'experts' },
    ],
    calendar,
    slas: slas as FlowDefinitionInput['slas'],
    nodes: g.nodes,
    edges: g.edges,
  };
}

/**
 * fast-check arbitrary of valid flows of 2–`maxNodes` nodes. Each value is grown from a
 * (size, seed) pair, so fast-check shrinks a failing flow towards fewer nodes.
 */
export function flowArbitrary(maxNodes = 30): fc.Arbitrary<FlowDefinitionInput> {
  return fc
    .record({ size: fc.integer({ min: 2, max: maxNodes }), seed: fc.integer() })
    .map(({ size, seed }) => generateFlow(size, seed));
}

/**
 * A flow of `length` automated `set` nodes in a row between start and end: opening a case runs
 * all of them in one step. Each adds 1 to `count`; with `readPrevious`, each reads the previous
 * node's result instead (a distinct expression per node). For benchmarks and tests of long flows.
 */
export function chainFlow(length: number, readPrevious = false): FlowDefinitionInput {
  const nodes: NodeIn[] = [{ id: 'start', type: 'start', trigger: { kind: 'case' } }];
  const edges: EdgeIn[] = [];
  let previous = 'start';
  for (let i = 0; i < length; i++) {
    const id = `step-${i}`;
    const count = i === 0 ? '1' : readPrevious ? `${previous}.count + 1` : 'count + 1';
    nodes.push({ id, type: 'action', action: { kind: 'set', values: { count } } });
    edges.push({ from: previous, to: id });
    previous = id;
  }
  nodes.push({ id: 'done', type: 'end', outcome: 'resolved' });
  edges.push({ from: previous, to: 'done' });
  return { key: `chain-${length}`, name: `Chain of ${length}`, nodes, edges };
}

import type { Edge, FlowDefinition, FlowNode } from '@caseflow/schema';

/** Adjacency of a flow: nodes by id and edges by endpoint, in definition order. */
export interface FlowGraph {
  byId: Map<string, FlowNode>;
  outgoing: Map<string, Edge[]>;
  incoming: Map<string, Edge[]>;
  start: FlowNode | undefined;
}

/** Builds the adjacency maps of a flow. Edges to or from unknown nodes are left out. Pure. */
export function flowGraph(def: Pick<FlowDefinition, 'nodes' | 'edges'>): FlowGraph {
  const byId = new Map<string, FlowNode>();
  const outgoing = new Map<string, Edge[]>();
  const incoming = new Map<string, Edge[]>();
  for (const node of def.nodes) {
    if (byId.has(node.id)) continue;
    byId.set(node.id, node);
    outgoing.set(node.id, []);
    incoming.set(node.id, []);
  }
  for (const edge of def.edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to)) continue;
    outgoing.get(edge.from)?.push(edge);
    incoming.get(edge.to)?.push(edge);
  }
  return { byId, outgoing, incoming, start: def.nodes.find((n) => n.type === 'start') };
}

/** Ids reachable from `from` (included) following edges forwards. */
export function reachableFrom(graph: FlowGraph, from: string): Set<string> {
  return walk(from, (id) => graph.outgoing.get(id)?.map((e) => e.to) ?? []);
}

/** Ids from which `to` (included) can be reached. */
export function reachingTo(graph: FlowGraph, to: string): Set<string> {
  return walk(to, (id) => graph.incoming.get(id)?.map((e) => e.from) ?? []);
}

function walk(first: string, next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>([first]);
  const queue = [first];
  for (let i = 0; i < queue.length; i++) {
    for (const id of next(queue[i]!)) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}

/**
 * A structured parallel block: `fork` (a parallel node) starts one branch per outgoing edge;
 * every branch runs until it reaches `join`. `branches[i]` holds the nodes that belong to the
 * i-th branch itself (nested forks appear as their fork node; their inner nodes belong to
 * the nested region), in discovery order. End nodes never belong to a branch: reaching one
 * ends the whole case.
 */
export interface ForkRegion {
  fork: string;
  join: string;
  branches: string[][];
}

export interface ForkJoinProblem {
  code: 'join-without-fork' | 'fork-without-join';
  nodeId: string;
  message: string;
}

export interface ForkJoinStructure {
  regions: Map<string, ForkRegion>;
  /** The innermost region (fork id, branch index) each node belongs to; absent = top level. */
  scopeOf: Map<string, { fork: string; branch: number }>;
  problems: ForkJoinProblem[];
}

/**
 * Matches every parallel node with the join where all its branches meet, and assigns each
 * node to exactly one scope. A branch that meets another branch before the join, a fork whose
 * branches reach different joins (or none), and a join no fork leads to are problems. Pure.
 *
 *   start → fork ─┬→ a → b ─┬→ join → end
 *                 └→ c ─────┘
 *   regions: fork → { join, branches: [[a, b], [c]] }
 */
export function matchForkJoin(def: Pick<FlowDefinition, 'nodes' | 'edges'>): ForkJoinStructure {
  const graph = flowGraph(def);
  const regions = new Map<string, ForkRegion>();
  const scopeOf = new Map<string, { fork: string; branch: number }>();
  const problems: ForkJoinProblem[] = [];
  const failed = new Set<string>();
  const inProgress = new Set<string>();

  const typeOf = (id: string) => graph.byId.get(id)?.type;

  /** Follows a branch from `first` until joins; answers the joins reached and the members. */
  const followBranch = (first: string): { joins: Set<string>; members: string[] } => {
    const joins = new Set<string>();
    const members: string[] = [];
    const seen = new Set<string>();
    const queue = [first];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      if (seen.has(id)) continue;
      seen.add(id);
      const type = typeOf(id);
      if (type === 'join') {
        joins.add(id);
        continue;
      }
      if (type === 'end' || type === undefined) continue;
      members.push(id);
      if (type === 'parallel') {
        const nested = resolve(id);
        if (!nested) continue;
        for (const edge of graph.outgoing.get(nested.join) ?? []) queue.push(edge.to);
        continue;
      }
      for (const edge of graph.outgoing.get(id) ?? []) queue.push(edge.to);
    }
    return { joins, members };
  };

  const resolve = (fork: string): ForkRegion | undefined => {
    const known = regions.get(fork);
    if (known) return known;
    if (failed.has(fork) || inProgress.has(fork)) return undefined;
    inProgress.add(fork);
    const branches = (graph.outgoing.get(fork) ?? []).map((edge) => followBranch(edge.to));
    inProgress.delete(fork);
    const reached = new Set(branches.flatMap((b) => [...b.joins]));
    const join = reached.size === 1 ? [...reached][0] : undefined;
    const fail = (message: string) => {
      failed.add(fork);
      problems.push({ code: 'fork-without-join', nodeId: fork, message });
      return undefined;
    };
    if (branches.length < 2) return fail(`parallel "${fork}" needs at least two outgoing branches`);
    if (join === undefined) {
      return fail(
        reached.size === 0
          ? `the branches of parallel "${fork}" never reach a join`
          : `the branches of parallel "${fork}" reach different joins (${[...reached].join(', ')})`,
      );
    }
    const owner = new Map<string, number>();
    for (const [i, branch] of branches.entries()) {
      if (branch.joins.size === 0) continue;
      for (const id of branch.members) {
        const other = owner.get(id);
        if (other !== undefined && other !== i) {
          return fail(
            `branches ${other + 1} and ${i + 1} of parallel "${fork}" meet at "${id}" before the join`,
          );
        }
        owner.set(id, i);
      }
    }
    const region: ForkRegion = { fork, join, branches: branches.map((b) => b.members) };
    regions.set(fork, region);
    return region;
  };

  for (const node of def.nodes) if (node.type === 'parallel') resolve(node.id);

  // Branch members are disjoint across regions (a nested block's inner nodes belong to the
  // nested region only), so each node has exactly one innermost scope.
  for (const region of regions.values()) {
    for (const [branch, members] of region.branches.entries()) {
      for (const id of members) if (!scopeOf.has(id)) scopeOf.set(id, { fork: region.fork, branch });
    }
  }

  const matchedJoins = new Set([...regions.values()].map((r) => r.join));
  for (const node of def.nodes) {
    if (node.type === 'join' && !matchedJoins.has(node.id)) {
      problems.push({
        code: 'join-without-fork',
        nodeId: node.id,
        message: `join "${node.id}" is not the meeting point of any parallel node`,
      });
    }
  }
  return { regions, scopeOf, problems };
}

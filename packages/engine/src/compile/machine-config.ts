import type { Edge, FlowDefinition, FlowNode } from '@caseflow/schema';
import { type ForkJoinStructure, flowGraph } from '../flow-graph';

/**
 * Turns a flow into a plain-JSON XState config. Every node becomes a state whose `id` is the
 * node id, so an edge is always the transition `#<to>`; work is done by named actions and
 * guards with params (`{ type: 'enter', params: { node } }`), implemented in machine-logic.
 * A parallel node becomes a parallel state with one region per branch; each region ends in
 * a final state `#<join>~<i>`, and the join's edge is the parallel state's onDone.
 */
type Json = Record<string, unknown>;

export const CANCELLED = '~cancelled';
export const FAILED = '~failed';
export const BOOT = '~boot';

export function machineConfig(def: FlowDefinition, structure: ForkJoinStructure): Json {
  const graph = flowGraph(def);
  const forkOfJoin = new Map([...structure.regions.values()].map((r) => [r.join, r.fork]));
  const edgesFrom = (id: string) => graph.outgoing.get(id) ?? [];
  const plain = (id: string) => edgesFrom(id).find((e) => !e.on && !e.when && !e.default) ?? edgesFrom(id)[0];
  const on = (id: string, name: string) => edgesFrom(id).filter((e) => e.on === name);

  const target = (from: string, to: string): string => {
    if (graph.byId.get(to)?.type !== 'join') return `#${to}`;
    // A nested join is not a state: its edge leaves from the scope of its parallel node.
    const scope = structure.scopeOf.get(forkOfJoin.get(from) ?? from);
    return scope ? `#${to}~${scope.branch}` : `#${to}`;
  };

  // A loop back to the same node must leave and enter it again (a fresh task, timer...).
  const go = (edge: Edge | undefined, extra: Json = {}): Json | undefined =>
    edge
      ? { target: target(edge.from, edge.to), ...(edge.from === edge.to ? { reenter: true } : {}), ...extra }
      : undefined;
  const byTimer = (id: string, guard: string, name: string): Json[] =>
    on(id, name).map((e) => ({ target: target(id, e.to), guard: { type: guard, params: { node: id } } }));

  const stateOf = (node: FlowNode): Json => {
    const base: Json = {
      id: node.id,
      entry: [{ type: 'enter', params: { node: node.id } }],
      exit: [{ type: 'leave', params: { node: node.id } }],
    };
    const id = node.id;
    switch (node.type) {
      case 'start':
      case 'notify':
      case 'survey':
        return { ...base, always: go(plain(id)) };
      case 'end':
        return { id, type: 'final', entry: base.entry };
      case 'action': {
        if (node.action.kind !== 'http') return { ...base, always: go(plain(id)) };
        const ok = edgesFrom(id).find((e) => e.on !== 'error');
        const error = on(id, 'error')[0];
        const outcome = (succeeded: boolean) => ({
          guard: { type: 'httpResult', params: { node: id, ok: succeeded } },
        });
        return {
          ...base,
          on: {
            'http.result': [
              go(ok, outcome(true)),
              error ? go(error, outcome(false)) : { target: `#${FAILED}`, ...outcome(false) },
            ].filter(Boolean),
          },
        };
      }
      case 'decision': {
        const branches = edgesFrom(id).filter((e) => e.when && !e.default);
        const fallback = edgesFrom(id).find((e) => e.default);
        return {
          ...base,
          always: [
            ...branches.map((e) => go(e, { guard: { type: 'when', params: { expr: e.when, node: id } } })),
            ...(fallback ? [go(fallback)] : []),
          ],
        };
      }
      case 'task':
        return {
          ...base,
          on: {
            'task.complete': node.outcomes.flatMap((outcome) =>
              on(id, outcome).map((e) =>
                go(e, { guard: { type: 'outcome', params: { node: id, outcome } } }),
              ),
            ),
            'task.escalate': {
              guard: { type: 'ownsTask', params: { node: id } },
              actions: [{ type: 'escalate', params: { node: id } }],
            },
            'timer.fire': byTimer(id, 'breachTimer', 'sla-breached'),
          },
        };
      case 'approval':
        return {
          ...base,
          on: {
            'approval.assigned': [
              ...on(id, 'rejected').map((e) =>
                go(e, { guard: { type: 'assignRejects', params: { node: id } } }),
              ),
              {
                guard: { type: 'ownsApproval', params: { node: id } },
                actions: [{ type: 'assign', params: { node: id } }],
              },
            ],
            'approval.vote': [
              ...(['approved', 'rejected'] as const).flatMap((decision) =>
                on(id, decision).map((e) =>
                  go(e, { guard: { type: 'decides', params: { node: id, decision } } }),
                ),
              ),
              {
                guard: { type: 'votesHere', params: { node: id } },
                actions: [{ type: 'vote', params: { node: id } }],
              },
            ],
            'timer.fire': [
              ...byTimer(id, 'visitTimer', 'timeout'),
              ...byTimer(id, 'breachTimer', 'sla-breached'),
            ],
          },
        };
      case 'wait':
        return {
          ...base,
          on: {
            signal: on(id, node.signal).map((e) =>
              go(e, { guard: { type: 'signal', params: { node: id } } }),
            ),
            'timer.fire': byTimer(id, 'visitTimer', 'timeout'),
          },
        };
      case 'timer':
        return {
          ...base,
          on: { 'timer.fire': [go(plain(id), { guard: { type: 'visitTimer', params: { node: id } } })] },
        };
      case 'subflow':
        return {
          ...base,
          on: { 'subflow.done': [go(plain(id), { guard: { type: 'child', params: { node: id } } })] },
        };
      case 'parallel':
        return parallelState(node.id, base);
      case 'join':
        // Joins are not states: they are the onDone of their parallel state.
        return base;
    }
  };

  const parallelState = (fork: string, base: Json): Json => {
    const region = structure.regions.get(fork);
    if (!region) throw new Error(`parallel "${fork}" has no matching join`);
    const regions: Json = {};
    edgesFrom(fork).forEach((edge, i) => {
      const states: Json = {};
      for (const member of region.branches[i] ?? []) states[member] = stateOf(graph.byId.get(member)!);
      states['~join'] = { id: `${region.join}~${i}`, type: 'final' };
      const first = edge.to === region.join ? '~join' : states[edge.to] ? edge.to : '~go';
      if (first === '~go') states['~go'] = { always: { target: `#${edge.to}` } };
      regions[`~${i}`] = { initial: first, states };
    });
    return {
      ...base,
      type: 'parallel',
      states: regions,
      onDone: go(plain(region.join), { actions: [{ type: 'joined', params: { node: region.join } }] }),
    };
  };

  const top: Json = {};
  for (const node of def.nodes) {
    if (node.type === 'join' || structure.scopeOf.has(node.id)) continue;
    top[node.id] = stateOf(node);
  }
  top[CANCELLED] = {
    id: CANCELLED,
    type: 'final',
    entry: [{ type: 'close', params: { outcome: 'cancelled' } }],
  };
  top[FAILED] = { id: FAILED, type: 'final', entry: [{ type: 'close', params: { outcome: 'failed' } }] };
  const start = def.nodes.find((n) => n.type === 'start');
  // XState builds a throwaway actor, initial snapshot included, for every pure `transition`:
  // an inert boot state keeps that cheap; `case.start` then opens the case for real.
  top[BOOT] = { on: { 'case.start': { target: `#${start?.id}`, actions: [{ type: 'open' }] } } };
  return {
    id: def.key,
    initial: BOOT,
    on: {
      'timer.fire': { actions: [{ type: 'slaTimer' }] },
      'case.event': { actions: [{ type: 'caseEvent' }] },
      'case.cancel': { target: `#${CANCELLED}` },
    },
    states: top,
  };
}

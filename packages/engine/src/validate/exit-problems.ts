import type { Problem } from '@caseflow/schema';
import { decisionExits, ignoredDecisionFields } from './decision-exits';
import {
  asString,
  type EdgeView,
  edgeName,
  type FlowView,
  isKnownType,
  isObject,
  type NodeView,
  nodeName,
} from './flow-view';
import { error } from './problems';

/** Node types that leave by their single plain edge (an action may add an `on: "error"` edge). */
const SINGLE_EXIT: ReadonlySet<string> = new Set([
  'start',
  'action',
  'timer',
  'subflow',
  'notify',
  'survey',
  'join',
]);

/** How a node may be left: the `on` values its edges may carry and those it must have an edge for. */
interface Exits {
  allowed: Set<string>;
  required: Array<{ on: string; path: Array<string | number>; code: Problem['code']; what: string }>;
}

/**
 * The exits of a node by its type, or `undefined` when the node's own fields are too broken
 * to tell (the schema reports them), so that its edges are not second-guessed.
 */
function exitsOf(node: NodeView): Exits | undefined {
  const raw = node.raw;
  const allowed = new Set<string>();
  const required: Exits['required'] = [];
  // Only tasks and approvals carry an SLA; elsewhere the schema drops the field.
  const hasSla = node.type === 'task' || node.type === 'approval';
  const slaEdge = hasSla && isObject(raw.sla) && raw.sla.onBreach === 'edge';
  if (slaEdge) {
    allowed.add('sla-breached');
    required.push({
      on: 'sla-breached',
      path: ['sla', 'onBreach'],
      code: 'missing-edge',
      what: 'its SLA breach (sla.onBreach is "edge")',
    });
  }
  switch (node.type) {
    case 'task': {
      if (!Array.isArray(raw.outcomes)) return undefined;
      raw.outcomes.forEach((outcome: unknown, k) => {
        if (typeof outcome !== 'string' || outcome === '') return;
        allowed.add(outcome);
        required.push({
          on: outcome,
          path: ['outcomes', k],
          code: 'task-outcome-without-edge',
          what: `outcome "${outcome}"`,
        });
      });
      return { allowed, required };
    }
    case 'approval':
      for (const decision of ['approved', 'rejected']) {
        allowed.add(decision);
        required.push({
          on: decision,
          path: [],
          code: 'approval-without-edge',
          what: `decision "${decision}"`,
        });
      }
      if (raw.timeout !== undefined) {
        allowed.add('timeout');
        required.push({
          on: 'timeout',
          path: ['timeout'],
          code: 'approval-without-edge',
          what: 'its timeout',
        });
      }
      return { allowed, required };
    case 'wait': {
      const signal = asString(raw.signal);
      if (!signal) return undefined;
      allowed.add(signal);
      required.push({ on: signal, path: ['signal'], code: 'missing-edge', what: `signal "${signal}"` });
      if (raw.timeout !== undefined) {
        allowed.add('timeout');
        required.push({ on: 'timeout', path: ['timeout'], code: 'missing-edge', what: 'its timeout' });
      }
      return { allowed, required };
    }
    case 'action':
      // Only an http call can fail after retries; set and customer updates cannot.
      if (isObject(raw.action) && raw.action.kind === 'http') allowed.add('error');
      return { allowed, required };
    default:
      return { allowed, required };
  }
}

/**
 * Problems with the way each node is left: required exits without an edge (task outcomes,
 * approval decisions, wait signals, timeouts, SLA-breach edges), decisions without a default
 * or with unconditioned edges, single-exit nodes with no or several plain edges, and edges
 * whose `on` is not something their source node can produce.
 */
export function exitProblems(view: FlowView): Problem[] {
  const problems: Problem[] = [];
  for (const node of view.nodes) {
    // Duplicates share their id's edges; the first node with the id speaks for them.
    if (node.id === undefined || view.byId.get(node.id) !== node) continue;
    const edges = view.outgoing.get(node.id) ?? [];
    // Unknown types have no exits to check against; end nodes are checked with the graph.
    if (!isKnownType(node.type) || node.type === 'end') continue;
    if (node.type === 'decision') problems.push(...decisionExits(node, edges));
    else problems.push(...routedExits(node, edges));
  }
  return problems;
}

function routedExits(node: NodeView, edges: readonly EdgeView[]): Problem[] {
  const exits = exitsOf(node);
  if (!exits) return [];
  const problems: Problem[] = [];
  const byOn = new Map<string, EdgeView>();
  const plain: EdgeView[] = [];
  const routesByOn = node.type === 'task' || node.type === 'approval' || node.type === 'wait';
  for (const edge of edges) {
    problems.push(...ignoredDecisionFields(node, edge));
    if (edge.on === undefined) {
      if (routesByOn) {
        problems.push(
          error(
            'edge-without-route',
            `${edgeName(edge)} leaves ${nodeName(node)} without an "on"`,
            ['edges', edge.index],
            {
              nodeId: node.id,
              edgeId: edge.id,
              hint: `Set "on" to one of: ${[...exits.allowed].join(', ')}.`,
            },
          ),
        );
      } else {
        plain.push(edge);
      }
      continue;
    }
    if (!exits.allowed.has(edge.on)) {
      problems.push(
        error(
          'edge-without-route',
          `${edgeName(edge)} leaves ${nodeName(node)} on "${edge.on}", which it never produces`,
          ['edges', edge.index, 'on'],
          { nodeId: node.id, edgeId: edge.id, hint: onHint(node, exits, edge.on) },
        ),
      );
      continue;
    }
    const earlier = byOn.get(edge.on);
    if (earlier) {
      problems.push(
        error(
          'edge-without-route',
          `${edgeName(edge)} is never taken: ${edgeName(earlier)} already leaves ${nodeName(node)} on "${edge.on}"`,
          ['edges', edge.index, 'on'],
          {
            nodeId: node.id,
            edgeId: edge.id,
            hint: 'Delete one of the two edges, or route it on another value.',
          },
        ),
      );
      continue;
    }
    byOn.set(edge.on, edge);
  }

  for (const need of exits.required) {
    if (byOn.has(need.on)) continue;
    problems.push(
      error(
        need.code,
        `${nodeName(node)} has no edge for ${need.what}`,
        ['nodes', node.index, ...need.path],
        {
          nodeId: node.id,
          hint: `Add an edge from "${node.id}" with "on": "${need.on}".`,
        },
      ),
    );
  }

  // A parallel node's branches are checked by the fork/join matching.
  if (node.type !== undefined && SINGLE_EXIT.has(node.type)) {
    problems.push(...plainExits(node, plain));
  }
  return problems;
}

function plainExits(node: NodeView, plain: readonly EdgeView[]): Problem[] {
  const [first, ...extra] = plain;
  if (!first) {
    return [
      error('missing-edge', `${nodeName(node)} needs an outgoing edge`, ['nodes', node.index], {
        nodeId: node.id,
        hint: `Connect "${node.id}" to the step that follows it.`,
      }),
    ];
  }
  return extra.map((edge) =>
    error(
      'edge-without-route',
      `${edgeName(edge)} is never taken: ${nodeName(node)} leaves by one edge and already has ${edgeName(first)}`,
      ['edges', edge.index],
      {
        nodeId: node.id,
        edgeId: edge.id,
        hint: 'Delete the extra edge; to branch, put a decision after the node, or a parallel fork to run both.',
      },
    ),
  );
}

function onHint(node: NodeView, exits: Exits, on: string): string {
  if (on === 'sla-breached' && (node.type === 'task' || node.type === 'approval')) {
    return 'Set sla.onBreach to "edge" to leave by this edge on breach, or remove the edge.';
  }
  if (on === 'timeout' && (node.type === 'approval' || node.type === 'wait')) {
    return `Give "${node.id}" a timeout (e.g. "P1D"), or remove the edge.`;
  }
  if (on === 'error' && node.type === 'action') {
    return 'Remove "on": only http actions can fail; this action always leaves by its edge.';
  }
  if (exits.allowed.size === 0) return `Remove "on": a ${node.type} node leaves by its edge.`;
  const plain = node.type === 'action' ? ' (or none, for the normal exit)' : '';
  return `Use one of: ${[...exits.allowed].join(', ')}${plain}.`;
}

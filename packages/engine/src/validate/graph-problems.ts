import type { Problem } from '@caseflow/schema';
import { type EdgeView, edgeName, type FlowView, isObject, type NodeView, nodeName } from './flow-view';
import { error } from './problems';

/**
 * Problems of the flow as a graph: duplicate ids (nodes, explicit edge ids, tiers, case
 * SLAs), start nodes, edges pointing nowhere, edges out of end nodes, nodes the start never
 * reaches and nodes from which no end can be reached. Linear in nodes + edges.
 */
export function graphProblems(view: FlowView): Problem[] {
  return [...duplicateIds(view), ...startProblems(view), ...edgeEnds(view), ...reachability(view)];
}

function duplicateIds(view: FlowView): Problem[] {
  const problems: Problem[] = [];
  for (const node of view.nodes) {
    if (node.id === undefined) continue;
    const first = view.byId.get(node.id);
    if (first === node || first === undefined) continue;
    problems.push(
      error(
        'duplicate-id',
        `${nodeName(node)} reuses the id of nodes[${first.index}]`,
        ['nodes', node.index, 'id'],
        {
          nodeId: node.id,
          hint: 'Give every node its own id; edges, SLAs and running cases refer to nodes by id.',
        },
      ),
    );
  }
  const edgeIds = new Map<string, EdgeView>();
  for (const edge of view.edges) {
    if (!edge.explicitId) continue;
    const first = edgeIds.get(edge.explicitId);
    if (!first) {
      edgeIds.set(edge.explicitId, edge);
      continue;
    }
    problems.push(
      error(
        'duplicate-id',
        `${edgeName(edge)} reuses the id of edges[${first.index}]`,
        ['edges', edge.index, 'id'],
        {
          nodeId: edge.from,
          edgeId: edge.id,
          hint: 'Give the edge its own id, or remove the id to address it as from->to.',
        },
      ),
    );
  }
  problems.push(
    ...duplicatesIn(view.raw.tiers, 'tiers', 'tier'),
    ...duplicatesIn(view.raw.slas, 'slas', 'SLA'),
  );
  return problems;
}

function duplicatesIn(list: unknown, section: string, what: string): Problem[] {
  if (!Array.isArray(list)) return [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  list.forEach((item: unknown, index) => {
    const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return;
    }
    problems.push(
      error(
        'duplicate-id',
        `${what} "${id}" is defined twice (${section}[${first}] and ${section}[${index}])`,
        [section, index, 'id'],
        { hint: `Rename or remove one of the ${what}s with id "${id}".` },
      ),
    );
  });
  return problems;
}

function startProblems(view: FlowView): Problem[] {
  const starts = view.nodes.filter((n) => n.type === 'start');
  const [first, ...extra] = starts;
  if (!first) {
    // Without a nodes array the schema problem says it all.
    if (!Array.isArray(view.raw.nodes)) return [];
    return [
      error('missing-start', 'the flow has no start node', ['nodes'], {
        hint: 'Add a node of type "start" and connect it to the first step.',
      }),
    ];
  }
  return extra.map((node) =>
    error(
      'multiple-starts',
      `${nodeName(node)} is a second start; ${nodeName(first)} already starts the flow`,
      ['nodes', node.index],
      {
        nodeId: node.id,
        hint: 'Keep one start node; to begin differently by trigger, branch with a decision after it.',
      },
    ),
  );
}

function edgeEnds(view: FlowView): Problem[] {
  const problems: Problem[] = [];
  for (const edge of view.edges) {
    for (const end of ['from', 'to'] as const) {
      const id = edge[end];
      if (id === undefined || view.byId.has(id)) continue;
      problems.push(
        error(
          'dangling-edge',
          `${edgeName(edge)} ${end === 'from' ? 'leaves' : 'points to'} unknown node "${id}"`,
          ['edges', edge.index, end],
          {
            nodeId: end === 'to' ? edge.from : undefined,
            edgeId: edge.id,
            hint: `Connect the edge to an existing node or delete it.`,
          },
        ),
      );
    }
    const source = edge.from === undefined ? undefined : view.byId.get(edge.from);
    if (source?.type === 'end') {
      problems.push(
        error(
          'end-with-outgoing-edge',
          `${edgeName(edge)} leaves ${nodeName(source)}; a case ends there`,
          ['edges', edge.index],
          {
            nodeId: source.id,
            edgeId: edge.id,
            hint: 'Delete the edge, or replace the end node with the step that should follow.',
          },
        ),
      );
    }
  }
  return problems;
}

/**
 * Forward search from the start nodes and backward search from the end nodes. Edges out of
 * end nodes are ignored: the runtime never follows them. Nodes the start cannot reach get
 * `unreachable-node`; reachable nodes with no way on to an end get `no-path-to-end` (an
 * unreachable island would otherwise be reported twice per node).
 */
function reachability(view: FlowView): Problem[] {
  const follows = (e: EdgeView) => {
    const from = e.from === undefined ? undefined : view.byId.get(e.from);
    return from !== undefined && from.type !== 'end' && e.to !== undefined && view.byId.has(e.to);
  };
  const starts = view.nodes.filter((n) => n.type === 'start' && n.id !== undefined).map((n) => n.id!);
  const ends = view.nodes.filter((n) => n.type === 'end' && n.id !== undefined).map((n) => n.id!);
  const reached = search(
    starts,
    (id) => view.outgoing.get(id),
    follows,
    (e) => e.to!,
  );
  const finishing = search(
    ends,
    (id) => view.incoming.get(id),
    follows,
    (e) => e.from!,
  );

  const problems: Problem[] = [];
  const indexed = view.nodes.filter(
    (n): n is NodeView & { id: string } => n.id !== undefined && view.byId.get(n.id) === n,
  );
  if (ends.length === 0 && Array.isArray(view.raw.nodes) && view.nodes.length > 0) {
    problems.push(
      error('no-path-to-end', 'the flow has no end node, so no case can finish', ['nodes'], {
        hint: 'Add a node of type "end" and connect the last steps to it.',
      }),
    );
  }
  for (const node of indexed) {
    if (starts.length > 0 && !reached.has(node.id)) {
      if (node.type === 'start') continue;
      problems.push(
        error(
          'unreachable-node',
          `${nodeName(node)} cannot be reached from the start`,
          ['nodes', node.index],
          {
            nodeId: node.id,
            hint: 'Connect an edge into this node from a reachable step, or delete it.',
          },
        ),
      );
    } else if (ends.length > 0 && !finishing.has(node.id)) {
      problems.push(
        error('no-path-to-end', `${nodeName(node)} has no path to an end node`, ['nodes', node.index], {
          nodeId: node.id,
          hint: 'Add an edge from this node (or a step after it) that leads to an end node.',
        }),
      );
    }
  }
  return problems;
}

function search(
  roots: readonly string[],
  next: (id: string) => readonly EdgeView[] | undefined,
  follows: (edge: EdgeView) => boolean,
  target: (edge: EdgeView) => string,
): Set<string> {
  const seen = new Set(roots);
  const queue = [...roots];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of next(queue[i]!) ?? []) {
      if (!follows(edge)) continue;
      const id = target(edge);
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(id);
    }
  }
  return seen;
}

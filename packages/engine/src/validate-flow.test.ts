import { type FlowDefinitionInput, NODE_TYPES, Problem } from '@caseflow/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowArbitrary } from './testing/flow-generator';
import { validateFlow } from './validate-flow';

/**
 * A flow that uses every node type and every way to leave a node:
 *
 *   start → freeze ─┬→ verify → fraud ─┬(when fraud)→ watch ──────────────→ approve-replacement
 *                   └(error)→ refused   └(default)→ triage ─(needs-approval, sla-breached)─┘
 *                                                          └(resolved)→ survey → closed
 *   approve-replacement ─(approved)→ both ─┬→ tell-customer ──────────────┬→ joined → cool-off → mark → survey
 *                       └(rejected, timeout)→ refused └→ await-customer ──┘ (signal, timeout)
 */
const VALID = {
  key: 'lost-card',
  name: 'Lost card',
  calendar: 'business',
  tiers: [
    { id: 'l1', name: 'Service desk', group: 'service-desk' },
    { id: 'l2', name: 'Card operations', group: 'card-ops' },
  ],
  slas: [
    {
      id: 'resolution',
      target: 'PT8H',
      calendar: 'business',
      start: { event: 'case.opened' },
      stop: { atNodes: ['closed'] },
    },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'freeze',
      type: 'action',
      action: {
        kind: 'http',
        url: '{{env.CORE_BANKING_URL}}/accounts/{{case.customerId}}/freeze',
        headers: { 'x-case': '{{case.id}}' },
        body: { reason: '{{ case.subject }}', items: ['{{verify.result}}', 3] },
      },
    },
    { id: 'verify', type: 'subflow', flow: 'fraud-check', input: { customerId: 'case.customerId' } },
    { id: 'fraud', type: 'decision' },
    {
      id: 'triage',
      type: 'task',
      title: 'Triage the report',
      assign: { tier: 'l1' },
      outcomes: ['resolved', 'needs-approval'],
      sla: { target: 'PT30M', onBreach: 'edge' },
    },
    { id: 'approve-replacement', type: 'approval', approvers: { group: 'card-ops' }, timeout: 'P1D' },
    { id: 'both', type: 'parallel' },
    {
      id: 'tell-customer',
      type: 'notify',
      to: 'customer',
      template: 'card-replaced',
      data: { decision: 'approve-replacement.decision' },
    },
    { id: 'await-customer', type: 'wait', signal: 'customer-replied', timeout: 'P3D' },
    { id: 'joined', type: 'join' },
    { id: 'cool-off', type: 'timer', duration: 'PT1H', calendar: 'business' },
    { id: 'mark', type: 'action', action: { kind: 'set', values: { replaced: 'true' } } },
    {
      id: 'watch',
      type: 'action',
      action: { kind: 'customer', attributes: { risk: '"high"' }, addTags: ['watch'] },
    },
    { id: 'survey', type: 'survey', survey: 'csat' },
    { id: 'closed', type: 'end' },
    { id: 'refused', type: 'end', outcome: 'rejected' },
  ],
  edges: [
    { from: 'start', to: 'freeze' },
    { from: 'freeze', to: 'verify' },
    { from: 'freeze', to: 'refused', on: 'error' },
    { from: 'verify', to: 'fraud' },
    { from: 'fraud', to: 'watch', when: 'verify.result = "fraud"' },
    { from: 'fraud', to: 'triage', default: true },
    { from: 'watch', to: 'approve-replacement' },
    { from: 'triage', to: 'approve-replacement', on: 'needs-approval' },
    { from: 'triage', to: 'approve-replacement', on: 'sla-breached' },
    { from: 'triage', to: 'survey', on: 'resolved' },
    { from: 'approve-replacement', to: 'both', on: 'approved' },
    { from: 'approve-replacement', to: 'refused', on: 'rejected' },
    { id: 'approval-timeout', from: 'approve-replacement', to: 'refused', on: 'timeout' },
    { from: 'both', to: 'tell-customer' },
    { from: 'both', to: 'await-customer' },
    { from: 'tell-customer', to: 'joined' },
    { from: 'await-customer', to: 'joined', on: 'customer-replied' },
    { from: 'await-customer', to: 'joined', on: 'timeout' },
    { from: 'joined', to: 'cool-off' },
    { from: 'cool-off', to: 'mark' },
    { from: 'mark', to: 'survey' },
    { from: 'survey', to: 'closed' },
  ],
} satisfies FlowDefinitionInput;

type Flow = typeof VALID;
type NodeIn = FlowDefinitionInput['nodes'][number];
type EdgeIn = NonNullable<FlowDefinitionInput['edges']>[number];

const CTX = { groups: ['service-desk', 'card-ops'], flows: ['fraud-check'], calendars: ['business'] };

/** A copy of the valid flow, changed by `edit` (which may return a whole new value). */
function flow(edit: (f: Flow & { nodes: NodeIn[]; edges: EdgeIn[] }) => unknown = () => undefined): unknown {
  const copy = JSON.parse(JSON.stringify(VALID)) as Flow & { nodes: NodeIn[]; edges: EdgeIn[] };
  return edit(copy) ?? copy;
}

const nodeIndex = (id: string) => VALID.nodes.findIndex((n) => n.id === id);
const edgeIndex = (from: string, to: string, on?: string) =>
  VALID.edges.findIndex((e) => e.from === from && e.to === to && ('on' in e ? e.on : undefined) === on);
const withoutEdge = (f: { edges: EdgeIn[] }, from: string, to: string, on?: string) => {
  f.edges.splice(
    f.edges.findIndex((e) => e.from === from && e.to === to && e.on === on),
    1,
  );
};

/** The problems of one code, as the fields a test pins down. */
function found(def: unknown, code: Problem['code'], ctx = CTX) {
  return validateFlow(def, ctx)
    .filter((p) => p.code === code)
    .map(({ severity, path, nodeId, edgeId }) => ({ severity, path, nodeId, edgeId }));
}

describe('validateFlow', () => {
  it('finds nothing wrong with a flow that uses every node type correctly', () => {
    expect(validateFlow(VALID, CTX)).toEqual([]);
    expect(validateFlow(VALID)).toEqual([]);
  });

  it('schema: maps each zod issue to a problem under its node, and still checks the graph', () => {
    const def = flow((f) => {
      delete (f.nodes[nodeIndex('triage')] as { title?: string }).title;
      f.edges.push({ from: 'survey', to: 'nowhere' });
    });
    const problems = validateFlow(def, CTX);
    expect(problems.filter((p) => p.code === 'schema')).toEqual([
      {
        severity: 'error',
        code: 'schema',
        message: expect.stringContaining('task "triage" (title)'),
        nodeId: 'triage',
        path: ['nodes', nodeIndex('triage'), 'title'],
        hint: 'Add the required field "title".',
      },
    ]);
    expect(problems.map((p) => p.code)).toContain('dangling-edge');
  });

  it('schema: hints list the allowed values of enums and unions', () => {
    const def = flow((f) => {
      (f.nodes[nodeIndex('mark')] as { action: { kind: string } }).action.kind = 'script';
      (f.nodes[nodeIndex('closed')] as { outcome?: string }).outcome = 'done';
    });
    expect(validateFlow(def, CTX).map((p) => [p.code, p.path, p.hint])).toEqual([
      [
        'schema',
        ['nodes', nodeIndex('mark'), 'action', 'kind'],
        'Set nodes[11].action.kind to one of: "set", "http", "customer".',
      ],
      [
        'schema',
        ['nodes', nodeIndex('closed'), 'outcome'],
        'Set nodes[14].outcome to one of: "resolved", "cancelled", "rejected", "failed".',
      ],
    ]);
  });

  it('schema: a definition that is not an object is one problem at the root', () => {
    expect(validateFlow(null)).toEqual([expect.objectContaining({ code: 'schema', path: [] })]);
    expect(validateFlow({ key: 'k', name: 'n', nodes: 'many' }).map((p) => p.path)).toEqual([['nodes']]);
  });

  it('unknown-node-type: names the type instead of a generic schema error', () => {
    const def = flow((f) => {
      f.nodes.push({ id: 'robot', type: 'robot', arms: 4 } as unknown as NodeIn);
      withoutEdge(f, 'mark', 'survey');
      f.edges.push(
        { from: 'mark', to: 'robot' },
        { from: 'robot', to: 'survey' },
        { from: 'robot', to: 'closed' },
      );
    });
    // Its edges are not second-guessed: an unknown type has no known exits.
    expect(found(def, 'edge-without-route')).toEqual([]);
    const problems = validateFlow(def, CTX).filter((p) => p.path[1] === VALID.nodes.length);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'unknown-node-type',
        nodeId: 'robot',
        path: ['nodes', VALID.nodes.length, 'type'],
        message: 'node "robot" has unknown type "robot"',
      }),
    ]);
  });

  it('duplicate-id: reports the second node and the second explicit edge id', () => {
    const def = flow((f) => {
      f.nodes.push({ id: 'mark', type: 'end' });
      f.edges[0]!.id = 'approval-timeout';
    });
    expect(found(def, 'duplicate-id')).toEqual([
      {
        severity: 'error',
        path: ['edges', 12, 'id'],
        nodeId: 'approve-replacement',
        edgeId: 'approval-timeout',
      },
      { severity: 'error', path: ['nodes', VALID.nodes.length, 'id'], nodeId: 'mark', edgeId: undefined },
    ]);
  });

  it('missing-start: a flow needs a start node', () => {
    const def = flow((f) => {
      f.nodes.splice(nodeIndex('start'), 1);
      f.edges.shift();
    });
    expect(found(def, 'missing-start')).toEqual([{ severity: 'error', path: ['nodes'] }]);
    // Without a start nothing is "unreachable"; the missing start says it all.
    expect(found(def, 'unreachable-node')).toEqual([]);
  });

  it('multiple-starts: every start after the first is a problem', () => {
    const def = flow((f) => {
      f.nodes.push({ id: 'again', type: 'start' });
      f.edges.push({ from: 'again', to: 'freeze' });
    });
    expect(found(def, 'multiple-starts')).toEqual([
      { severity: 'error', path: ['nodes', VALID.nodes.length], nodeId: 'again', edgeId: undefined },
    ]);
  });

  it('dangling-edge: an edge from or to a node that does not exist', () => {
    const def = flow((f) => {
      f.edges.push({ from: 'survey', to: 'ghost' }, { from: 'phantom', to: 'closed' });
    });
    const n = VALID.edges.length;
    expect(found(def, 'dangling-edge')).toEqual([
      { severity: 'error', path: ['edges', n, 'to'], nodeId: 'survey', edgeId: 'survey->ghost' },
      { severity: 'error', path: ['edges', n + 1, 'from'], nodeId: undefined, edgeId: 'phantom->closed' },
    ]);
  });

  it('unreachable-node: a node no path from the start leads to', () => {
    //   start → … → closed        island → closed
    const def = flow((f) => {
      f.nodes.push({ id: 'island', type: 'notify', to: 'customer', template: 'hello' });
      f.edges.push({ from: 'island', to: 'closed' });
    });
    expect(found(def, 'unreachable-node')).toEqual([
      { severity: 'error', path: ['nodes', VALID.nodes.length], nodeId: 'island', edgeId: undefined },
    ]);
  });

  it('unreachable-node: edges out of an end node lead nowhere', () => {
    const def = flow((f) => {
      f.nodes.push({ id: 'after', type: 'end' });
      f.edges.push({ from: 'closed', to: 'after' });
    });
    expect(found(def, 'unreachable-node').map((p) => p.nodeId)).toEqual(['after']);
  });

  it('no-path-to-end: a reachable node from which no end can be reached', () => {
    //   fraud ─(when)→ limbo ⟲ (again)
    const def = flow((f) => {
      f.nodes.push({ id: 'limbo', type: 'task', title: 'Forever', outcomes: ['again'] });
      f.edges.push(
        { from: 'fraud', to: 'limbo', when: 'false' },
        { from: 'limbo', to: 'limbo', on: 'again' },
      );
    });
    expect(found(def, 'no-path-to-end')).toEqual([
      { severity: 'error', path: ['nodes', VALID.nodes.length], nodeId: 'limbo', edgeId: undefined },
    ]);
  });

  it('no-path-to-end: a flow without any end node gets one problem, not one per node', () => {
    const def = {
      key: 'k',
      name: 'n',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'a', type: 'decision' },
      ],
    };
    expect(found(def, 'no-path-to-end')).toEqual([{ severity: 'error', path: ['nodes'] }]);
  });

  it('decision-without-default: a decision needs an edge taken when no condition holds', () => {
    const def = flow((f) => {
      delete f.edges[edgeIndex('fraud', 'triage')]!.default;
      f.edges[edgeIndex('fraud', 'triage')]!.when = 'verify.result != "fraud"';
    });
    expect(found(def, 'decision-without-default')).toEqual([
      { severity: 'error', path: ['nodes', nodeIndex('fraud')], nodeId: 'fraud', edgeId: undefined },
    ]);
  });

  it('task-outcome-without-edge: each outcome of a task needs its edge', () => {
    const def = flow((f) => withoutEdge(f, 'triage', 'survey', 'resolved'));
    expect(found(def, 'task-outcome-without-edge')).toEqual([
      {
        severity: 'error',
        path: ['nodes', nodeIndex('triage'), 'outcomes', 0],
        nodeId: 'triage',
        edgeId: undefined,
      },
    ]);
  });

  it('approval-without-edge: approved and rejected edges, and a timeout edge when a timeout is set', () => {
    const def = flow((f) => {
      withoutEdge(f, 'approve-replacement', 'refused', 'rejected');
      withoutEdge(f, 'approve-replacement', 'refused', 'timeout');
    });
    const at = nodeIndex('approve-replacement');
    const id = 'approve-replacement';
    expect(found(def, 'approval-without-edge')).toEqual([
      { severity: 'error', path: ['nodes', at], nodeId: id, edgeId: undefined },
      { severity: 'error', path: ['nodes', at, 'timeout'], nodeId: id, edgeId: undefined },
    ]);
    expect(validateFlow(def, CTX)[0]?.message).toBe(
      'approval "approve-replacement" has no edge for decision "rejected"',
    );
  });

  it('edge-without-route: an edge whose "on" its source never produces', () => {
    const def = flow((f) => {
      f.edges.push(
        { from: 'triage', to: 'closed', on: 'maybe' },
        { from: 'cool-off', to: 'closed', on: 'timeout' },
      );
      delete (f.nodes[nodeIndex('triage')] as { sla?: unknown }).sla;
    });
    const n = VALID.edges.length;
    expect(found(def, 'edge-without-route')).toEqual([
      {
        severity: 'error',
        path: ['edges', edgeIndex('triage', 'approve-replacement', 'sla-breached'), 'on'],
        nodeId: 'triage',
        edgeId: 'triage->approve-replacement#2',
      },
      { severity: 'error', path: ['edges', n, 'on'], nodeId: 'triage', edgeId: 'triage->closed' },
      { severity: 'error', path: ['edges', n + 1, 'on'], nodeId: 'cool-off', edgeId: 'cool-off->closed' },
    ]);
  });

  it('edge-without-route: decision edges without a condition, extra exits and repeated outcomes', () => {
    const def = flow((f) => {
      f.edges.push(
        { from: 'fraud', to: 'closed' },
        { from: 'start', to: 'closed' },
        { from: 'triage', to: 'closed', on: 'resolved' },
        { from: 'fraud', to: 'refused', default: true },
      );
    });
    const n = VALID.edges.length;
    expect(found(def, 'edge-without-route')).toEqual([
      { severity: 'error', path: ['edges', n], nodeId: 'fraud', edgeId: 'fraud->closed' },
      { severity: 'error', path: ['edges', n + 1], nodeId: 'start', edgeId: 'start->closed' },
      { severity: 'error', path: ['edges', n + 2, 'on'], nodeId: 'triage', edgeId: 'triage->closed' },
      { severity: 'error', path: ['edges', n + 3, 'default'], nodeId: 'fraud', edgeId: 'fraud->refused' },
    ]);
  });

  it('edge-without-route: an error edge from an action that cannot fail', () => {
    const def = flow((f) => {
      f.edges.push({ from: 'mark', to: 'refused', on: 'error' });
    });
    expect(found(def, 'edge-without-route')).toEqual([
      {
        severity: 'error',
        path: ['edges', VALID.edges.length, 'on'],
        nodeId: 'mark',
        edgeId: 'mark->refused',
      },
    ]);
  });

  it('edge-without-route: conditions that are never evaluated are only warnings', () => {
    const def = flow((f) => {
      f.edges[0]!.when = 'true';
      f.edges[edgeIndex('fraud', 'triage')]!.when = 'true';
    });
    expect(found(def, 'edge-without-route')).toEqual([
      { severity: 'warning', path: ['edges', 0, 'when'], nodeId: 'start', edgeId: 'start->freeze' },
      {
        severity: 'warning',
        path: ['edges', edgeIndex('fraud', 'triage'), 'when'],
        nodeId: 'fraud',
        edgeId: 'fraud->triage',
      },
    ]);
  });

  it('feel-syntax: reports the error position inside the expression', () => {
    const def = flow((f) => {
      f.edges[edgeIndex('fraud', 'watch')]!.when = 'verify.result = "fraud" or or true';
      const mark = f.nodes[nodeIndex('mark')] as { action: { values: Record<string, string> } };
      mark.action.values.replaced = 'approve-replacement.decision = "approved" and (';
    });
    const problems = validateFlow(def, CTX).filter((p) => p.code === 'feel-syntax');
    expect(problems).toEqual([
      expect.objectContaining({
        path: ['edges', edgeIndex('fraud', 'watch'), 'when'],
        edgeId: 'fraud->watch',
        nodeId: 'fraud',
        position: { from: 27, to: 28 },
      }),
      expect.objectContaining({
        path: ['nodes', nodeIndex('mark'), 'action', 'values', 'replaced'],
        nodeId: 'mark',
        position: expect.objectContaining({ from: expect.any(Number) }),
      }),
    ]);
    // The dashed node id parsed as one name: the error is at the dangling "(", not the dash.
    expect(problems[1]!.position!.from).toBeGreaterThan('approve-replacement.decision'.length);
  });

  it('feel-syntax: positions in {{…}} templates count from the start of the template', () => {
    const url = 'https://bank/{{ case.customerId + }}/x';
    const def = flow((f) => {
      (f.nodes[nodeIndex('freeze')] as { action: { url: string } }).action.url = url;
      (f.nodes[nodeIndex('cool-off')] as { until?: string; duration?: string }).until = 'now() +';
      delete (f.nodes[nodeIndex('cool-off')] as { duration?: string }).duration;
    });
    const problems = validateFlow(def, CTX).filter((p) => p.code === 'feel-syntax');
    expect(problems.map((p) => p.path)).toEqual([
      ['nodes', nodeIndex('freeze'), 'action', 'url'],
      ['nodes', nodeIndex('cool-off'), 'until'],
    ]);
    const { from } = problems[0]!.position!;
    expect(from).toBeGreaterThanOrEqual(url.indexOf('case'));
    expect(from).toBeLessThanOrEqual(url.indexOf('}}'));
    expect(problems[0]!.message).toContain(`at ${from}`);
  });

  it("feel-syntax: checks a task's requires expression (DESIGN §12), and accepts a good one", () => {
    const broken = flow((f) => {
      (f.nodes[nodeIndex('triage')] as { requires?: string }).requires = 'case.variables.language = ';
    });
    expect(found(broken, 'feel-syntax').map((p) => p.path)).toEqual([
      ['nodes', nodeIndex('triage'), 'requires'],
    ]);
    const good = flow((f) => {
      (f.nodes[nodeIndex('triage')] as { requires?: string }).requires =
        'if case.variables.language = "pt" then "portuguese" else []';
    });
    expect(found(good, 'feel-syntax')).toEqual([]);
  });

  it('feel-syntax: checks http headers and body strings, subflow input, notify data and customer attributes', () => {
    const def = flow((f) => {
      const freeze = f.nodes[nodeIndex('freeze')] as { action: { headers: object; body: unknown } };
      freeze.action.headers = { 'x-case': '{{ ) }}', 'x-empty': 'a{{ }}b' };
      freeze.action.body = { items: ['ok', '{{ case. }}'] };
      (f.nodes[nodeIndex('verify')] as { input: object }).input = { customerId: 'case..id', blank: '  ' };
      (f.nodes[nodeIndex('tell-customer')] as { data: object }).data = { x: '"open' };
      (f.nodes[nodeIndex('watch')] as { action: { attributes: object } }).action.attributes = { risk: '>>' };
    });
    expect(found(def, 'feel-syntax').map((p) => p.path)).toEqual([
      ['nodes', nodeIndex('freeze'), 'action', 'body', 'items', 1],
      ['nodes', nodeIndex('freeze'), 'action', 'headers', 'x-case'],
      ['nodes', nodeIndex('freeze'), 'action', 'headers', 'x-empty'],
      ['nodes', nodeIndex('verify'), 'input', 'blank'],
      ['nodes', nodeIndex('verify'), 'input', 'customerId'],
      ['nodes', nodeIndex('tell-customer'), 'data', 'x'],
      ['nodes', nodeIndex('watch'), 'action', 'attributes', 'risk'],
    ]);
  });

  it('unknown-tier: a task assigned to a tier the flow does not define', () => {
    const def = flow((f) => {
      (f.nodes[nodeIndex('triage')] as { assign: object }).assign = { tier: 'l9' };
    });
    expect(found(def, 'unknown-tier')).toEqual([
      {
        severity: 'error',
        path: ['nodes', nodeIndex('triage'), 'assign', 'tier'],
        nodeId: 'triage',
        edgeId: undefined,
      },
    ]);
  });

  it('unknown-group: tiers, assignments and approvers, only when the groups are known', () => {
    const def = flow((f) => {
      f.tiers[1]!.group = 'card-operations';
      (f.nodes[nodeIndex('triage')] as { assign: object }).assign = { group: 'desk' };
    });
    expect(found(def, 'unknown-group')).toEqual([
      {
        severity: 'error',
        path: ['nodes', nodeIndex('triage'), 'assign', 'group'],
        nodeId: 'triage',
        edgeId: undefined,
      },
      { severity: 'error', path: ['tiers', 1, 'group'], nodeId: undefined, edgeId: undefined },
    ]);
    expect(found(def, 'unknown-group', { ...CTX, groups: undefined } as never)).toEqual([]);
    expect(found(flow(), 'unknown-group', { ...CTX, groups: ['service-desk'] })).toEqual([
      {
        severity: 'error',
        path: ['nodes', nodeIndex('approve-replacement'), 'approvers', 'group'],
        nodeId: 'approve-replacement',
        edgeId: undefined,
      },
      { severity: 'error', path: ['tiers', 1, 'group'], nodeId: undefined, edgeId: undefined },
    ]);
  });

  it('unknown-group and unknown-tier: recipients written as group:<name> or tier:<id>', () => {
    const def = flow((f) => {
      (f.nodes[nodeIndex('tell-customer')] as { to: string }).to = 'group:nobody';
      (f.nodes[nodeIndex('triage')] as { sla: { notify?: string[] } }).sla.notify = ['assignee', 'tier:l9'];
      (f.slas[0] as { onBreach?: object }).onBreach = {
        notify: ['group:card-ops', 'user:ann', 'group:ghosts'],
      };
    });
    expect(found(def, 'unknown-group').map((p) => p.path)).toEqual([
      ['nodes', nodeIndex('tell-customer'), 'to'],
      ['slas', 0, 'onBreach', 'notify', 2],
    ]);
    expect(found(def, 'unknown-tier').map((p) => p.path)).toEqual([
      ['nodes', nodeIndex('triage'), 'sla', 'notify', 1],
    ]);
  });

  it('unknown-calendar: flow, SLA and timer calendars, with "24x7" always known', () => {
    const def = flow((f) => {
      f.calendar = '24x7';
      (f.nodes[nodeIndex('triage')] as { sla: { calendar?: string } }).sla.calendar = 'holiday';
    });
    expect(found(def, 'unknown-calendar', { ...CTX, calendars: [] }).map((p) => p.path)).toEqual([
      ['nodes', nodeIndex('triage'), 'sla', 'calendar'],
      ['nodes', nodeIndex('cool-off'), 'calendar'],
      ['slas', 0, 'calendar'],
    ]);
    expect(found(def, 'unknown-calendar', { groups: [], flows: ['fraud-check'] } as never)).toEqual([]);
  });

  it('join-without-fork: a join no parallel node leads to', () => {
    //   mark → extra-join → survey
    const def = flow((f) => {
      f.nodes.push({ id: 'extra-join', type: 'join' });
      withoutEdge(f, 'mark', 'survey');
      f.edges.push({ from: 'mark', to: 'extra-join' }, { from: 'extra-join', to: 'survey' });
    });
    expect(found(def, 'join-without-fork')).toEqual([
      { severity: 'error', path: ['nodes', VALID.nodes.length], nodeId: 'extra-join', edgeId: undefined },
    ]);
  });

  it('fork-without-join: a parallel node whose branches reach different joins', () => {
    //   both ─┬→ tell-customer → other-join → closed
    //         └→ await-customer → joined → …
    const def = flow((f) => {
      f.nodes.push({ id: 'other-join', type: 'join' });
      withoutEdge(f, 'tell-customer', 'joined');
      f.edges.push({ from: 'tell-customer', to: 'other-join' }, { from: 'other-join', to: 'closed' });
    });
    expect(found(def, 'fork-without-join')).toEqual([
      { severity: 'error', path: ['nodes', nodeIndex('both')], nodeId: 'both', edgeId: undefined },
    ]);
  });

  it('missing-subflow: an unknown flow, and a flow that starts itself', () => {
    const missing = flow((f) => {
      (f.nodes[nodeIndex('verify')] as { flow: string }).flow = 'fraud-chek';
    });
    const path = ['nodes', nodeIndex('verify'), 'flow'];
    expect(found(missing, 'missing-subflow')).toEqual([
      { severity: 'error', path, nodeId: 'verify', edgeId: undefined },
    ]);
    expect(found(missing, 'missing-subflow', {} as never)).toEqual([]);
    const itself = flow((f) => {
      (f.nodes[nodeIndex('verify')] as { flow: string }).flow = 'lost-card';
    });
    expect(found(itself, 'missing-subflow', { ...CTX, flows: ['lost-card'] })).toEqual([
      { severity: 'error', path, nodeId: 'verify', edgeId: undefined },
    ]);
  });

  it('end-with-outgoing-edge: an end node has no way out', () => {
    const def = flow((f) => {
      f.edges.push({ from: 'closed', to: 'survey' });
    });
    expect(found(def, 'end-with-outgoing-edge')).toEqual([
      { severity: 'error', path: ['edges', VALID.edges.length], nodeId: 'closed', edgeId: 'closed->survey' },
    ]);
  });

  it('missing-edge: single-exit nodes, wait signals and timeouts, SLA breach edges', () => {
    const def = flow((f) => {
      withoutEdge(f, 'mark', 'survey');
      withoutEdge(f, 'await-customer', 'joined', 'customer-replied');
      withoutEdge(f, 'await-customer', 'joined', 'timeout');
      withoutEdge(f, 'triage', 'approve-replacement', 'sla-breached');
    });
    expect(found(def, 'missing-edge').map((p) => p.path)).toEqual([
      ['nodes', nodeIndex('triage'), 'sla', 'onBreach'],
      ['nodes', nodeIndex('await-customer'), 'signal'],
      ['nodes', nodeIndex('await-customer'), 'timeout'],
      ['nodes', nodeIndex('mark')],
    ]);
  });

  it('unknown-node: SLA start, stop and pause nodes that the flow does not have', () => {
    const def = flow((f) => {
      (f.slas as Array<Record<string, unknown>>)[0]!.stop = { atNodes: ['closed', 'clossed'] };
      (f.slas as Array<Record<string, unknown>>)[0]!.pause = { atNodes: ['await-custmer'] };
    });
    expect(found(def, 'unknown-node')).toEqual([
      { severity: 'error', path: ['slas', 0, 'pause', 'atNodes', 0] },
      { severity: 'error', path: ['slas', 0, 'stop', 'atNodes', 1] },
    ]);
  });

  it('walks deeply nested http bodies without running out of stack', () => {
    let body: unknown = '{{ case. }}';
    for (let i = 0; i < 20_000; i++) body = [body];
    const def = flow((f) => {
      (f.nodes[nodeIndex('freeze')] as { action: { body: unknown } }).action.body = body;
    });
    const [problem] = found(def, 'feel-syntax');
    expect(problem?.path).toHaveLength(4 + 20_000);
  });

  it('treats a missing context as knowing no groups, flows or calendars', () => {
    expect(validateFlow(VALID, null)).toEqual([]);
    expect(validateFlow(VALID, {})).toEqual([]);
  });

  it('ignores SLA fields on nodes that cannot carry an SLA, as the schema does', () => {
    const def = flow((f) => {
      const notify = f.nodes[nodeIndex('tell-customer')] as { sla?: object };
      notify.sla = { target: 'PT1H', onBreach: 'edge', calendar: 'nowhere' };
    });
    expect(validateFlow(def, CTX)).toEqual([]);
  });

  it('orders problems by path and never repeats one', () => {
    const def = flow((f) => {
      f.edges.push({ from: 'closed', to: 'ghost' }, { from: 'closed', to: 'ghost' });
      f.nodes.push({ id: 'island', type: 'notify', to: 'x', template: 'y' });
    });
    const problems = validateFlow(def, CTX);
    const keys = problems.map((p) => JSON.stringify(p));
    expect(new Set(keys).size).toBe(keys.length);
    expect(problems.map((p) => p.path[0])).toEqual(['edges', 'edges', 'edges', 'edges', 'nodes', 'nodes']);
    expect(validateFlow(def, CTX)).toEqual(problems);
  });

  it('addresses edges without an id as from->to, numbering twins like edgeId', () => {
    const def = flow((f) => {
      f.edges.push({ from: 'closed', to: 'refused' }, { from: 'closed', to: 'refused' });
    });
    expect(found(def, 'end-with-outgoing-edge').map((p) => p.edgeId)).toEqual([
      'closed->refused',
      'closed->refused#2',
    ]);
  });

  it('validates a generated flow of a thousand nodes', () => {
    const def = chain(1000);
    expect(validateFlow(def)).toEqual([]);
    // Cut the chain after step-333: the steps after it can no longer be reached.
    const broken = chain(1000);
    broken.edges.splice(
      broken.edges.findIndex((e) => e.from === 'step-333' && e.on === 'done'),
      1,
    );
    const unreachable = found(broken, 'unreachable-node').map((p) => p.nodeId);
    expect(unreachable).toHaveLength(1000 - 333);
    expect(unreachable[0]).toBe('step-334');
    expect(found(broken, 'task-outcome-without-edge').map((p) => p.nodeId)).toEqual(['step-333']);
  });
});

/**
 * start → step-1 (task) → step-2 (decision) → step-3 (task) → … → end, where every decision
 * also leaves straight for the end when a FEEL condition over the (dashed) task before it holds.
 */
function chain(n: number) {
  const nodes: NodeIn[] = [{ id: 'start', type: 'start' }];
  const edges: EdgeIn[] = [];
  let exit: EdgeIn = { from: 'start', to: '' };
  for (let i = 1; i <= n; i++) {
    const id = `step-${i}`;
    edges.push({ ...exit, to: id });
    if (i % 2 === 1) {
      nodes.push({ id, type: 'task', title: `Step ${i}`, outcomes: ['done'] });
      exit = { from: id, to: '', on: 'done' };
    } else {
      nodes.push({ id, type: 'decision' });
      edges.push({ from: id, to: 'end', when: `step-${i - 1}.amount > ${i}` });
      exit = { from: id, to: '', default: true };
    }
  }
  nodes.push({ id: 'end', type: 'end' });
  edges.push({ ...exit, to: 'end' });
  return { key: 'big', name: 'Big', nodes, edges };
}

describe('validateFlow on arbitrary input', () => {
  it('never throws on any JSON value, and answers well-formed problems', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const p of validateFlow(value)) {
          Problem.parse(p);
          expect(resolves(value, p.path.slice(0, -1))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('checks random graphs without throwing, in a stable order', () => {
    fc.assert(
      fc.property(randomGraph, (def) => {
        const problems = validateFlow(def);
        for (const p of problems) {
          Problem.parse(p);
          expect(p.hint, p.code).toBeTruthy();
        }
        expect(validateFlow(def)).toEqual(problems);
        // An edge to or from an unknown node is always reported.
        const reported = new Set(problems.map((p) => p.code));
        const hasGhost = def.edges.some((e) => e.from === 'ghost' || e.to === 'ghost');
        expect(reported.has('dangling-edge')).toBe(hasGhost);
        // A node that no live edge enters cannot be reached, unless it is a start.
        const types = new Map(def.nodes.map((n) => [n.id, n.type]));
        if (![...types.values()].includes('start')) return;
        const unreachable = new Set(
          problems.filter((p) => p.code === 'unreachable-node').map((p) => p.nodeId),
        );
        for (const [id, type] of types) {
          const entered = def.edges.some(
            (e) => e.to === id && e.from !== id && types.has(e.from) && types.get(e.from) !== 'end',
          );
          if (!entered && type !== 'start') expect(unreachable.has(id)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reports the removal of any edge a generated valid flow needs', () => {
    // Optional edges: decision branches with a condition, action error exits, parallel branches.
    const needed = (def: FlowDefinitionInput, e: EdgeIn) => {
      const source = def.nodes.find((n) => n.id === e.from);
      return !(e.when && !e.default) && e.on !== 'error' && source?.type !== 'parallel';
    };
    fc.assert(
      fc.property(flowArbitrary(25), fc.nat(), (def, pick) => {
        const edges = def.edges ?? [];
        const index = pick % edges.length;
        if (!needed(def, edges[index]!)) return;
        const cut = { ...def, edges: edges.filter((_, i) => i !== index) };
        expect(validateFlow(def).filter((p) => p.severity === 'error')).toEqual([]);
        expect(validateFlow(cut).filter((p) => p.severity === 'error')).not.toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on a generated flow with any part replaced or removed', () => {
    fc.assert(
      fc.property(
        flowArbitrary(20),
        fc.array(fc.tuple(fc.nat(), fc.option(fc.jsonValue(), { nil: undefined })), {
          minLength: 1,
          maxLength: 3,
        }),
        (flow, edits) => {
          const def = JSON.parse(JSON.stringify(flow)) as unknown;
          const paths = pathsOf(def);
          for (const [i, value] of edits) setAt(def, paths[i % paths.length]!, value);
          for (const p of validateFlow(def)) Problem.parse(p);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('never throws on a valid flow with any one part replaced or removed', () => {
    const paths = pathsOf(VALID);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(paths.length - 1), fc.option(fc.jsonValue(), { nil: undefined })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const def = JSON.parse(JSON.stringify(VALID)) as unknown;
          for (const [i, value] of edits) setAt(def, paths[i]!, value);
          const problems = validateFlow(def, CTX);
          for (const p of problems) {
            Problem.parse(p);
            // The designer highlights by path: all but the last step must exist in the definition.
            expect(resolves(def, p.path.slice(0, -1)), JSON.stringify(p)).toBe(true);
          }
          expect(validateFlow(def, CTX)).toEqual(problems);
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** Random graphs of random node types: well-typed enough to reach every structural check. */
const randomGraph = fc
  .array(fc.constantFrom(...NODE_TYPES, 'robot'), { minLength: 1, maxLength: 12 })
  .chain((types) => {
    const ids = types.map((_, i) => `n-${i}`);
    const nodeIds = fc.constantFrom(...ids, 'ghost');
    const edge = fc.record(
      {
        from: nodeIds,
        to: nodeIds,
        on: fc.constantFrom('done', 'approved', 'rejected', 'timeout', 'error', 'sla-breached', 'ping'),
        when: fc.constantFrom('n-0.x = 1', 'x >', 'true'),
        default: fc.boolean(),
      },
      { requiredKeys: ['from', 'to'] },
    );
    return fc.array(edge, { maxLength: 30 }).map((edges) => ({
      key: 'random',
      name: 'Random',
      nodes: types.map((type, i) => ({
        id: ids[i],
        type,
        title: 'T',
        outcomes: ['done'],
        approvers: { group: 'g' },
        signal: 'ping',
        duration: 'PT1H',
        flow: 'other',
        to: 'customer',
        template: 't',
        survey: 'csat',
        action: { kind: 'http', url: '{{case.id}}' },
      })),
      edges,
    }));
  });

function resolves(root: unknown, path: Array<string | number>): boolean {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !(part in value)) return false;
    value = (value as Record<string | number, unknown>)[part];
  }
  return true;
}

function pathsOf(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (value && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  }
  return here;
}

function setAt(root: unknown, path: Array<string | number>, value: unknown): void {
  let target = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) {
    const next = target?.[part];
    if (next === null || typeof next !== 'object') return;
    target = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1);
    else delete target[last];
  } else {
    target[last] = value;
  }
}

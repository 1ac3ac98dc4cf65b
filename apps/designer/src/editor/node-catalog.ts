import type { NodeType } from '@caseflow/schema';
import type { DocNode } from './flow-document';

/** How one node type looks in the palette and on the canvas. */
export interface NodeKind {
  type: NodeType;
  label: string;
  /** What the node does, for the palette tooltip. */
  hint: string;
  shape: 'pill' | 'box' | 'diamond' | 'circle' | 'bar';
}

/** Every node type, in palette order. */
export const NODE_KINDS: readonly NodeKind[] = [
  { type: 'start', label: 'Start', hint: 'Where a case begins', shape: 'circle' },
  { type: 'task', label: 'Task', hint: 'Work for a person, left by its outcome', shape: 'box' },
  {
    type: 'approval',
    label: 'Approval',

    hint: 'Approvers vote: approved, rejected, timeout',
    shape: 'box',
  },
  {
    type: 'decision',
    label: 'Decision',

    hint: 'First edge whose condition holds, else default',
    shape: 'diamond',
  },
  {
    type: 'action',
    label: 'Action',

    hint: 'Set variables, call HTTP, update the customer',
    shape: 'box',
  },
  { type: 'wait', label: 'Wait', hint: 'Waits for a named signal', shape: 'box' },
  { type: 'timer', label: 'Timer', hint: 'Waits a duration or until a date', shape: 'circle' },
  { type: 'subflow', label: 'Subflow', hint: 'Runs another flow as a child case', shape: 'box' },
  { type: 'parallel', label: 'Parallel', hint: 'Forks into all outgoing branches', shape: 'bar' },
  { type: 'join', label: 'Join', hint: 'Waits for all incoming branches', shape: 'bar' },
  { type: 'notify', label: 'Notify', hint: 'Sends a message from a template', shape: 'box' },
  { type: 'survey', label: 'Survey', hint: 'Sends a CSAT, NPS or CES survey', shape: 'box' },
  { type: 'end', label: 'End', hint: 'Closes the case with an outcome', shape: 'circle' },
];

/** The palette entry of a type. */
export function kindOf(type: NodeType): NodeKind {
  return NODE_KINDS.find((k) => k.type === type) ?? NODE_KINDS[1]!;
}

/** A valid new node of `type` with id `id` and sensible defaults. Pure. */
export function newNode(type: NodeType, id: string): DocNode {
  switch (type) {
    case 'start':
      return { id, type, trigger: { kind: 'case' } };
    case 'end':
      return { id, type, outcome: 'resolved' };
    case 'task':
      return { id, type, title: 'New task', assign: {}, outcomes: ['done'] };
    case 'approval':
      return { id, type, title: 'Approve', approvers: { group: 'approvers' }, policy: { kind: 'any' } };
    case 'action':
      return { id, type, action: { kind: 'set', values: {} } };
    case 'decision':
      return { id, type };
    case 'wait':
      return { id, type, signal: 'customer-replied' };
    case 'timer':
      return { id, type, duration: 'PT1H' };
    case 'subflow':
      return { id, type, flow: 'child-flow', input: {} };
    case 'parallel':
      return { id, type };
    case 'join':
      return { id, type };
    case 'notify':
      return { id, type, to: 'customer', template: 'case-update', data: {} };
    case 'survey':
      return { id, type, survey: 'csat', to: 'customer' };
  }
}

/** One outgoing connection point: `on` is the edge's `on` value, null for a plain edge. */
export interface OutPort {
  id: string;
  on: string | null;
  label: string;
}

const PLAIN: OutPort = { id: 'out', on: null, label: '' };
const port = (on: string): OutPort => ({ id: on, on, label: on });

/**
 * The outgoing ports of a node, one per way it can leave: task outcomes, approval
 * approved/rejected(/timeout), wait signal(/timeout), action plain/error, and
 * `sla-breached` when the SLA leaves by an edge. End nodes have none. Pure.
 */
export function outPorts(node: DocNode): OutPort[] {
  const breach = 'sla' in node && node.sla?.onBreach === 'edge' ? [port('sla-breached')] : [];
  switch (node.type) {
    case 'end':
      return [];
    case 'task':
      return [...node.outcomes.map(port), ...breach];
    case 'approval':
      return [port('approved'), port('rejected'), ...(node.timeout ? [port('timeout')] : []), ...breach];
    case 'wait':
      return [port(node.signal), ...(node.timeout ? [port('timeout')] : [])];
    case 'action':
      return [PLAIN, port('error')];
    default:
      return [PLAIN];
  }
}

/** The label drawn on a node: its name, a task's title, or its id. */
export function nodeLabel(node: DocNode): string {
  if (node.name) return node.name;
  if ((node.type === 'task' || node.type === 'approval') && node.title) return node.title;
  return node.id;
}

/** How the summary names a tier (by id) and a person (by username); left out, they stay as written. */
export interface SummaryNames {
  tier?(id: string): string;
  user?(username: string): string;
  /** A recipient (`customer`, `group:<name>`, `tier:<id>`, `user:<name>`…) in words. */
  recipient?(to: string): string;
  /** A flow (a subflow's child) by its name. */
  flow?(key: string): string;
  /** A notification template by its subject in the owner's language. */
  template?(key: string): string;
}

/** Translates a message id with its values (the `t` of `useT`). */
export type Translate = (id: string, values?: Record<string, string | number>) => string;

/**
 * A one-line summary under the label (assignment, duration, template…), worded by `t`. Tiers,
 * people, recipients and child flows read as `names` says (a tier's name, a person's display
 * name); groups, signals and templates stay as written; durations are said by `duration` ("30 minutes": owners pick
 * them as an amount and a unit, not as ISO-8601); an end by its outcome in words. Pure.
 */
export function nodeSummary(
  node: DocNode,
  t: Translate,
  duration: (iso: string) => string = (iso) => iso,
  names: SummaryNames = {},
): string {
  switch (node.type) {
    case 'start':
      return node.trigger?.signal
        ? t('node.summary.startSignal', { signal: node.trigger.signal })
        : t(`node.summary.trigger.${node.trigger?.kind ?? 'case'}`);
    case 'end':
      return t(`props.end.${node.outcome ?? 'resolved'}`);
    case 'task': {
      const a = node.assign ?? {};
      const who =
        (a.tier && (names.tier?.(a.tier) ?? a.tier)) ??
        a.group ??
        (a.user && (names.user?.(a.user) ?? a.user)) ??
        t('node.summary.unassigned');
      return node.sla ? t('node.summary.sla', { who, target: duration(node.sla.target) }) : who;
    }
    case 'approval': {
      const p = node.policy ?? { kind: 'any' as const };
      const who = node.approvers.group ?? node.approvers.users?.join(', ') ?? '';
      return t(`node.summary.policy.${p.kind}`, { who, count: p.kind === 'quorum' ? p.count : 0 });
    }
    case 'action':
      return node.action.kind === 'http'
        ? `${node.action.method ?? 'POST'} ${
            node.action.connection !== undefined
              ? `${node.action.connection}:${node.action.path ?? ''}`
              : (node.action.url ?? '')
          }`
        : t(`panel.action.kind.${node.action.kind}`);
    case 'wait':
      return t('node.summary.wait', { signal: node.signal });
    case 'timer':
      return node.duration !== undefined
        ? duration(node.duration)
        : t('node.summary.until', { until: node.until ?? '' });
    case 'subflow':
      return names.flow?.(node.flow) ?? node.flow;
    case 'notify':
      return t('node.summary.notify', {
        template: names.template?.(node.template) ?? node.template,
        to: names.recipient?.(node.to) ?? node.to,
      });
    case 'survey':
      return node.survey.toUpperCase();
    default:
      return '';
  }
}

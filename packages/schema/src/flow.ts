import { z } from 'zod';
import { ConnectionName } from './connection';
import { FormSchema } from './form';
import { Locale } from './locale';
import { Channel, FeelExpression, Id, IsoDuration, Key } from './primitives';

/** One rung of the escalation ladder. L1 "router" tiers hand work on instead of solving it. */
export const Tier = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  group: z.string().min(1),
  mode: z.enum(['solver', 'router']).default('solver'),
});
export type Tier = z.infer<typeof Tier>;

/** Where an SLA clock starts, stops or pauses: on named case events and/or on entering nodes. */
export const SlaTrigger = z
  .object({ event: z.string().min(1).optional(), atNodes: z.array(Id).optional() })
  .refine((t) => t.event !== undefined || (t.atNodes?.length ?? 0) > 0, 'needs an event or atNodes');
export type SlaTrigger = z.infer<typeof SlaTrigger>;

const WarnAt = z.array(z.number().gt(0).lt(1)).default([]);
/** Recipients: "customer", "assignee", "group:<name>", "user:<name>", "tier:<id>". */
const Recipient = z.string().min(1);

/** A case-level SLA clock. */
export const CaseSla = z.object({
  id: Id,
  name: z.string().optional(),
  target: IsoDuration,
  calendar: z.string().optional(),
  start: SlaTrigger,
  stop: SlaTrigger,
  /** Pauses while the case is at one of these nodes (or between pause/resume events). */
  pause: z.object({ atNodes: z.array(Id).default([]) }).optional(),
  warnAt: WarnAt,
  onBreach: z
    .object({ escalate: z.boolean().default(false), notify: z.array(Recipient).default([]) })
    .default({ escalate: false, notify: [] }),
});
export type CaseSla = z.infer<typeof CaseSla>;

/**
 * SLA of one task or approval. On breach: `escalate` moves the task up a tier, `notify`
 * tells `notify` recipients, `edge` leaves by the node's `on: "sla-breached"` edge.
 */
export const NodeSla = z.object({
  target: IsoDuration,
  calendar: z.string().optional(),
  warnAt: WarnAt,
  onBreach: z.enum(['escalate', 'notify', 'edge']).default('escalate'),
  notify: z.array(Recipient).default([]),
});
export type NodeSla = z.infer<typeof NodeSla>;

/** A short text in each language it was written in ("Needs a field visit" / "Precisa de visita"). */
export const LocalizedLabel = z
  .partialRecord(Locale, z.string().trim().min(1).max(200))
  .refine((label) => Object.keys(label).length > 0, 'needs a text in at least one language');
export type LocalizedLabel = z.infer<typeof LocalizedLabel>;

const NodeBase = z.object({
  id: Id,
  /** Label on the canvas; defaults to the id. */
  name: z.string().optional(),
  description: z.string().optional(),
  /**
   * What customers read as the state of their request while it is at this node ("We are
   * checking your card"). Without it they see a neutral status: node names and task titles
   * are the team's words and may tell how the work is done inside. One text for every reader,
   * or a text per language (customers read theirs, else another the owner wrote).
   */
  customerLabel: z.union([z.string().min(1).max(200), LocalizedLabel]).optional(),
});

export const StartNode = NodeBase.extend({
  type: z.literal('start'),
  trigger: z
    .object({
      kind: z.enum(['case', 'catalog', 'signal', 'subflow']),
      signal: z.string().min(1).optional(),
      /**
       * With kind `case`: the channels whose new conversations open a case of this flow (an
       * e-mail to the support address, a chat, a WhatsApp message). One active flow per channel.
       */
      channels: z.array(Channel).max(8).optional(),
    })
    .default({ kind: 'case' }),
});

export const EndNode = NodeBase.extend({
  type: z.literal('end'),
  outcome: z.enum(['resolved', 'cancelled', 'rejected', 'failed']).default('resolved'),
});

export const Assignment = z.object({
  tier: z.string().optional(),
  group: z.string().optional(),
  user: z.string().optional(),
});
export type Assignment = z.infer<typeof Assignment>;

export const TaskNode = NodeBase.extend({
  type: z.literal('task'),
  title: z.string().min(1),
  assign: Assignment.default({}),
  form: FormSchema.optional(),
  outcomes: z.array(z.string().min(1)).min(1),
  /**
   * What the person completing the task reads for each outcome, per language. Outcomes stay
   * the ids edges route on ("needs-field-visit"); without a label the id is shown.
   */
  outcomeLabels: z.record(z.string().min(1).max(200), LocalizedLabel).optional(),
  sla: NodeSla.optional(),
  /**
   * The skills the task needs (DESIGN §12): FEEL over the case, evaluated when the task is
   * created, giving a skill name, a list of names, a context of name to minimum level, or a
   * list of {name, level}; null or an empty list: none. Only agents holding them are offered it.
   */
  requires: FeelExpression.optional(),
}).superRefine((task, ctx) => {
  // A label of an outcome the task lacks is a renamed or removed outcome's: nobody would read it.
  // (A set: both lists come from the client, and a list scanned per key was quadratic.)
  const outcomes = new Set(task.outcomes);
  for (const outcome of Object.keys(task.outcomeLabels ?? {})) {
    if (!outcomes.has(outcome))
      ctx.addIssue({
        code: 'custom',
        path: ['outcomeLabels', outcome],
        message: `labels an outcome the task does not have: "${outcome}"`,
      });
  }
});

export const ApprovalPolicy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('any') }),
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('first') }),
  z.object({ kind: z.literal('quorum'), count: z.number().int().min(1) }),
]);
export type ApprovalPolicy = z.infer<typeof ApprovalPolicy>;

export const ApprovalNode = NodeBase.extend({
  type: z.literal('approval'),
  title: z.string().optional(),
  approvers: z
    .object({ group: z.string().optional(), users: z.array(z.string()).optional() })
    .refine((a) => a.group !== undefined || (a.users?.length ?? 0) > 0, 'needs a group or users'),
  policy: ApprovalPolicy.default({ kind: 'any' }),
  timeout: IsoDuration.optional(),
  sla: NodeSla.optional(),
});

export const SetAction = z.object({ kind: z.literal('set'), values: z.record(z.string(), FeelExpression) });
/**
 * An HTTP call. Either names a `connection` (DESIGN §8: base URL, allowed hosts and credentials
 * kept by the runtime) plus a `path` under its base URL, or gives a plain `url` for systems
 * that need no credentials. Credential headers belong in a connection, never in the flow.
 */
export const HttpAction = z
  .object({
    kind: z.literal('http'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'),
    /** The connection (by name) whose base URL, hosts and credentials the call uses. */
    connection: ConnectionName.optional(),
    /** With a connection: the path (and query) under its base URL, templated with {{FEEL}}. */
    path: z.string().max(2000).optional(),
    /** Without a connection: the whole URL, templated with {{FEEL}}. */
    url: z.string().min(1).optional(),
    headers: z.record(z.string(), z.string()).default({}),
    /** Templated JSON body: string values may contain {{FEEL}}. */
    body: z.unknown().optional(),
    retries: z.number().int().min(0).max(10).default(3),
  })
  .refine((a) => (a.connection === undefined) !== (a.url === undefined), {
    message: 'an http action needs either a connection (with a path) or a url, not both',
    path: ['connection'],
  })
  .refine((a) => a.path === undefined || a.connection !== undefined, {
    message: 'a path needs a connection (or write the whole url instead)',
    path: ['path'],
  });
export const CustomerAction = z.object({
  kind: z.literal('customer'),
  attributes: z.record(z.string(), FeelExpression).default({}),
  addTags: z.array(z.string()).default([]),
  removeTags: z.array(z.string()).default([]),
});
export const Action = z.discriminatedUnion('kind', [SetAction, HttpAction, CustomerAction]);
export type Action = z.infer<typeof Action>;

export const ActionNode = NodeBase.extend({ type: z.literal('action'), action: Action });
export const DecisionNode = NodeBase.extend({ type: z.literal('decision') });
export const WaitNode = NodeBase.extend({
  type: z.literal('wait'),
  signal: z.string().min(1),
  timeout: IsoDuration.optional(),
});
export const TimerNode = NodeBase.extend({
  type: z.literal('timer'),
  duration: IsoDuration.optional(),
  /** FEEL giving a date-time to wait until. */
  until: FeelExpression.optional(),
  calendar: z.string().optional(),
}).refine((n) => (n.duration === undefined) !== (n.until === undefined), {
  message: 'a timer needs exactly one of duration or until',
  path: ['duration'],
});
export const SubflowNode = NodeBase.extend({
  type: z.literal('subflow'),
  flow: Key,
  /** Child variable name -> FEEL expression over the parent's scope. */
  input: z.record(z.string(), FeelExpression).default({}),
});
export const ParallelNode = NodeBase.extend({ type: z.literal('parallel') });
export const JoinNode = NodeBase.extend({ type: z.literal('join') });
export const NotifyNode = NodeBase.extend({
  type: z.literal('notify'),
  to: z.string().min(1),
  template: z.string().min(1),
  channel: z.string().optional(),
  /** Template data: name -> FEEL. */
  data: z.record(z.string(), FeelExpression).default({}),
  /**
   * A knowledge-base article (slug) sent with the message, in each recipient's language:
   * its title, an excerpt and its help-centre address. Customers get only articles they may read.
   */
  article: Key.max(120).optional(),
});
export const SurveyKind = z.enum(['csat', 'nps', 'ces']);
export type SurveyKind = z.infer<typeof SurveyKind>;
export const SurveyNode = NodeBase.extend({
  type: z.literal('survey'),
  survey: SurveyKind,
  to: z.string().default('customer'),
});

export const NODE_TYPES = [
  'start',
  'end',
  'task',
  'approval',
  'action',
  'decision',
  'wait',
  'timer',
  'subflow',
  'parallel',
  'join',
  'notify',
  'survey',
] as const;
export const NodeType = z.enum(NODE_TYPES);
export type NodeType = z.infer<typeof NodeType>;

export const FlowNode = z.discriminatedUnion('type', [
  StartNode,
  EndNode,
  TaskNode,
  ApprovalNode,
  ActionNode,
  DecisionNode,
  WaitNode,
  TimerNode,
  SubflowNode,
  ParallelNode,
  JoinNode,
  NotifyNode,
  SurveyNode,
]);
export type FlowNode = z.infer<typeof FlowNode>;
/** The node of one type, e.g. `NodeOf<'task'>`. */
export type NodeOf<T extends NodeType> = Extract<FlowNode, { type: T }>;

export const Edge = z.object({
  /** Optional stable id; edges without one are addressed as `from->to` (or `from->to#n`). */
  id: z.string().optional(),
  from: Id,
  to: Id,
  /** Outcome, approval decision, signal name, "timeout", "error" or "sla-breached". */
  on: z.string().min(1).optional(),
  /** FEEL condition, for edges leaving a decision. */
  when: FeelExpression.optional(),
  default: z.boolean().optional(),
  label: z.string().optional(),
});
export type Edge = z.infer<typeof Edge>;

export const FlowKind = z.enum(['case', 'fulfillment', 'subflow']);

export const FlowDefinition = z.object({
  key: Key,
  name: z.string().min(1),
  description: z.string().optional(),
  kind: FlowKind.default('case'),
  /** JSON Schema (object) of case variables. */
  variables: z.record(z.string(), z.unknown()).default({ type: 'object', properties: {} }),
  tiers: z.array(Tier).default([]),
  calendar: z.string().default('24x7'),
  slas: z.array(CaseSla).default([]),
  nodes: z.array(FlowNode),
  edges: z.array(Edge).default([]),
  /** Canvas positions; ignored by the engine. */
  layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).default({}),
});
/** A parsed flow (defaults applied). */
export type FlowDefinition = z.infer<typeof FlowDefinition>;
/** A flow as authored (defaults optional). */
export type FlowDefinitionInput = z.input<typeof FlowDefinition>;

/** The canonical id of an edge, used by problems and diffs. */
export function edgeId(edge: Edge, index: number, all: readonly Edge[]): string {
  if (edge.id) return edge.id;
  const base = `${edge.from}->${edge.to}`;
  const twins = all.slice(0, index).filter((e) => !e.id && e.from === edge.from && e.to === edge.to).length;
  return twins === 0 ? base : `${base}#${twins + 1}`;
}

/** JSON Schema of a flow definition, for monaco and external tooling. */
export function flowDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(FlowDefinition, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

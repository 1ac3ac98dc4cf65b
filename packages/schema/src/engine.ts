import { z } from 'zod';
import { ApprovalPolicy, SurveyKind } from './flow';
import { FormSchema } from './form';
import { Channel, Priority } from './primitives';

/** Epoch milliseconds: the engine never reads a clock, time is always passed in. */
const Millis = z.number().int();
const Json = z.unknown();

/** The case data a flow instance starts with (the `case` and `customer` FEEL scopes). */
export const CaseInput = z.object({
  caseId: z.string(),
  customerId: z.string().nullable().default(null),
  channel: Channel.default('web'),
  subject: z.string().default(''),
  priority: Priority.default('normal'),
  variables: z.record(z.string(), Json).default({}),
  customer: z.record(z.string(), Json).default({}),
  /** Allow-listed settings visible to FEEL as `env`. */
  env: z.record(z.string(), z.string()).default({}),
  /** Set when this instance is a subflow child. */
  parent: z.object({ caseId: z.string(), nodeId: z.string(), childId: z.string() }).optional(),
});
export type CaseInput = z.infer<typeof CaseInput>;
/** CaseInput as a caller writes it (defaults optional). */
export type CaseInputInit = z.input<typeof CaseInput>;

// ---------------------------------------------------------------------------------------------
// Events: what the runtime feeds into step().

export const EngineEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('task.complete'),
    taskId: z.string(),
    outcome: z.string(),
    values: z.record(z.string(), Json).default({}),
    actor: z.string().optional(),
  }),
  z.object({
    type: z.literal('task.escalate'),
    taskId: z.string(),
    reason: z.string().default(''),
    actor: z.string().optional(),
  }),
  /** The runtime resolved the approvers of an approval node (group members or listed users). */
  z.object({ type: z.literal('approval.assigned'), approvalId: z.string(), approvers: z.array(z.string()) }),
  z.object({
    type: z.literal('approval.vote'),
    taskId: z.string(),
    vote: z.enum(['approve', 'reject']),
    voter: z.string(),
    comment: z.string().optional(),
  }),
  z.object({ type: z.literal('signal'), name: z.string(), data: Json.optional() }),
  z.object({ type: z.literal('timer.fire'), timerId: z.string() }),
  z.object({
    type: z.literal('http.result'),
    callId: z.string(),
    ok: z.boolean(),
    status: z.number().int().optional(),
    result: Json.optional(),
    error: z.string().optional(),
  }),
  z.object({
    type: z.literal('subflow.done'),
    childId: z.string(),
    outcome: z.string(),
    result: Json.optional(),
  }),
  /** A named case event such as "case.firstResponse" that SLA clocks may start or stop on. */
  z.object({ type: z.literal('case.event'), name: z.string(), data: Json.optional() }),
  z.object({ type: z.literal('case.cancel'), reason: z.string().default(''), actor: z.string().optional() }),
]);
export type EngineEvent = z.infer<typeof EngineEvent>;
export type EngineEventType = EngineEvent['type'];

// ---------------------------------------------------------------------------------------------
// Effects: what step() asks the runtime to do, as data. The runtime stores them in the same
// transaction as the snapshot, then performs them (outbox pattern).

export const TaskSpec = z.object({
  taskId: z.string(),
  nodeId: z.string(),
  kind: z.enum(['task', 'approval']),
  title: z.string(),
  tier: z.string().nullable(),
  group: z.string().nullable(),
  assignee: z.string().nullable(),
  outcomes: z.array(z.string()),
  form: FormSchema.optional(),
  dueAt: Millis.nullable(),
  /** For approval tasks: the approval (node visit) it votes on. */
  approvalId: z.string().optional(),
});
export type TaskSpec = z.infer<typeof TaskSpec>;

export const SlaScope = z.enum(['case', 'task']);

export const Effect = z.discriminatedUnion('type', [
  z.object({ type: z.literal('task.create'), task: TaskSpec }),
  z.object({ type: z.literal('task.cancel'), taskId: z.string(), reason: z.string() }),
  /** The old task ends as `escalated`; `task` is its successor on the next tier. */
  z.object({
    type: z.literal('task.escalate'),
    taskId: z.string(),
    task: TaskSpec,
    fromTier: z.string().nullable(),
    toTier: z.string().nullable(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('approval.request'),
    approvalId: z.string(),
    nodeId: z.string(),
    title: z.string(),
    group: z.string().nullable(),
    users: z.array(z.string()),
    policy: ApprovalPolicy,
  }),
  z.object({ type: z.literal('timer.schedule'), timerId: z.string(), at: Millis, purpose: z.string() }),
  z.object({ type: z.literal('timer.cancel'), timerId: z.string() }),
  z.object({
    type: z.literal('sla.start'),
    slaId: z.string(),
    scope: SlaScope,
    taskId: z.string().nullable(),
    target: z.string(),
    calendar: z.string(),
    startedAt: Millis,
    dueAt: Millis,
  }),
  // `status` is the clock's state as the engine computes it: a breached clock stays `breached`
  // through pause and resume, a warned one resumes as `warning`.
  z.object({
    type: z.literal('sla.pause'),
    slaId: z.string(),
    at: Millis,
    elapsedMs: z.number(),
    status: z.enum(['paused', 'breached']),
  }),
  z.object({
    type: z.literal('sla.resume'),
    slaId: z.string(),
    at: Millis,
    dueAt: Millis,
    status: z.enum(['running', 'warning', 'breached']),
  }),
  z.object({
    type: z.literal('sla.warning'),
    slaId: z.string(),
    at: Millis,
    fraction: z.number(),
    status: z.literal('warning'),
  }),
  z.object({ type: z.literal('sla.breach'), slaId: z.string(), at: Millis }),
  z.object({
    type: z.literal('sla.stop'),
    slaId: z.string(),
    at: Millis,
    status: z.enum(['met', 'breached', 'cancelled']),
    elapsedMs: z.number(),
  }),
  z.object({
    type: z.literal('http.call'),
    callId: z.string(),
    nodeId: z.string(),
    method: z.string(),
    /** The rendered URL of a call without a connection; '' when it names one. */
    url: z.string(),
    /** The connection the runtime resolves at delivery (base URL, hosts, credentials). */
    connection: z.string().optional(),
    /** The rendered path under the connection's base URL (placeholder values URL-encoded). */
    path: z.string().optional(),
    headers: z.record(z.string(), z.string()),
    body: Json.optional(),
    retries: z.number().int(),
  }),
  z.object({
    type: z.literal('notify'),
    notifyId: z.string(),
    nodeId: z.string().nullable(),
    to: z.string(),
    template: z.string(),
    channel: z.string().nullable(),
    data: z.record(z.string(), Json),
    /** The article (slug) a notify node sends with its message. */
    article: z.string().optional(),
  }),
  z.object({
    type: z.literal('survey.send'),
    surveyId: z.string(),
    nodeId: z.string(),
    kind: SurveyKind,
    to: z.string(),
  }),
  z.object({
    type: z.literal('subflow.start'),
    childId: z.string(),
    nodeId: z.string(),
    flow: z.string(),
    input: z.record(z.string(), Json),
  }),
  z.object({
    type: z.literal('customer.update'),
    nodeId: z.string(),
    attributes: z.record(z.string(), Json),
    addTags: z.array(z.string()),
    removeTags: z.array(z.string()),
  }),
  z.object({ type: z.literal('variables.set'), values: z.record(z.string(), Json) }),
  z.object({
    type: z.literal('case.close'),
    outcome: z.enum(['resolved', 'cancelled', 'rejected', 'failed']),
    nodeId: z.string().nullable(),
  }),
  /** A timeline entry (node.entered, node.left, approval.vote, ...). */
  z.object({
    type: z.literal('audit'),
    entry: z.object({
      type: z.string(),
      nodeId: z.string().optional(),
      data: z.record(z.string(), Json).default({}),
    }),
  }),
]);
export type Effect = z.infer<typeof Effect>;
export type EffectType = Effect['type'];
export type EffectOf<T extends EffectType> = Extract<Effect, { type: T }>;

/** What the runtime and designer can read off a snapshot without knowing XState. */
export const CaseView = z.object({
  status: z.enum(['open', 'resolved', 'cancelled', 'rejected', 'failed']),
  activeNodes: z.array(z.string()),
  variables: z.record(z.string(), Json),
  /** Results of completed nodes by node id (form values, http results, subflow outcomes). */
  results: z.record(z.string(), Json),
  openTasks: z.array(TaskSpec),
  slas: z.array(
    z.object({
      slaId: z.string(),
      scope: SlaScope,
      taskId: z.string().nullable(),
      status: z.enum(['pending', 'running', 'paused', 'warning', 'met', 'breached', 'cancelled']),
      target: z.string(),
      calendar: z.string(),
      dueAt: Millis.nullable(),
      elapsedMs: z.number(),
    }),
  ),
});
export type CaseView = z.infer<typeof CaseView>;

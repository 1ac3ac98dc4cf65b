import { z } from 'zod';
import { KbFigures } from './kb';

// The service metrics the analytics API answers (GET /api/metrics, the pilot report). Field
// names are contracts; the runtime computes these shapes and the designer reads them.

/** What `GET /api/metrics?by=` groups by. */
export const MetricDimension = z.enum([
  'cohort',
  'version',
  'channel',
  'tier',
  'group',
  'agent',
  'catalogItem',
]);
export type MetricDimension = z.infer<typeof MetricDimension>;

/** Average, p50 and p90 (nearest rank) of a duration list in whole ms; nulls when `count` is 0. */
export const Spread = z.object({
  count: z.number().int(),
  avg: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
});
export type Spread = z.infer<typeof Spread>;

/** Met and breached clocks of one SLA id, with compliance = met / (met + breached). */
export const SlaTally = z.object({
  met: z.number().int(),
  breached: z.number().int(),
  compliance: z.number().nullable(),
});
export type SlaTally = z.infer<typeof SlaTally>;

/** The service metrics of one group of cases (issue #6 / DESIGN §5). Rates are 0..1. */
export const CaseMetrics = z.object({
  cases: z.number().int(),
  resolved: z.number().int(),
  /** resolved / cases. */
  resolutionRate: z.number().nullable(),
  /** First-contact resolutions: resolved, never escalated, at most one agent response. */
  fcrCases: z.number().int(),
  /** fcrCases / resolved. */
  fcr: z.number().nullable(),
  /** Case opened → first agent response, in wall time and in the flow's business calendar. */
  firstResponseMs: Spread,
  firstResponseBusinessMs: Spread,
  /** Case opened → closed, over resolved cases, wall and business time. */
  resolutionMs: Spread,
  resolutionBusinessMs: Spread,
  /** Over every SLA clock that finished met or breached. */
  slaCompliance: z.number().nullable(),
  slaMet: z.number().int(),
  breaches: z.number().int(),
  /** The same per SLA id. */
  slas: z.record(z.string(), SlaTally),
  /** Tasks that were escalated, in total and by the tier they were escalated from. */
  escalations: z.number().int(),
  escalationsByTier: z.record(z.string(), z.number().int()),
  /** Completed tasks with an assignee. */
  tasksHandled: z.number().int(),
  /** Claim → completion of completed tasks that were claimed (a task completed without a claim has no handling time). */
  ahtMs: Spread,
  /** Percent of CSAT answers scoring 4 or 5 (0..100). */
  csat: z.number().nullable(),
  csatResponses: z.number().int(),
  /** CSAT answers scoring 4 or 5. */
  csatSatisfied: z.number().int(),
  /** Percent promoters (9–10) minus percent detractors (0–6). */
  nps: z.number().nullable(),
  npsResponses: z.number().int(),
  /** Mean CES score. */
  ces: z.number().nullable(),
  cesResponses: z.number().int(),
  surveys: z.number().int(),
  messages: z.number().int(),
  /** Messages from agents. */
  responses: z.number().int(),
  /**
   * Channel switches (issue #15 item 7): cases whose customer wrote on more than one channel
   * (say e-mail, then chat), and their share of `cases`.
   */
  channelSwitches: z.number().int(),
  channelSwitchRate: z.number().nullable(),
});
export type CaseMetrics = z.infer<typeof CaseMetrics>;

/** One group of the report: its dimension values (as strings) and its metrics. */
export const MetricsGroup = z.intersection(CaseMetrics, z.partialRecord(MetricDimension, z.string()));
export type MetricsGroup = z.infer<typeof MetricsGroup>;

/** One agent's work over the period. */
export const AgentMetrics = z.object({
  agent: z.string(),
  /** Tasks the agent completed. */
  tasksHandled: z.number().int(),
  /** Mean claim → completion of the agent's completed, claimed tasks (ms), or null. */
  ahtMs: z.number().nullable(),
  /** Time holding at least one claimed task inside the period (overlaps count once). */
  busyMs: z.number(),
  /** busyMs / period length (0..1), or null for an empty period. */
  occupancy: z.number().nullable(),
});
export type AgentMetrics = z.infer<typeof AgentMetrics>;

/**
 * Subflow (child) cases opened in the period, counted apart: they are internal steps of other
 * cases, so `cases`, FCR and the other case figures count top-level cases only.
 */
export const SubflowCounts = z.object({
  cases: z.number().int(),
  open: z.number().int(),
  resolved: z.number().int(),
});
export type SubflowCounts = z.infer<typeof SubflowCounts>;

/**
 * GET /api/metrics: the query echoed, totals of the cases opened in the period, one item per
 * group of `by` (the totals alone when `by` is empty), per-agent work, and the period itself.
 */
/** One agent's routing figures over the period (DESIGN §12). */
export const AgentWorkforce = z.object({
  agent: z.string(),
  /** Time online inside the period. */
  onlineMs: z.number(),
  /** Working time of their calendar inside the period; null without a calendar. */
  scheduledMs: z.number().nullable(),
  /** Schedule adherence: the share of their working time they were online (0..1); null without hours. */
  adherence: z.number().nullable(),
  /** Tasks routing gave them, and the mean time those tasks had waited (ms; null when none). */
  assignments: z.number().int(),
  assignmentWaitMs: z.number().nullable(),
  /** Tasks they declined or let the offer lapse on. */
  declines: z.number().int(),
});
export type AgentWorkforce = z.infer<typeof AgentWorkforce>;

/** One group's routing figures over the period, and its members' presence and work. */
export const GroupWorkforce = z.object({
  group: z.string(),
  /** Its members now; their online time, adherence and occupancy below are summed over them. */
  members: z.number().int(),
  onlineMs: z.number(),
  /** Members' online working time ÷ their scheduled working time (0..1); null when none has hours. */
  adherence: z.number().nullable(),
  /** Members' time holding work ÷ their time online (0..1); null when nobody was online. */
  occupancy: z.number().nullable(),
  assignments: z.number().int(),
  assignmentWaitMs: z.number().nullable(),
  declines: z.number().int(),
  overflows: z.number().int(),
});
export type GroupWorkforce = z.infer<typeof GroupWorkforce>;

/** Workforce metrics: presence against working hours, assignment waits and declines. */
export const WorkforceMetrics = z.object({
  agents: z.array(AgentWorkforce),
  groups: z.array(GroupWorkforce),
});
export type WorkforceMetrics = z.infer<typeof WorkforceMetrics>;

export const MetricsReport = z.object({
  flow: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  by: z.array(MetricDimension),
  total: CaseMetrics,
  items: z.array(MetricsGroup),
  agents: z.array(AgentMetrics),
  /** Child cases of subflows, reported apart from the cases above. */
  subflows: SubflowCounts,
  /** The occupancy period: [from, to], defaulting to the first case's creation and now. */
  period: z.object({ from: z.string(), to: z.string() }),
  /** How p50/p90 were computed: from a mergeable sketch, within `relativeError` of the exact value. */
  percentiles: z.object({ method: z.enum(['sketch', 'exact']), relativeError: z.number() }).optional(),
  /** Routing's figures per agent and group over the period (occupancy is in `agents`). */
  workforce: WorkforceMetrics.optional(),
  next: z.null(),
});
export type MetricsReport = z.infer<typeof MetricsReport>;

/** The metrics a pilot report compares: rates by a two-proportion z-test, durations by Mann-Whitney U. */
export const RateMetric = z.enum([
  'resolutionRate',
  'fcr',
  'slaCompliance',
  'csat',
  'helpfulRate',
  'deflectionRate',
  /** Declined and lapsed offers per task routing gave the cohort's cases: lower is better. */
  'declineRate',
]);
export type RateMetric = z.infer<typeof RateMetric>;
export const DurationMetric = z.enum([
  'firstResponseMs',
  'resolutionMs',
  'firstResponseBusinessMs',
  'resolutionBusinessMs',
  /** How long the cohort's tasks waited before routing gave them to an agent. */
  'assignmentWaitMs',
  /** Agent time per case: how long agents held the case's tasks (claim → close), summed. */
  'agentTimeMs',
]);
export type DurationMetric = z.infer<typeof DurationMetric>;

/** A significance test's outcome; nulls when a sample is empty or has no spread. p is two-sided. */
export const TestResult = z.object({
  test: z.enum(['two-proportion z-test', 'Mann-Whitney U (normal approximation)']),
  statistic: z.number().nullable(),
  z: z.number().nullable(),
  p: z.number().nullable(),
});
export type TestResult = z.infer<typeof TestResult>;

/** One metric of the pilot against the control cohort, with the test that judged it. */
export const Comparison = TestResult.extend({
  metric: z.union([RateMetric, DurationMetric]),
  /** The rate (0..1) or the median duration (ms) of each cohort. */
  pilot: z.number().nullable(),
  control: z.number().nullable(),
  /** Observations behind each side (denominator of the rate, or durations measured). */
  pilotCount: z.number().int(),
  controlCount: z.number().int(),
  /** pilot − control. */
  difference: z.number().nullable(),
  /** p below the report's alpha. */
  significant: z.boolean(),
  /** The cohort that does better when the difference is significant (higher rate, shorter time). */
  better: z.enum(['pilot', 'control']).nullable(),
});
export type Comparison = z.infer<typeof Comparison>;

/** What to do with the pilot, and why. */
export const Recommendation = z.object({
  action: z.enum(['promote', 'keep running', 'stop']),
  reason: z.string(),
});
export type Recommendation = z.infer<typeof Recommendation>;

/** A pilot cohort's knowledge-base figures, with the requests its deflection rate counts. */
export const PilotKbFigures = KbFigures.extend({ requests: z.number().int() });
export type PilotKbFigures = z.infer<typeof PilotKbFigures>;

/**
 * A pilot cohort's workforce figures: routing's assignments and declines of the cohort's tasks,
 * their median wait for an agent, and the agent time their tasks took (the cohort's share of
 * occupancy: time agents held its tasks, claim → close).
 */
export const PilotWorkforceFigures = z.object({
  assignments: z.number().int(),
  declines: z.number().int(),
  assignmentWaitMs: z.number().nullable(),
  agentTimeMs: z.number(),
  /** Cases with agent time (at least one task claimed). */
  casesWorked: z.number().int(),
});
export type PilotWorkforceFigures = z.infer<typeof PilotWorkforceFigures>;

/** The pilot report's findings: metrics per cohort, each comparison, the recommendation. */
export const PilotFindings = z.object({
  cohorts: z.object({ pilot: CaseMetrics, control: CaseMetrics }),
  /**
   * The knowledge base per cohort while the pilot ran: article views, votes and deflections of
   * the cohort's customers; requests are the cohort's cases of the pilot's flow.
   */
  kb: z.object({ pilot: PilotKbFigures, control: PilotKbFigures }).optional(),
  /** Routing and agent time per cohort (DESIGN §12 workforce metrics in pilots). */
  workforce: z.object({ pilot: PilotWorkforceFigures, control: PilotWorkforceFigures }).optional(),
  comparison: z.array(Comparison),
  recommendation: Recommendation,
  alpha: z.number(),
  minCasesPerCohort: z.number().int(),
});
export type PilotFindings = z.infer<typeof PilotFindings>;

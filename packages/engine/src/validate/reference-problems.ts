import type { Problem } from '@caseflow/schema';
import { asString, type FlowView, isObject, type NodeView, nodeName } from './flow-view';
import { error, type ProblemPath } from './problems';

/** What the surrounding system knows: groups, saved flows and business calendars by key. */
export interface ValidationContext {
  groups?: readonly string[];
  flows?: readonly string[];
  calendars?: readonly string[];
}

/** The calendar every installation has: all hours of every day. */
const ALWAYS_OPEN = '24x7';

/**
 * Problems with names the flow borrows: task tiers (against the flow's own tiers), groups,
 * calendars and subflows (against `ctx`, each only when the caller supplies that list), and a
 * subflow that starts its own flow (a child would start a child, without end).
 */
export function referenceProblems(view: FlowView, ctx: ValidationContext = {}): Problem[] {
  const problems: Problem[] = [];
  const groups = ctx.groups ? new Set(ctx.groups) : undefined;
  const flows = ctx.flows ? new Set(ctx.flows) : undefined;
  const calendars = ctx.calendars ? new Set([...ctx.calendars, ALWAYS_OPEN]) : undefined;
  const raw = view.raw;
  const tiers = Array.isArray(raw.tiers) ? raw.tiers : [];
  const tierIds = new Set(tiers.map((t: unknown) => (isObject(t) ? asString(t.id) : undefined)));

  const checkGroup = (group: unknown, path: ProblemPath, owner: string, node?: NodeView) => {
    if (!groups || typeof group !== 'string' || groups.has(group)) return;
    problems.push(
      error('unknown-group', `${owner} names group "${group}", which does not exist`, path, {
        nodeId: node?.id,
        hint: `Create the group "${group}" first, or pick an existing group.`,
      }),
    );
  };
  const checkCalendar = (calendar: unknown, path: ProblemPath, owner: string, node?: NodeView) => {
    if (!calendars || typeof calendar !== 'string' || calendars.has(calendar)) return;
    problems.push(
      error('unknown-calendar', `${owner} uses calendar "${calendar}", which does not exist`, path, {
        nodeId: node?.id,
        hint: `Define the business calendar "${calendar}", or use "${ALWAYS_OPEN}".`,
      }),
    );
  };

  checkCalendar(raw.calendar, ['calendar'], 'the flow');
  tiers.forEach((tier: unknown, i) => {
    if (isObject(tier)) checkGroup(tier.group, ['tiers', i, 'group'], `tier "${asString(tier.id) ?? i}"`);
  });
  if (Array.isArray(raw.slas)) {
    raw.slas.forEach((sla: unknown, i) => {
      if (isObject(sla))
        checkCalendar(sla.calendar, ['slas', i, 'calendar'], `SLA "${asString(sla.id) ?? i}"`);
    });
  }

  for (const node of view.nodes) {
    const at = (...rest: ProblemPath): ProblemPath => ['nodes', node.index, ...rest];
    const owner = nodeName(node);
    const n = node.raw;
    if (isObject(n.sla)) checkCalendar(n.sla.calendar, at('sla', 'calendar'), `the SLA of ${owner}`, node);
    switch (node.type) {
      case 'task': {
        const assign = isObject(n.assign) ? n.assign : {};
        const tier = assign.tier;
        if (typeof tier === 'string' && !tierIds.has(tier)) {
          problems.push(
            error(
              'unknown-tier',
              `${owner} is assigned to tier "${tier}", which the flow does not define`,
              at('assign', 'tier'),
              {
                nodeId: node.id,
                hint: tierIds.size
                  ? `Use one of the flow's tiers (${[...tierIds].filter(Boolean).join(', ')}), or add tier "${tier}".`
                  : `Add tier "${tier}" to the flow's tiers, or assign a group instead.`,
              },
            ),
          );
        }
        checkGroup(assign.group, at('assign', 'group'), owner, node);
        break;
      }
      case 'approval':
        if (isObject(n.approvers)) checkGroup(n.approvers.group, at('approvers', 'group'), owner, node);
        break;
      case 'timer':
        checkCalendar(n.calendar, at('calendar'), owner, node);
        break;
      case 'subflow':
        problems.push(...subflowProblems(node, asString(raw.key), flows));
        break;
    }
  }
  return problems;
}

function subflowProblems(
  node: NodeView,
  ownKey: string | undefined,
  flows: Set<string> | undefined,
): Problem[] {
  const flow = asString(node.raw.flow);
  if (flow === undefined) return [];
  const path = ['nodes', node.index, 'flow'];
  if (flow === ownKey) {
    return [
      error('missing-subflow', `${nodeName(node)} starts its own flow "${flow}"`, path, {
        nodeId: node.id,
        hint: 'A flow cannot run itself as a subflow; loop back with an edge instead, or call another flow.',
      }),
    ];
  }
  if (flows && !flows.has(flow)) {
    return [
      error('missing-subflow', `${nodeName(node)} starts flow "${flow}", which does not exist`, path, {
        nodeId: node.id,
        hint: `Create and publish flow "${flow}" first, or pick an existing flow.`,
      }),
    ];
  }
  return [];
}

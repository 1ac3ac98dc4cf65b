import type { Problem } from '@caseflow/schema';
import { asString, type FlowView, isObject, type NodeView, nodeName } from './flow-view';
import { error, type ProblemPath } from './problems';

/** What the surrounding system knows: groups, saved flows and business calendars by key. */
export interface ValidationContext {
  groups?: readonly string[];
  flows?: readonly string[];
  calendars?: readonly string[];
  /** Names of the connections http actions may call (DESIGN §8). */
  connections?: readonly string[];
}

/** The calendar every installation has: all hours of every day. */
const ALWAYS_OPEN = '24x7';

/**
 * Problems with names the flow borrows: tiers (task assignments and `tier:<id>` recipients,
 * against the flow's own tiers), groups (tiers, assignments, approvers, `group:<name>`
 * recipients), calendars and subflows — each of the last three only when `ctx` lists them —
 * and a subflow that starts its own flow (a child would start a child, without end).
 */
export function referenceProblems(view: FlowView, ctx: ValidationContext): Problem[] {
  const names = new References(view, ctx);
  const raw = view.raw;
  names.calendar(raw.calendar, ['calendar'], 'the flow');
  eachObject(raw.tiers, (tier, i) => {
    names.group(tier.group, ['tiers', i, 'group'], `tier "${asString(tier.id) ?? i}"`);
  });
  eachObject(raw.slas, (sla, i) => {
    const owner = `SLA "${asString(sla.id) ?? i}"`;
    names.calendar(sla.calendar, ['slas', i, 'calendar'], owner);
    for (const trigger of ['start', 'stop', 'pause'] as const) {
      const at = sla[trigger];
      if (isObject(at)) names.nodes(view, at.atNodes, ['slas', i, trigger, 'atNodes'], owner);
    }
    if (isObject(sla.onBreach))
      names.recipients(sla.onBreach.notify, ['slas', i, 'onBreach', 'notify'], owner);
  });

  for (const node of view.nodes) {
    const at = (...rest: ProblemPath): ProblemPath => ['nodes', node.index, ...rest];
    const owner = nodeName(node);
    const n = node.raw;
    // Only tasks and approvals carry an SLA; elsewhere the schema drops the field.
    if ((node.type === 'task' || node.type === 'approval') && isObject(n.sla)) {
      names.calendar(n.sla.calendar, at('sla', 'calendar'), `the SLA of ${owner}`, node);
      names.recipients(n.sla.notify, at('sla', 'notify'), `the SLA of ${owner}`, node);
    }
    switch (node.type) {
      case 'task': {
        const assign = isObject(n.assign) ? n.assign : {};
        names.tier(assign.tier, at('assign', 'tier'), owner, node);
        names.group(assign.group, at('assign', 'group'), owner, node);
        break;
      }
      case 'approval':
        if (isObject(n.approvers)) names.group(n.approvers.group, at('approvers', 'group'), owner, node);
        break;
      case 'timer':
        names.calendar(n.calendar, at('calendar'), owner, node);
        break;
      case 'notify':
      case 'survey':
        names.recipient(n.to, at('to'), owner, node);
        break;
      case 'subflow':
        names.subflow(node);
        break;
    }
  }
  return names.problems;
}

function eachObject(list: unknown, visit: (item: Record<string, unknown>, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, i) => {
    if (isObject(item)) visit(item, i);
  });
}

/** Looks names up and collects a problem for each one that does not resolve. */
class References {
  readonly problems: Problem[] = [];
  private readonly groups: Set<string> | undefined;
  private readonly flows: Set<string> | undefined;
  private readonly calendars: Set<string> | undefined;
  private readonly tiers: string[];
  private readonly ownKey: string | undefined;

  constructor(view: FlowView, ctx: ValidationContext) {
    this.groups = ctx.groups ? new Set(ctx.groups) : undefined;
    this.flows = ctx.flows ? new Set(ctx.flows) : undefined;
    this.calendars = ctx.calendars ? new Set([...ctx.calendars, ALWAYS_OPEN]) : undefined;
    const tiers = Array.isArray(view.raw.tiers) ? view.raw.tiers : [];
    this.tiers = tiers.flatMap((t: unknown) => (isObject(t) && typeof t.id === 'string' ? [t.id] : []));
    this.ownKey = asString(view.raw.key);
  }

  group(group: unknown, path: ProblemPath, owner: string, node?: NodeView): void {
    if (!this.groups || typeof group !== 'string' || this.groups.has(group)) return;
    this.problems.push(
      error('unknown-group', `${owner} names group "${group}", which does not exist`, path, {
        nodeId: node?.id,
        hint: `Create the group "${group}" first, or pick an existing group.`,
      }),
    );
  }

  tier(tier: unknown, path: ProblemPath, owner: string, node?: NodeView): void {
    if (typeof tier !== 'string' || this.tiers.includes(tier)) return;
    this.problems.push(
      error('unknown-tier', `${owner} names tier "${tier}", which the flow does not define`, path, {
        nodeId: node?.id,
        hint:
          this.tiers.length > 0
            ? `Use one of the flow's tiers (${this.tiers.join(', ')}), or add tier "${tier}".`
            : `Add tier "${tier}" to the flow's tiers, or name a group instead.`,
      }),
    );
  }

  calendar(calendar: unknown, path: ProblemPath, owner: string, node?: NodeView): void {
    if (!this.calendars || typeof calendar !== 'string' || this.calendars.has(calendar)) return;
    this.problems.push(
      error('unknown-calendar', `${owner} uses calendar "${calendar}", which does not exist`, path, {
        nodeId: node?.id,
        hint: `Define the business calendar "${calendar}", or use "${ALWAYS_OPEN}".`,
      }),
    );
  }

  /** A recipient: "customer", "assignee", "user:<name>", "group:<name>" or "tier:<id>". */
  recipient(recipient: unknown, path: ProblemPath, owner: string, node?: NodeView): void {
    if (typeof recipient !== 'string') return;
    if (recipient.startsWith('group:')) this.group(recipient.slice(6), path, owner, node);
    else if (recipient.startsWith('tier:')) this.tier(recipient.slice(5), path, owner, node);
  }

  recipients(list: unknown, path: ProblemPath, owner: string, node?: NodeView): void {
    if (!Array.isArray(list)) return;
    list.forEach((r: unknown, i) => {
      this.recipient(r, [...path, i], owner, node);
    });
  }

  /** Node ids an SLA starts, stops or pauses at: a typo would silently never trigger. */
  nodes(view: FlowView, ids: unknown, path: ProblemPath, owner: string): void {
    if (!Array.isArray(ids)) return;
    ids.forEach((id: unknown, i) => {
      if (typeof id !== 'string' || view.byId.has(id)) return;
      this.problems.push(
        error('unknown-node', `${owner} names node "${id}", which the flow does not have`, [...path, i], {
          hint: "Pick one of the flow's node ids, or remove the entry.",
        }),
      );
    });
  }

  subflow(node: NodeView): void {
    const flow = asString(node.raw.flow);
    if (flow === undefined) return;
    const path = ['nodes', node.index, 'flow'];
    if (flow === this.ownKey) {
      this.problems.push(
        error('missing-subflow', `${nodeName(node)} starts its own flow "${flow}"`, path, {
          nodeId: node.id,
          hint: 'A flow cannot run itself as a subflow; loop back with an edge instead, or call another flow.',
        }),
      );
    } else if (this.flows && !this.flows.has(flow)) {
      this.problems.push(
        error('missing-subflow', `${nodeName(node)} starts flow "${flow}", which does not exist`, path, {
          nodeId: node.id,
          hint: `Create and publish flow "${flow}" first, or pick an existing flow.`,
        }),
      );
    }
  }
}

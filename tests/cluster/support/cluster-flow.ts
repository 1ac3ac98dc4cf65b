import type { FlowDefinitionInput } from '@caseflow/schema';

/** Key of the flow the cluster test publishes. */
export const CLUSTER_FLOW = 'cluster-load';

/**
 * A small case flow whose every part runs on short real-time timers, so that a few seconds of
 * load exercise SLA breaches, escalations, waits with timeouts, timer nodes and notifications
 * on every process at once:
 *
 * - case SLA `response` (PT3S, stopped by the first agent message, notifies supervisors on
 *   breach) races against the agent's message;
 * - task `work` on L1 with a PT2S SLA that escalates to L2 on breach, where a second breach
 *   notifies (top tier) — races against the task completion;
 * - wait `reply` for the signal `customer-replied` with a PT2S timeout — races against the
 *   signal;
 * - notify + timer `cool-off` (PT1S) before the case closes.
 *
 * Calendar 24x7: SLA targets are plain wall-clock durations.
 */
export const clusterFlow: FlowDefinitionInput = {
  key: CLUSTER_FLOW,
  name: 'Cluster load',
  kind: 'case',
  calendar: '24x7',
  tiers: [
    { id: 'L1', name: 'Service desk', group: 'service-desk' },
    { id: 'L2', name: 'Card operations', group: 'card-ops' },
  ],
  slas: [
    {
      id: 'response',
      target: 'PT3S',
      start: { event: 'case.opened' },
      stop: { event: 'case.firstResponse' },
      onBreach: { escalate: false, notify: ['group:supervisors'] },
    },
  ],
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'case' } },
    {
      id: 'work',
      type: 'task',
      title: 'Work the case',
      assign: { tier: 'L1' },
      outcomes: ['done'],
      sla: { target: 'PT2S', onBreach: 'escalate', notify: ['group:supervisors'] },
    },
    { id: 'reply', type: 'wait', signal: 'customer-replied', timeout: 'PT2S' },
    { id: 'thank', type: 'notify', to: 'customer', template: 'thanks-for-replying' },
    { id: 'nudge', type: 'notify', to: 'customer', template: 'no-reply-received' },
    { id: 'cool-off', type: 'timer', duration: 'PT1S' },
    { id: 'closed', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'work' },
    { from: 'work', to: 'reply', on: 'done' },
    { from: 'reply', to: 'thank', on: 'customer-replied' },
    { from: 'reply', to: 'nudge', on: 'timeout' },
    { from: 'thank', to: 'cool-off' },
    { from: 'nudge', to: 'cool-off' },
    { from: 'cool-off', to: 'closed' },
  ],
};

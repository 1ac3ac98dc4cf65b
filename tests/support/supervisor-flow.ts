/*
 * The flow the supervisor-view tests (HTTP and browser) open work with:
 * start → handle (service desk, 30 min SLA, warning at half, breach notifies supervisors) → done.
 */
export const deskFlow = {
  key: 'sup-desk',
  name: 'Supervised desk',
  tiers: [{ id: 'L1', name: 'Service desk', group: 'service-desk' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'handle',
      type: 'task',
      title: 'Handle the call',
      assign: { tier: 'L1' },
      outcomes: ['done'],
      sla: { target: 'PT30M', warnAt: [0.5], onBreach: 'notify', notify: ['group:supervisors'] },
    },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'handle' },
    { from: 'handle', to: 'done', on: 'done' },
  ],
};

import type { FlowDefinitionInput } from '@caseflow/schema';

/**
 * Flows whose cases can take events forever, so that a benchmark can send thousands of events
 * to a few hundred cases without closing them.
 *
 * `bench-signal`: a wait node that loops on the signal `ping` through a `set` action. Every
 * ping replaces the wait's timeout timer, sets a variable and appends timeline entries; a case
 * SLA runs in the background (its timers are written once, at opening). The URL of the event
 * (`POST /api/cases/:id/signals`) never changes, which suits an HTTP load generator.
 *
 * `bench-task`: a task with an SLA that loops on the outcome `again`. Every completion closes
 * the task row, inserts its successor, replaces the task SLA's timers and appends timeline
 * entries: the full "snapshot + audit + tasks + timers" write set of an event.
 */
export const benchSignalFlow: FlowDefinitionInput = {
  key: 'bench-signal',
  name: 'Bench: signal loop',
  kind: 'case',
  calendar: '24x7',
  slas: [
    {
      id: 'resolution',
      target: 'P5D',
      start: { event: 'case.opened' },
      stop: { atNodes: ['done'] },
      warnAt: [0.8],
    },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'listen', type: 'wait', signal: 'ping', timeout: 'P1D' },
    {
      id: 'count',
      type: 'action',
      action: { kind: 'set', values: { pings: 'if pings = null then 1 else pings + 1' } },
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'listen' },
    { from: 'listen', to: 'count', on: 'ping' },
    { from: 'count', to: 'listen' },
    { from: 'listen', to: 'done', on: 'timeout' },
  ],
};

/** The task loop (see above). */
export const benchTaskFlow: FlowDefinitionInput = {
  key: 'bench-task',
  name: 'Bench: task loop',
  kind: 'case',
  calendar: '24x7',
  tiers: [{ id: 'L1', name: 'Service desk', group: 'service-desk', mode: 'solver' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'work',
      type: 'task',
      title: 'Work on {{case.subject}}',
      assign: { tier: 'L1' },
      outcomes: ['again', 'done'],
      sla: { target: 'PT8H', warnAt: [0.75], onBreach: 'notify', notify: ['group:service-desk'] },
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'work' },
    { from: 'work', to: 'work', on: 'again' },
    { from: 'work', to: 'done', on: 'done' },
  ],
};

/**
 * `bench-instance`: a whole short case — start → task → decision → set → end. The task goes to
 * the service desk (lena's group); completing it with `done` routes on the case variable
 * `amount`, sets a variable and ends the case. Opened and completed over HTTP, it is one
 * instance of the "whole instance" row.
 */
export const benchInstanceFlow: FlowDefinitionInput = {
  key: 'bench-instance',
  name: 'Bench: whole instance',
  kind: 'case',
  calendar: '24x7',
  tiers: [{ id: 'L1', name: 'Service desk', group: 'service-desk', mode: 'solver' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'review',
      type: 'task',
      title: 'Review {{case.subject}}',
      assign: { tier: 'L1' },
      outcomes: ['done'],
      sla: { target: 'PT8H', warnAt: [0.75] },
    },
    { id: 'route', type: 'decision', name: 'Large amount?' },
    { id: 'large', type: 'action', action: { kind: 'set', values: { band: '"large"' } } },
    { id: 'small', type: 'action', action: { kind: 'set', values: { band: '"small"' } } },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'review' },
    { from: 'review', to: 'route', on: 'done' },
    { from: 'route', to: 'large', when: 'amount > 100', label: 'large' },
    { from: 'route', to: 'small', default: true },
    { from: 'large', to: 'done' },
    { from: 'small', to: 'done' },
  ],
};

/** Every bench flow, in publishing order. */
export const benchFlows: FlowDefinitionInput[] = [benchSignalFlow, benchTaskFlow, benchInstanceFlow];

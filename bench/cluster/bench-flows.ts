import type { FlowDefinitionInput } from '@caseflow/schema';

/**
 * The events flow: a case waits for `ping`, counts it in a variable and waits again, so one
 * case takes any number of events. Each signal is one full event transaction: load the
 * snapshot, engine step (FEEL `set`), revision-checked update, six timeline rows. The month's
 * timeout only gives the loop its way to an end (validation requires one).
 */
export const pingFlow: FlowDefinitionInput = {
  key: 'bench-ping',
  name: 'Bench ping',
  kind: 'case',
  calendar: '24x7',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'ping', type: 'wait', signal: 'ping', timeout: 'P30D' },
    { id: 'count', type: 'action', action: { kind: 'set', values: { pings: 'pings + 1' } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'ping' },
    { from: 'ping', to: 'count', on: 'ping' },
    { from: 'count', to: 'ping' },
    { from: 'ping', to: 'done', on: 'timeout' },
  ],
};

/**
 * The timers flow: one timer node waiting until the instant in the case variable `fireAt`, then
 * the end. Cases opened with one `fireAt` all fall due together: a burst the processes' timer
 * loops claim with FOR UPDATE SKIP LOCKED and fire (each fire closes its case).
 */
export const timerFlow: FlowDefinitionInput = {
  key: 'bench-timer',
  name: 'Bench timer',
  kind: 'case',
  calendar: '24x7',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'wait', type: 'timer', until: 'date and time(fireAt)' },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'wait' },
    { from: 'wait', to: 'done' },
  ],
};

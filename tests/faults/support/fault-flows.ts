import type { RuntimeProcess } from '../../support/runtime-process';

/*
 * Small flows the fault tests publish through the API (owner olivia; the first published
 * version is active), each built so that the fault under test shows in a few rows.
 */

/**
 * `fault-notify`: opening sends one notify (an outbox row), then the case waits for `ping`;
 * every ping sends another notify and waits again. One outbox row per acknowledged event.
 */
export const notifyFlow = {
  key: 'fault-notify',
  name: 'Fault: notify per event',
  kind: 'case',
  calendar: '24x7',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'hello', type: 'notify', to: 'customer', template: 'fault-hello' },
    { id: 'listen', type: 'wait', signal: 'ping', timeout: 'P30D' },
    { id: 'pinged', type: 'notify', to: 'customer', template: 'fault-pinged' },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'hello' },
    { from: 'hello', to: 'listen' },
    { from: 'listen', to: 'pinged', on: 'ping' },
    { from: 'pinged', to: 'listen' },
    { from: 'listen', to: 'done', on: 'timeout' },
  ],
};

/**
 * `fault-timers`: a one-day wait, then a thirty-day wait that ends the case as `expired`; a
 * case SLA of ten days warns at half time. Moving the clock forward makes each of these
 * timers due exactly once: wait-1 timeout after P1D, SLA warning after P5D, SLA breach after
 * P10D, wait-2 timeout after P31D (which closes the case).
 */
export const timersFlow = {
  key: 'fault-timers',
  name: 'Fault: timers',
  kind: 'case',
  calendar: '24x7',
  slas: [
    {
      id: 'resolution',
      target: 'P10D',
      start: { event: 'case.opened' },
      stop: { atNodes: ['expired'] },
      warnAt: [0.5],
    },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'first', type: 'wait', signal: 'ping', timeout: 'P1D' },
    { id: 'second', type: 'wait', signal: 'ping', timeout: 'P30D' },
    { id: 'answered', type: 'end', outcome: 'resolved' },
    { id: 'expired', type: 'end', outcome: 'cancelled' },
  ],
  edges: [
    { from: 'start', to: 'first' },
    { from: 'first', to: 'answered', on: 'ping' },
    { from: 'first', to: 'second', on: 'timeout' },
    { from: 'second', to: 'answered', on: 'ping' },
    { from: 'second', to: 'expired', on: 'timeout' },
  ],
};

/** Demo customers of the seed; cases are spread over them. */
export const CUSTOMERS = ['c-1001', 'c-1002', 'c-1003', 'c-1004', 'c-1005', 'c-1006'];

/** PUT + publish of `flow` as owner olivia; throws with the answer when either is refused. */
export async function publishFlow(rt: RuntimeProcess, flow: { key: string }): Promise<void> {
  const put = await rt.api('PUT', `/api/flows/${flow.key}`, { as: 'olivia', body: { definition: flow } });
  if (put.status >= 300) throw new Error(`PUT flow ${flow.key}: ${put.status} ${JSON.stringify(put.body)}`);
  const pub = await rt.api('POST', `/api/flows/${flow.key}/publish`, {
    as: 'olivia',
    body: { note: 'fault test' },
  });
  if (pub.status >= 300) throw new Error(`publish ${flow.key}: ${pub.status} ${JSON.stringify(pub.body)}`);
}

/** Opens a case of `flow` as agent lena; answers its id (throws unless 201). */
export async function openCase(rt: RuntimeProcess, flow: string, n: number): Promise<string> {
  const res = await rt.api('POST', '/api/cases', {
    as: 'lena',
    body: { flow, customerId: CUSTOMERS[n % CUSTOMERS.length], channel: 'api', subject: `fault ${n}` },
  });
  if (res.status !== 201) throw new Error(`open ${flow}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** One timeline entry as the API shows it. */
export interface TimelineEntry {
  seq: number;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

/** The whole timeline of a case (admin). */
export async function timelineOf(rt: RuntimeProcess, caseId: string): Promise<TimelineEntry[]> {
  const res = await rt.api('GET', `/api/cases/${caseId}/timeline?limit=500`, { as: 'admin' });
  if (res.status !== 200) throw new Error(`timeline ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}

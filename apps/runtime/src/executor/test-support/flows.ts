import type { FlowDefinitionInput } from '@caseflow/schema';

/*
 * Test flows, as data. Each is drawn as a chain: a → b means an edge from a to b.
 */

/** start → triage (task, L1 desk, 30 min SLA; resolved | needs-approval) → done. */
export const supportFlow: FlowDefinitionInput = {
  key: 'support',
  name: 'Support',
  tiers: [
    { id: 'L1', name: 'Desk', group: 'desk' },
    { id: 'L2', name: 'Ops', group: 'ops' },
  ],
  slas: [
    {
      id: 'response',
      target: 'PT1H',
      start: { event: 'case.opened' },
      stop: { event: 'case.firstResponse' },
    },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'triage',
      type: 'task',
      title: 'Triage the report',
      assign: { tier: 'L1' },
      outcomes: ['resolved', 'wait'],
      form: {
        type: 'object',
        properties: { note: { type: 'string', title: 'Note', maxLength: 20 } },
        required: ['note'],
      },
      sla: { target: 'PT30M', onBreach: 'escalate' },
    },
    { id: 'await-customer', type: 'wait', signal: 'customer-replied', timeout: 'P3D' },
    { id: 'done', type: 'end' },
    { id: 'gave-up', type: 'end', outcome: 'cancelled' },
  ],
  edges: [
    { from: 'start', to: 'triage' },
    { from: 'triage', to: 'done', on: 'resolved' },
    { from: 'triage', to: 'await-customer', on: 'wait' },
    { from: 'await-customer', to: 'done', on: 'customer-replied' },
    { from: 'await-customer', to: 'gave-up', on: 'timeout' },
  ],
};

/** start → approve (group ops + user ann, policy all) → approved: done | rejected: refused. */
export const approvalFlow: FlowDefinitionInput = {
  key: 'approval',
  name: 'Approval',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'approve', type: 'approval', approvers: { group: 'ops', users: ['ann'] }, policy: { kind: 'all' } },
    { id: 'done', type: 'end' },
    { id: 'refused', type: 'end', outcome: 'rejected' },
  ],
  edges: [
    { from: 'start', to: 'approve' },
    { from: 'approve', to: 'done', on: 'approved' },
    { from: 'approve', to: 'refused', on: 'rejected' },
  ],
};

/** start → ask (a survey of `survey` to the customer) → end. */
export function surveyFlow(key: string, survey: 'csat' | 'nps' | 'ces'): FlowDefinitionInput {
  return {
    key,
    name: `Asks ${survey}`,
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'ask', type: 'survey', survey },
      { id: 'end', type: 'end' },
    ],
    edges: [
      { from: 'start', to: 'ask' },
      { from: 'ask', to: 'end' },
    ],
  };
}

/** start → cool-off (timer PT1H) → done. */
export const timerFlow: FlowDefinitionInput = {
  key: 'cool-off',
  name: 'Cool off',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'cool-off', type: 'timer', duration: 'PT1H' },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'cool-off' },
    { from: 'cool-off', to: 'done' },
  ],
};

/** Child: start(subflow) → check (task, ops; clean | fraud) → done. */
export const childFlow: FlowDefinitionInput = {
  key: 'fraud-check',
  name: 'Fraud check',
  kind: 'subflow',
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'subflow' } },
    {
      id: 'check',
      type: 'task',
      title: 'Check for fraud',
      assign: { group: 'ops' },
      outcomes: ['clean', 'fraud'],
    },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'check' },
    { from: 'check', to: 'done', on: 'clean' },
    { from: 'check', to: 'done', on: 'fraud' },
  ],
};

/** Parent: start → verify (subflow fraud-check) → wrap-up (task, desk; done) → done. */
export const parentFlow: FlowDefinitionInput = {
  key: 'lost-card',
  name: 'Lost card',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'verify', type: 'subflow', flow: 'fraud-check', input: { reporter: 'case.customerId' } },
    {
      id: 'wrap-up',
      type: 'task',
      title: 'Wrap up',
      customerLabel: { en: 'Finishing your request', 'pt-BR': 'Finalizando sua solicitação' },
      assign: { group: 'desk' },
      outcomes: ['done'],
    },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'verify' },
    { from: 'verify', to: 'wrap-up' },
    { from: 'wrap-up', to: 'done', on: 'done' },
  ],
};

/** start → freeze (http POST url) → told (notify customer) → done; freeze on error → failed. */
export function httpFlow(url: string): FlowDefinitionInput {
  return {
    key: 'freeze',
    name: 'Freeze',
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'freeze',
        type: 'action',
        action: { kind: 'http', method: 'POST', url, body: { customer: '{{case.customerId}}' }, retries: 1 },
      },
      { id: 'told', type: 'notify', to: 'customer', template: 'card-frozen' },
      { id: 'done', type: 'end' },
      { id: 'failed', type: 'end', outcome: 'failed' },
    ],
    edges: [
      { from: 'start', to: 'freeze' },
      { from: 'freeze', to: 'told' },
      { from: 'freeze', to: 'failed', on: 'error' },
      { from: 'told', to: 'done' },
    ],
  };
}

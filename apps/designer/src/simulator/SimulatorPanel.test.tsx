import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDoc } from '../editor/flow-document';
import { renderWithI18n } from '../i18n/test-render';
import { SimTrace } from './SimTrace';
import { SimulatorPanel } from './SimulatorPanel';
import { SimSession } from './sim-session';

afterEach(cleanup);

//  start → route (decision) ─ suspicious > 2 ──────▶ review (task) ─▶ closed
//                           └─ default ───────────▶ replace (task) ─▶ closed
const flow: FlowDoc = {
  key: 'cards',
  name: 'Cards',
  variables: {
    type: 'object',
    properties: {
      cardLast4: { type: 'string', title: 'Last 4 digits', pattern: '^[0-9]{4}$' },
      suspicious: { type: 'integer', title: 'Suspicious transactions' },
    },
    required: ['cardLast4'],
  },
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'route', type: 'decision' },
    { id: 'review', type: 'task', title: 'Review for fraud', assign: {}, outcomes: ['done'] },
    { id: 'replace', type: 'task', title: 'Replace the card', assign: {}, outcomes: ['done'] },
    { id: 'closed', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'route' },
    { from: 'route', to: 'review', when: 'suspicious > 2' },
    { from: 'route', to: 'replace', default: true },
    { from: 'review', to: 'closed', on: 'done' },
    { from: 'replace', to: 'closed', on: 'done' },
  ],
};

describe('the simulator’s case data form', () => {
  it('is generated from the variables schema, checked, and starts the case with its values', async () => {
    renderWithI18n(<SimulatorPanel doc={flow} onOverlays={() => {}} />);
    const form = screen.getByRole('form', { name: 'Case data' });
    fireEvent.click(within(form).getByRole('button', { name: 'Start simulation' }));
    expect(screen.getByRole('alert').textContent).toBe('1 field needs a fix.');

    fireEvent.change(screen.getByLabelText(/Last 4 digits/), { target: { value: '4242' } });
    fireEvent.change(screen.getByLabelText(/Suspicious transactions/), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start simulation' }));
    // The integer went in as a number: the decision took the fraud branch.
    expect(await screen.findByText('Review for fraud')).toBeTruthy();
    expect(screen.queryByText('Replace the card')).toBeNull();
  });

  it('speaks Portuguese', () => {
    renderWithI18n(<SimulatorPanel doc={flow} onOverlays={() => {}} />, 'pt-BR');
    expect(screen.getByRole('form', { name: 'Dados do caso' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Iniciar simulação' })).toBeTruthy();
  });
});

//  parent: start → check (subflow child-check) → closed        child: start → done
describe('the simulator’s trace', () => {
  const child: FlowDoc = {
    key: 'child-check',
    name: 'Child',
    kind: 'subflow',
    nodes: [
      { id: 'start', type: 'start', trigger: { kind: 'subflow' } },
      { id: 'done', type: 'end', outcome: 'resolved' },
    ],
    edges: [{ from: 'start', to: 'done' }],
  };
  const parent: FlowDoc = {
    key: 'parent',
    name: 'Parent',
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'check', type: 'subflow', name: 'Fraud check', flow: 'child-check' },
      { id: 'closed', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { from: 'start', to: 'check' },
      { from: 'check', to: 'closed' },
    ],
  };

  it('groups a child case’s events under a label naming its flow and node', () => {
    const s = SimSession.start(parent, {}, [child]);
    renderWithI18n(<SimTrace trace={s.trace} started={s.started} doc={parent} />);
    const group = screen.getByRole('region', { name: 'Child case “child-check” of Fraud check' });
    expect(within(group).getByText('case closed: resolved')).toBeTruthy();
    expect(within(group).getByText(/events? of the child case/)).toBeTruthy();
    // The parent's own closing line stays outside the child's group.
    const closings = screen.getAllByText('case closed: resolved');
    expect(closings).toHaveLength(2);
    expect(closings.filter((el) => !group.contains(el))).toHaveLength(1);
  });

  it('names the child flow and words its events with its own steps when the child flow is known', () => {
    const s = SimSession.start(parent, {}, [child]);
    renderWithI18n(<SimTrace trace={s.trace} started={s.started} doc={parent} subflows={[child]} />);
    const group = screen.getByRole('region', { name: 'Child case “Child” of Fraud check' });
    expect(within(group).getByText('left start')).toBeTruthy();
    expect(screen.getByText('subflow Child started')).toBeTruthy();
  });

  it('labels the child group in Portuguese too', () => {
    const s = SimSession.start(parent, {}, [child]);
    renderWithI18n(<SimTrace trace={s.trace} started={s.started} doc={parent} />, 'pt-BR');
    expect(screen.getByRole('region', { name: 'Caso filho “child-check” de Fraud check' })).toBeTruthy();
  });
});

//  start → await-customer (wait customer-replied) → review (task, L2) → closed
//  case SLA "response" runs from opening to an agent's first answer
describe('the simulator’s signals and clocks', () => {
  const waiting: FlowDoc = {
    key: 'waits',
    name: 'Waits',
    tiers: [{ id: 'L2', name: 'Card operations', group: 'card-ops' }],
    slas: [
      {
        id: 'response',
        name: 'First answer',
        target: 'PT1H',
        start: { event: 'case.opened' },
        stop: { event: 'case.firstResponse' },
      },
    ],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'await-customer', type: 'wait', name: 'Await the customer', signal: 'customer-replied' },
      {
        id: 'review',
        type: 'task',
        title: 'Review the answer',
        assign: { tier: 'L2' },
        outcomes: ['done'],
        sla: { target: 'PT30M' },
      },
      { id: 'closed', type: 'end' },
    ],
    edges: [
      { from: 'start', to: 'await-customer' },
      { from: 'await-customer', to: 'review', on: 'customer-replied' },
      { from: 'review', to: 'closed', on: 'done' },
    ],
  };

  function started(locale: 'en' | 'pt-BR' = 'en') {
    renderWithI18n(<SimulatorPanel doc={waiting} onOverlays={() => {}} />, locale);
    fireEvent.click(screen.getAllByRole('button', { name: /Start simulation|Iniciar simulação/ })[0]!);
  }

  it('sends the signals the flow waits for as buttons, and an agent’s first answer stops the response SLA', async () => {
    started();
    expect(await screen.findByText('At: Await the customer')).toBeTruthy();
    expect(screen.queryByLabelText('Signal name')).toBeNull();
    expect(screen.getByText('The case waits for it now at Await the customer.')).toBeTruthy();
    expect(screen.getByText('Case SLA “First answer”')).toBeTruthy();
    expect(screen.getByText('target 1 hour')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'An agent answers the customer' }));
    const slas = screen.getByRole('region', { name: 'SLA clocks' });
    expect(within(slas).getByText('met')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Send “customer-replied”' }));
    const task = (await screen.findByText('Review the answer')).closest('.sim-task') as HTMLElement;
    expect(within(task).getByText('Tier Card operations')).toBeTruthy();
    expect(screen.getByText('SLA of “Review the answer”')).toBeTruthy();
    expect(screen.getByText('Waited for at Await the customer; the case is not there now.')).toBeTruthy();
    const trace = screen.getByRole('region', { name: 'Trace' });
    expect(within(trace).getByText('An agent answered the customer')).toBeTruthy();
    // Steps, tasks, SLAs and timers by their names; no ids, no ISO-8601 times.
    expect(within(trace).getByText('entered Await the customer')).toBeTruthy();
    expect(within(trace).getByText('task “Review the answer” for Card operations')).toBeTruthy();
    expect(within(trace).getByText('SLA “First answer” stopped: met')).toBeTruthy();
    expect(within(trace).getAllByText(/^SLA of “Review the answer” started, due /)).toHaveLength(1);
    expect(within(trace).getAllByText(/^breach of SLA of “Review the answer” due /)).toHaveLength(1);
    expect(trace.textContent).not.toMatch(/\d{4}-\d\d-\d\dT|case-\d+\.|node\.entered|PT\d/);
  });

  it('speaks Portuguese', async () => {
    started('pt-BR');
    expect(await screen.findByRole('button', { name: 'Enviar “customer-replied”' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Um agente responde ao cliente' })).toBeTruthy();
    expect(screen.getByText('O caso espera por ele agora em Await the customer.')).toBeTruthy();
    expect(screen.getByText('SLA do caso “First answer”')).toBeTruthy();
  });
});

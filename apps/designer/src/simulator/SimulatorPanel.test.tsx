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

  it('labels the child group in Portuguese too', () => {
    const s = SimSession.start(parent, {}, [child]);
    renderWithI18n(<SimTrace trace={s.trace} started={s.started} doc={parent} />, 'pt-BR');
    expect(screen.getByRole('region', { name: 'Caso filho “child-check” de Fraud check' })).toBeTruthy();
  });
});

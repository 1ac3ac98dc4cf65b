import type { FlowChoices } from '@caseflow/schema';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../i18n/test-render';
import { EditorProvider } from '../EditorContext';
import { createEditorStore } from '../editor-store';
import type { FlowDoc } from '../flow-document';
import { FlowChoicesProvider } from '../pickers/FlowChoicesContext';
import { PropertiesPanel } from './PropertiesPanel';

afterEach(cleanup);

//  start ──▶ triage (task, L1) ──done──▶ end
function flow(): FlowDoc {
  return {
    key: 'f',
    name: 'Flow',
    tiers: [
      { id: 'L1', name: 'Desk', group: 'desk' },
      { id: 'L2', name: 'Experts', group: 'experts' },
    ],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'triage', type: 'task', title: 'Triage', assign: { tier: 'L1' }, outcomes: ['done'] },
      { id: 'end', type: 'end' },
    ],
    edges: [
      { from: 'start', to: 'triage' },
      { from: 'triage', to: 'end', on: 'done' },
    ],
  };
}

/** What GET /api/flow-choices answers for this test's installation. */
const CHOICES: FlowChoices = {
  groups: [
    { name: 'desk', description: 'Service desk' },
    { name: 'experts', description: '' },
  ],
  calendars: [{ key: 'business', name: 'Business days', timeZone: 'America/Sao_Paulo' }],
  templates: [
    {
      key: 'card-replaced',
      subject: { en: 'Your new card ({caseNumber})', 'pt-BR': 'Seu novo cartão ({caseNumber})' },
    },
  ],
  connections: [{ name: 'core-banking' }],
  users: [
    { username: 'ann', displayName: 'Ann Agent' },
    { username: 'bob', displayName: null },
  ],
  flows: [
    { key: 'f', name: 'Flow', kind: 'case' },
    { key: 'fraud-check', name: 'Fraud check', kind: 'subflow' },
  ],
  articles: [
    {
      slug: 'lost-card',
      title: { en: 'Lost or stolen card', 'pt-BR': 'Cartão perdido ou roubado' },
      audience: 'public',
    },
    { slug: 'fraud-playbook', title: { en: 'Fraud playbook' }, audience: 'agents' },
  ],
};

function setup(
  selected: string[] = ['triage'],
  doc: FlowDoc = flow(),
  choices: FlowChoices | null = CHOICES,
  locale: 'en' | 'pt-BR' = 'en',
) {
  const store = createEditorStore(doc);
  store.getState().select({ nodes: selected });
  // The panel holds translated parts (the task form's builder): render it as the app does.
  renderWithI18n(
    <EditorProvider store={store}>
      <FlowChoicesProvider choices={choices}>
        <PropertiesPanel />
      </FlowChoicesProvider>
    </EditorProvider>,
    locale,
  );
  const node = (id: string) => store.getState().doc.nodes.find((n) => n.id === id);
  return { store, node };
}

describe('task properties', () => {
  it('edits title, tier and outcomes as undoable commands', () => {
    const { store, node } = setup();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Triage the report' } });
    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: 'L2' } });
    fireEvent.change(screen.getByLabelText('Outcomes'), { target: { value: 'resolved, needs-visit' } });
    expect(node('triage')).toMatchObject({
      title: 'Triage the report',
      assign: { tier: 'L2' },
      outcomes: ['resolved', 'needs-visit'],
    });
    store.getState().undo();
    expect(node('triage')).toMatchObject({ outcomes: ['done'] });
  });

  it("labels each outcome in both languages, and drops a renamed outcome's labels", () => {
    const { node } = setup(['triage'], flow(), CHOICES, 'pt-BR');
    fireEvent.change(screen.getByLabelText('Resultados'), { target: { value: 'done, visit' } });
    fireEvent.change(screen.getByLabelText('Resultado “visit” em português (Brasil)'), {
      target: { value: 'Precisa de visita técnica' },
    });
    fireEvent.change(screen.getByLabelText('Resultado “visit” em inglês'), {
      target: { value: 'Needs a field visit' },
    });
    fireEvent.change(screen.getByLabelText('Resultado “done” em inglês'), { target: { value: 'Solved' } });
    expect(node('triage')).toMatchObject({
      outcomeLabels: {
        visit: { en: 'Needs a field visit', 'pt-BR': 'Precisa de visita técnica' },
        done: { en: 'Solved' },
      },
    });
    // A backspace in an outcome's name and the letter typed again keep its labels.
    fireEvent.change(screen.getByLabelText('Resultados'), { target: { value: 'done, visi' } });
    expect(node('triage')).not.toHaveProperty('outcomeLabels.visit');
    fireEvent.change(screen.getByLabelText('Resultados'), { target: { value: 'done, visit' } });
    expect(node('triage')).toHaveProperty('outcomeLabels.visit.pt-BR', 'Precisa de visita técnica');
    // Emptied, a text goes; a renamed outcome's labels go with its old name.
    fireEvent.change(screen.getByLabelText('Resultado “done” em inglês'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Resultados'), { target: { value: 'done, field-visit' } });
    expect(node('triage')).not.toHaveProperty('outcomeLabels.visit');
    expect((node('triage') as { outcomeLabels?: unknown }).outcomeLabels).toBeUndefined();
    expect(screen.getByLabelText('Resultado “field-visit” em inglês')).toHaveProperty('value', '');
  });

  it('says what the customer sees at the step, in each language', () => {
    const { node } = setup();
    fireEvent.change(screen.getByLabelText('What the customer sees at this step, in Brazilian Portuguese'), {
      target: { value: 'Estamos verificando' },
    });
    expect(node('triage')).toMatchObject({ customerLabel: { 'pt-BR': 'Estamos verificando' } });
    fireEvent.change(screen.getByLabelText('What the customer sees at this step, in Brazilian Portuguese'), {
      target: { value: '' },
    });
    expect((node('triage') as { customerLabel?: unknown }).customerLabel).toBeUndefined();
  });

  it('adds an SLA of 30 minutes in business hours, picked without typing ISO-8601', () => {
    const { node } = setup();
    fireEvent.click(screen.getByLabelText('Has an SLA'));
    expect(node('triage')).toMatchObject({ sla: { target: 'PT4H', onBreach: 'escalate' } });
    fireEvent.change(screen.getByLabelText('SLA target: unit'), { target: { value: 'minutes' } });
    fireEvent.change(screen.getByLabelText('SLA target: how many'), { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText('Time counted'), { target: { value: 'business' } });
    expect(node('triage')).toMatchObject({ sla: { target: 'PT30M', calendar: 'business' } });
    expect(screen.getByText('30 minutes')).toBeTruthy();
  });

  it('assigns the task to a person picked by name, or to nobody in particular', () => {
    const { node } = setup();
    const user = screen.getByLabelText('User') as HTMLSelectElement;
    expect([...user.options].map((o) => o.text)).toEqual(['Nobody in particular', 'Ann Agent (ann)', 'bob']);
    fireEvent.change(user, { target: { value: 'ann' } });
    expect(node('triage')).toMatchObject({ assign: { user: 'ann' } });
    fireEvent.change(user, { target: { value: '' } });
    expect(node('triage')).toMatchObject({ assign: { user: undefined } });
  });

  it('tells people, groups and tiers of an SLA breach, picked from lists', () => {
    const { node } = setup();
    fireEvent.click(screen.getByLabelText('Has an SLA'));
    fireEvent.change(screen.getByLabelText('On breach'), { target: { value: 'notify' } });
    const add = screen.getByLabelText('Add to Notify on breach') as HTMLSelectElement;
    fireEvent.change(add, { target: { value: 'group:desk' } });
    fireEvent.change(screen.getByLabelText('Add to Notify on breach'), { target: { value: 'user:ann' } });
    expect(node('triage')).toMatchObject({ sla: { onBreach: 'notify', notify: ['group:desk', 'user:ann'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Group desk' }));
    expect(node('triage')).toMatchObject({ sla: { notify: ['user:ann'] } });
  });

  it('picks the group from the groups of the installation', () => {
    const { node } = setup();
    const group = screen.getByLabelText('Group') as HTMLSelectElement;
    expect([...group.options].map((o) => o.value)).toEqual(['', 'desk', 'experts']);
    fireEvent.change(group, { target: { value: 'experts' } });
    expect(node('triage')).toMatchObject({ assign: { tier: 'L1', group: 'experts' } });
  });

  it('keeps a group the installation does not have, marked, instead of dropping it', () => {
    const doc = flow();
    doc.nodes[1] = { ...doc.nodes[1]!, assign: { group: 'old-team' } } as (typeof doc.nodes)[number];
    setup(['triage'], doc);
    const group = screen.getByLabelText('Group') as HTMLSelectElement;
    expect(group.value).toBe('old-team');
    expect(within(group).getByText('old-team (not in this installation)')).toBeTruthy();
  });

  it('takes the group as text when the list could not be loaded', () => {
    const { node } = setup(['triage'], flow(), null);
    fireEvent.change(screen.getByLabelText('Group'), { target: { value: 'desk' } });
    expect(node('triage')).toMatchObject({ assign: { group: 'desk' } });
    // The group and the user, both typed.
    expect(screen.getAllByText('The list could not be loaded: type the name.')).toHaveLength(2);
  });

  it('renames the node on Enter and keeps its edges and the selection', () => {
    const { store } = setup();
    const id = screen.getByLabelText('Id');
    // Typing alone renames nothing: each letter would re-key the panel and lose the focus.
    fireEvent.change(id, { target: { value: 'v' } });
    fireEvent.change(id, { target: { value: 'verify' } });
    expect(store.getState().doc.nodes.map((n) => n.id)).toContain('triage');
    fireEvent.keyDown(id, { key: 'Enter' });
    expect(store.getState().doc.edges).toEqual([
      { from: 'start', to: 'verify' },
      { from: 'verify', to: 'end', on: 'done' },
    ]);
    expect(store.getState().selection.nodes).toEqual(['verify']);
    expect(screen.getByRole('region', { name: 'Properties of verify' })).toBeTruthy();
  });

  it('renames the node when the id field loses focus', () => {
    const { node } = setup();
    fireEvent.change(screen.getByLabelText('Id'), { target: { value: 'check' } });
    fireEvent.blur(screen.getByLabelText('Id'));
    expect(node('check')).toMatchObject({ title: 'Triage' });
  });

  it('shows why an id is invalid or taken and keeps the old one', () => {
    const { node } = setup();
    const id = screen.getByLabelText('Id') as HTMLInputElement;
    fireEvent.change(id, { target: { value: 'End' } });
    expect(screen.getByText(/Lower-case letters/)).toBeTruthy();
    fireEvent.change(id, { target: { value: 'end' } });
    expect(screen.getByText('Another node has the id end')).toBeTruthy();
    fireEvent.keyDown(id, { key: 'Enter' });
    expect(node('triage')).toBeDefined();
    expect(id.value).toBe('triage');
  });
});

describe('a node’s panel order', () => {
  it('starts with the step’s name and ends with its id', () => {
    setup();
    const labels = [...document.querySelectorAll('.props label')].map((l) => l.textContent);
    expect(labels.indexOf('Name')).toBeLessThan(labels.indexOf('Id'));
    expect(labels.at(-1)).toBe('Id');
  });
});

describe('node panels per type', () => {
  //  start ──▶ wait ──▶ cool-off (timer) ──▶ child (subflow) ──▶ tell (notify) ──▶ end
  function more(): FlowDoc {
    return {
      ...flow(),
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'wait', type: 'wait', signal: 'customer-replied' },
        { id: 'cool-off', type: 'timer', duration: 'PT1H' },
        { id: 'child', type: 'subflow', flow: 'missing-flow', input: {} },
        { id: 'tell', type: 'notify', to: 'customer', template: 'case-update' },
        { id: 'end', type: 'end' },
      ],
      edges: [],
    };
  }

  it('gives a wait a timeout of 3 days, and takes it away with None', () => {
    const { node } = setup(['wait'], more());
    const unit = screen.getByLabelText('Timeout: unit') as HTMLSelectElement;
    expect(unit.value).toBe('none');
    fireEvent.change(unit, { target: { value: 'days' } });
    fireEvent.change(screen.getByLabelText('Timeout: how many'), { target: { value: '3' } });
    expect(node('wait')).toMatchObject({ timeout: 'P3D' });
    fireEvent.change(unit, { target: { value: 'none' } });
    expect(node('wait')).toMatchObject({ timeout: undefined });
  });

  it('refuses an amount that is not a whole number above zero and keeps the last good one', () => {
    const { node } = setup(['cool-off'], more());
    fireEvent.change(screen.getByLabelText('Wait for: how many'), { target: { value: '0' } });
    expect(screen.getByText('A whole number above zero')).toBeTruthy();
    expect(node('cool-off')).toMatchObject({ duration: 'PT1H' });
  });

  it("offers a wait the flow's other signal names as it is typed", () => {
    const doc = more();
    doc.nodes.splice(2, 0, { id: 'wait-2', type: 'wait', name: 'Await the bank', signal: 'bank-answered' });
    const { node } = setup(['wait'], doc);
    const signal = screen.getByLabelText('Signal name') as HTMLInputElement;
    const offered = [...(signal.list?.options ?? [])].map((o) => [o.value, o.text]);
    expect(offered).toEqual([['bank-answered', 'used by Await the bank']]);
    fireEvent.change(signal, { target: { value: 'bank-answered' } });
    expect(node('wait')).toMatchObject({ signal: 'bank-answered' });
  });

  it('counts a timer in business hours or round the clock', () => {
    const { node } = setup(['cool-off'], more());
    const counted = screen.getByLabelText('Time counted') as HTMLSelectElement;
    expect(counted.value).toBe('24x7');
    fireEvent.change(counted, { target: { value: 'business' } });
    expect(node('cool-off')).toMatchObject({ calendar: 'business' });
    fireEvent.change(counted, { target: { value: '24x7' } });
    expect(node('cool-off')).toMatchObject({ calendar: undefined });
  });

  it('picks a subflow among the other flows by name', () => {
    const { node } = setup(['child'], more());
    const child = screen.getByLabelText('Child flow') as HTMLSelectElement;
    expect([...child.options].map((o) => o.text)).toEqual([
      'missing-flow (not in this installation)',
      'Fraud check (fraud-check)',
    ]);
    fireEvent.change(child, { target: { value: 'fraud-check' } });
    expect(node('child')).toMatchObject({ flow: 'fraud-check' });
  });

  it('sends a notification to a group or a tier picked from lists, keeping a named user', () => {
    const { node } = setup(['tell'], more());
    const to = screen.getByLabelText('Recipient') as HTMLSelectElement;
    expect([...to.options].map((o) => o.text)).toEqual([
      'The customer',
      'Whoever has the task',
      'Group desk',
      'Group experts',
      'Tier Desk',
      'Tier Experts',
      'Person: Ann Agent (ann)',
      'Person: bob',
    ]);
    fireEvent.change(to, { target: { value: 'tier:L2' } });
    expect(node('tell')).toMatchObject({ to: 'tier:L2' });
    cleanup();
    const doc = more();
    doc.nodes[4] = { ...doc.nodes[4]!, to: 'user:ann' } as (typeof doc.nodes)[number];
    setup(['tell'], doc);
    expect((screen.getByLabelText('Recipient') as HTMLSelectElement).value).toBe('user:ann');
  });

  it('picks a template by its subject in the owner’s language', () => {
    setup(['tell'], more());
    // The subject's ICU arguments read as "…", not as code.
    expect(screen.getByRole('option', { name: 'Your new card (…) (card-replaced)' })).toBeTruthy();
    cleanup();
    const store = createEditorStore(more());
    store.getState().select({ nodes: ['tell'] });
    renderWithI18n(
      <EditorProvider store={store}>
        <FlowChoicesProvider choices={CHOICES}>
          <PropertiesPanel />
        </FlowChoicesProvider>
      </EditorProvider>,
      'pt-BR',
    );
    expect(screen.getByRole('option', { name: 'Seu novo cartão (…) (card-replaced)' })).toBeTruthy();
  });

  it('picks the help article to send by its title, and can send none', () => {
    const { node } = setup(['tell'], more());
    const article = screen.getByLabelText('Help article to send') as HTMLSelectElement;
    expect([...article.options].map((o) => o.text)).toEqual([
      'No article',
      'Lost or stolen card',
      'Fraud playbook (agents only)',
    ]);
    fireEvent.change(article, { target: { value: 'lost-card' } });
    expect(node('tell')).toMatchObject({ article: 'lost-card' });
    fireEvent.change(article, { target: { value: '' } });
    expect((node('tell') as { article?: string }).article).toBeUndefined();
  });
});

describe('flow properties', () => {
  it('shows the flow settings when nothing is selected and adds a tier', () => {
    const { store } = setup([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add tier' }));
    expect(store.getState().doc.tiers?.map((t) => t.id)).toEqual(['L1', 'L2', 'L3']);
  });

  it('names tiers and case SLAs by the owner’s words; their ids are made, never typed, and never reused', () => {
    const { store } = setup([]);
    expect(screen.queryByLabelText('Tier id')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove tier Desk' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add tier' }));
    expect(store.getState().doc.tiers?.map((t) => t.id)).toEqual(['L2', 'L3']);
    fireEvent.click(screen.getByRole('button', { name: 'Add case SLA' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add case SLA' }));
    fireEvent.change(screen.getAllByLabelText('SLA name')[1]!, { target: { value: 'First answer' } });
    expect(store.getState().doc.slas?.map((s) => [s.id, s.name])).toEqual([
      ['resolution', undefined],
      ['sla-2', 'First answer'],
    ]);
    expect(screen.getByRole('button', { name: 'Remove SLA First answer' })).toBeTruthy();
  });

  it('picks the flow calendar and a tier group from lists', () => {
    const { store } = setup([]);
    fireEvent.change(screen.getByLabelText('Business calendar'), { target: { value: 'business' } });
    fireEvent.change(screen.getAllByLabelText('Tier group')[1]!, { target: { value: 'desk' } });
    expect(store.getState().doc).toMatchObject({ calendar: 'business' });
    expect(store.getState().doc.tiers?.[1]).toMatchObject({ id: 'L2', group: 'desk' });
    const mode = screen.getAllByLabelText('Mode')[0] as HTMLSelectElement;
    expect([...mode.options].map((o) => o.text)).toEqual([
      'Solves cases',
      'Only routes them to the next tier',
    ]);
  });
});

describe('case SLAs', () => {
  /** The flow with one case SLA that starts as the case opens and stops at its end. */
  function withSla(): FlowDoc {
    return {
      ...flow(),
      slas: [
        { id: 'resolution', target: 'PT8H', start: { event: 'case.opened' }, stop: { atNodes: ['end'] } },
      ],
    };
  }

  it('starts and stops on case events and steps picked by name, not typed', () => {
    const { store } = setup([], withSla());
    const starts = screen.getByLabelText('Starts') as HTMLSelectElement;
    expect([...starts.options].map((o) => o.text)).toEqual([
      'No event (only at steps)',
      'When the case opens',
      'When an agent first answers the customer',
    ]);
    fireEvent.change(screen.getByLabelText('Stops'), { target: { value: 'case.firstResponse' } });
    fireEvent.change(screen.getByLabelText('Add to Also starts on reaching'), {
      target: { value: 'triage' },
    });
    fireEvent.change(starts, { target: { value: '' } });
    expect(store.getState().doc.slas?.[0]).toMatchObject({
      start: { atNodes: ['triage'] },
      stop: { event: 'case.firstResponse', atNodes: ['end'] },
    });
    expect(store.getState().doc.slas?.[0]?.start.event).toBeUndefined();
    const startsAt = screen.getByRole('group', { name: 'Also starts on reaching' });
    expect(within(startsAt).getByText('Triage')).toBeTruthy();
    const pausedAt = screen.getByRole('group', { name: 'Paused while the case is at' });
    expect(within(pausedAt).getByText('No step yet.')).toBeTruthy();
  });

  it('warns at percentages of the target, kept as typed while they mean the same', () => {
    const { store } = setup([], withSla());
    const warn = screen.getByLabelText('Warn at (% of the target)') as HTMLInputElement;
    fireEvent.change(warn, { target: { value: '80, 5' } });
    expect(warn.value).toBe('80, 5');
    fireEvent.change(warn, { target: { value: '80, 50' } });
    expect(warn.value).toBe('80, 50');
    expect(store.getState().doc.slas?.[0]?.warnAt).toEqual([0.5, 0.8]);
    // Undone, the field shows what the flow holds again.
    act(() => store.getState().undo());
    const before = store.getState().doc.slas?.[0]?.warnAt;
    expect(before).not.toEqual([0.5, 0.8]);
    expect(warn.value).toBe((before ?? []).map((f) => f * 100).join(', '));
  });

  it('keeps an event the runtime does not send, marked, and says the events in Portuguese', () => {
    const doc = withSla();
    doc.slas![0]!.stop = { event: 'case.customerCalled' };
    setup([], doc, CHOICES, 'pt-BR');
    const stops = screen.getByLabelText('Para') as HTMLSelectElement;
    expect(stops.value).toBe('case.customerCalled');
    expect(stops.closest('.field')?.classList.contains('field-invalid')).toBe(true);
    expect((screen.getByLabelText('Começa') as HTMLSelectElement).selectedOptions[0]?.text).toBe(
      'Quando o caso é aberto',
    );
  });
});

describe('task form', () => {
  it('builds the task form with the form builder', () => {
    const { node } = setup();
    fireEvent.click(screen.getByLabelText('Has a form'));
    fireEvent.change(screen.getByLabelText('New field name'), { target: { value: 'ticket' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add field' }));
    fireEvent.click(screen.getByLabelText('Required'));
    expect(node('triage')).toMatchObject({
      form: { properties: { ticket: { type: 'string', title: 'ticket' } }, required: ['ticket'] },
    });
  });
});

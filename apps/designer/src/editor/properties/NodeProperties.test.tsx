import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../i18n/test-render';
import { EditorProvider } from '../EditorContext';
import { createEditorStore } from '../editor-store';
import type { FlowDoc } from '../flow-document';
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

function setup(selected: string[] = ['triage']) {
  const store = createEditorStore(flow());
  store.getState().select({ nodes: selected });
  // The panel holds translated parts (the task form's builder): render it as the app does.
  renderWithI18n(
    <EditorProvider store={store}>
      <PropertiesPanel />
    </EditorProvider>,
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

  it('adds an SLA that escalates on breach', () => {
    const { node } = setup();
    fireEvent.click(screen.getByLabelText('Has an SLA'));
    fireEvent.change(screen.getByLabelText('SLA target (ISO-8601 duration)'), { target: { value: 'PT30M' } });
    expect(node('triage')).toMatchObject({ sla: { target: 'PT30M', onBreach: 'escalate' } });
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

describe('flow properties', () => {
  it('shows the flow settings when nothing is selected and adds a tier', () => {
    const { store } = setup([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add tier' }));
    expect(store.getState().doc.tiers?.map((t) => t.id)).toEqual(['L1', 'L2', 'L3']);
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

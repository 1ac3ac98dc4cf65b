import type { ActivationRequest, FlowChoices } from '@caseflow/schema';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowChoicesProvider } from '../editor/pickers/FlowChoicesContext';
import { renderWithI18n } from '../i18n/test-render';
import { ActivationHistory } from './ActivationHistory';

afterEach(cleanup);

const CHOICES: FlowChoices = {
  groups: [],
  calendars: [],
  templates: [],
  connections: [],
  flows: [],
  articles: [],
  users: [
    { username: 'olivia', displayName: 'Olivia Owner' },
    { username: 'admin', displayName: 'Ada Admin' },
  ],
};

const REQUEST: ActivationRequest = {
  id: 'r1',
  flow: 'go-live',
  version: 2,
  status: 'activated',
  requestedBy: 'olivia',
  requestedAt: '2026-01-05T09:00:00.000Z',
  note: 'The desk checked it',
  decidedBy: 'admin',
  decidedAt: '2026-01-05T10:00:00.000Z',
  decisionNote: 'Approved for Monday',
};

describe('the activation history', () => {
  it('names who asked and who decided by display name, the username as secondary text', () => {
    renderWithI18n(
      <FlowChoicesProvider choices={CHOICES}>
        <ActivationHistory items={[REQUEST]} />
      </FlowChoicesProvider>,
    );
    const row = screen.getAllByRole('row')[1]!;
    expect(within(row).getByText('Olivia Owner')).toBeTruthy();
    expect(within(row).getByText('(olivia)')).toBeTruthy();
    expect(within(row).getByText('Ada Admin')).toBeTruthy();
    expect(row.textContent).not.toMatch(/2026-01-05T/);
  });

  it('shows a username the installation does not list as it is, in Portuguese too', () => {
    renderWithI18n(
      <FlowChoicesProvider choices={{ ...CHOICES, users: [] }}>
        <ActivationHistory items={[REQUEST]} />
      </FlowChoicesProvider>,
      'pt-BR',
    );
    expect(screen.getByRole('columnheader', { name: /Solicitad/ })).toBeTruthy();
    const row = screen.getAllByRole('row')[1]!;
    expect(within(row).getByText('olivia')).toBeTruthy();
    expect(within(row).queryByText('(olivia)')).toBeNull();
  });
});

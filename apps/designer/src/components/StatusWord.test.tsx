import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../i18n/test-render';
import { StatusWord } from './StatusWord';

afterEach(cleanup);

describe('StatusWord', () => {
  it("words a customer's request to agree with it, and other statuses as the team says them", () => {
    renderWithI18n(
      <p>
        <StatusWord value="open" request /> <StatusWord value="open" /> <StatusWord value="claimed" request />
      </p>,
      'pt-BR',
    );
    expect(screen.getAllByText(/^(aberta|aberto|assumida)$/).map((e) => e.textContent)).toEqual([
      'aberta',
      'aberto',
      'assumida',
    ]);
  });

  it("words a task's status to agree with it", () => {
    renderWithI18n(
      <p>
        <StatusWord value="open" task /> <StatusWord value="cancelled" task />{' '}
        <StatusWord value="claimed" task />
      </p>,
      'pt-BR',
    );
    expect(screen.getAllByText(/^(aberta|cancelada|assumida)$/).map((e) => e.textContent)).toEqual([
      'aberta',
      'cancelada',
      'assumida',
    ]);
  });
});

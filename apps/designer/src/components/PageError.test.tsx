import { cleanup, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../i18n/test-render';
import { PageError } from './PageError';

afterEach(cleanup);

function Broken(): never {
  throw new Error('cannot read properties of undefined');
}

describe('PageError', () => {
  it('says in the reader’s language that the page failed, with a way on, instead of the router’s screen', () => {
    // React reports the thrown error on the console; the page is what is under test.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const router = createMemoryRouter([{ path: '/', element: <Broken />, errorElement: <PageError /> }]);
    renderWithI18n(<RouterProvider router={router} />, 'pt-BR');
    expect(screen.getByRole('alert').textContent).toContain('Esta página encontrou um problema');
    expect(screen.getByRole('alert').textContent).toContain('cannot read properties of undefined');
    expect(screen.getByRole('button', { name: 'Recarregar' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Voltar ao início' }).getAttribute('href')).toBe('/');
    quiet.mockRestore();
  });
});

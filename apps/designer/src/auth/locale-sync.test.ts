import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '../i18n/use-locale';
import { syncLocaleWithProfile } from './locale-sync';
import { useSession } from './session';

const base = { roles: ['customer' as const], groups: [], customerId: 'c-1' };
let stop: () => void;
let fetch: ReturnType<typeof vi.fn>;

/** The PATCH /auth/me bodies sent so far. */
const patches = () =>
  fetch.mock.calls
    .filter(([url, init]) => url === '/api/auth/me' && (init as RequestInit).method === 'PATCH')
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)));

beforeEach(() => {
  fetch = vi.fn(async () => new Response('{}', { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  useSession.setState({ token: null, user: null, notice: null });
  useLocale.getState().setLocale('en');
  stop = syncLocaleWithProfile();
});
afterEach(() => {
  stop();
  vi.unstubAllGlobals();
  useSession.setState({ token: null, user: null, notice: null });
  localStorage.clear();
});

describe('the language follows the signed-in profile', () => {
  it("applies the profile's language at sign-in without saving it back", () => {
    useSession.getState().signIn('t1', { ...base, username: 'ana', locale: 'pt-BR' });
    expect(useLocale.getState().locale).toBe('pt-BR');
    expect(document.documentElement.lang).toBe('pt-BR');
    expect(patches()).toEqual([]);
  });

  it('saves the current language to a profile that has none', () => {
    useLocale.getState().setLocale('pt-BR');
    useSession.getState().signIn('t1', { ...base, username: 'bia', locale: null });
    expect(patches()).toEqual([{ locale: 'pt-BR' }]);
    expect(useSession.getState().user?.locale).toBe('pt-BR');
  });

  it('saves a choice made while signed in, once, and sends the language with requests', () => {
    useSession.getState().signIn('t1', { ...base, username: 'cid', locale: 'en' });
    useLocale.getState().setLocale('pt-BR');
    useLocale.getState().setLocale('pt-BR');
    expect(patches()).toEqual([{ locale: 'pt-BR' }]);
    const [, init] = fetch.mock.calls.at(-1)!;
    expect((init as RequestInit).headers).toMatchObject({
      authorization: 'Bearer t1',
      'accept-language': 'pt-BR',
    });
  });

  it('saves nothing while signed out', () => {
    useLocale.getState().setLocale('pt-BR');
    expect(patches()).toEqual([]);
  });
});

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
  localStorage.clear();
  // A fresh browser: English from its languages (jsdom's en-US), nothing chosen yet.
  useLocale.getState().reset();
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

  it('saves a language picked before signing in to the profile, over the one it had', () => {
    useLocale.getState().setLocale('pt-BR');
    useSession.getState().signIn('t1', { ...base, username: 'bia', locale: 'en' });
    expect(patches()).toEqual([{ locale: 'pt-BR' }]);
    expect(useSession.getState().user?.locale).toBe('pt-BR');
    expect(useLocale.getState().locale).toBe('pt-BR');
  });

  it("does not save the browser's languages, a guess, to a profile that has none", () => {
    expect(useLocale.getState().source).toBe('browser');
    useSession.getState().signIn('t1', { ...base, username: 'dan', locale: null });
    expect(patches()).toEqual([]);
    expect(useSession.getState().user?.locale).toBeNull();
  });

  it('saves a choice this browser remembers to a profile that has none', () => {
    localStorage.setItem('caseflow.locale', 'pt-BR');
    useLocale.getState().reset();
    expect(useLocale.getState()).toMatchObject({ locale: 'pt-BR', source: 'stored' });
    useSession.getState().signIn('t1', { ...base, username: 'eva', locale: null });
    expect(patches()).toEqual([{ locale: 'pt-BR' }]);
  });

  it("lets the profile's language win over a choice remembered from an earlier visit", () => {
    localStorage.setItem('caseflow.locale', 'pt-BR');
    useLocale.getState().reset();
    useSession.getState().signIn('t1', { ...base, username: 'fay', locale: 'en' });
    expect(useLocale.getState().locale).toBe('en');
    expect(patches()).toEqual([]);
    // The profile's language is shown, not taken as this browser's choice.
    expect(localStorage.getItem('caseflow.locale')).toBe('pt-BR');
  });

  it("hands the screens back to the browser's language at sign-out, and the next user's profile wins", () => {
    useSession.getState().signIn('t1', { ...base, username: 'gil', locale: 'pt-BR' });
    expect(useLocale.getState().locale).toBe('pt-BR');
    useSession.getState().signOut();
    expect(useLocale.getState()).toMatchObject({ locale: 'en', source: 'browser' });
    useSession.getState().signIn('t2', { ...base, username: 'hal', locale: null });
    expect(useLocale.getState().locale).toBe('en');
    expect(patches()).toEqual([]);
  });

  it("does not carry one user's choice into the next user's profile", () => {
    useSession.getState().signIn('t1', { ...base, username: 'ivo', locale: 'en' });
    useLocale.getState().setLocale('pt-BR');
    useSession.getState().signOut();
    useSession.getState().signIn('t2', { ...base, username: 'jon', locale: 'en' });
    expect(useLocale.getState().locale).toBe('en');
    expect(patches()).toEqual([{ locale: 'pt-BR' }]);
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

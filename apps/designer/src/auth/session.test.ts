import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, hasRole, SESSION_ENDED_NOTICE, useSession } from './session';

const user = { username: 'lena', roles: ['agent' as const], groups: [], customerId: null };

afterEach(() => {
  vi.unstubAllGlobals();
  useSession.setState({ token: null, user: null, notice: null });
  localStorage.clear();
});

describe('session', () => {
  it('signs out at once and ends the session on the server with the token it held', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    useSession.getState().signIn('tok-1', user);
    const done = useSession.getState().signOut();
    expect(useSession.getState().token).toBeNull();
    await done;
    expect(fetch).toHaveBeenCalledWith(
      '/api/auth/logout',
      expect.objectContaining({
        method: 'POST',
        headers: expect.objectContaining({ authorization: 'Bearer tok-1' }),
      }),
    );
    expect(useSession.getState().notice).toBeNull();
    expect(localStorage.getItem('caseflow.session')).toBeNull();
  });

  it('returns to the login page with a message when the server refuses the token', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ error: { code: 'unauthorized', message: 'session ended' } }, { status: 401 }),
      ),
    );
    useSession.getState().signIn('revoked', user);
    await expect(api.listUsers()).rejects.toMatchObject({ status: 401 });
    expect(useSession.getState()).toMatchObject({ token: null, user: null, notice: SESSION_ENDED_NOTICE });
  });
});

describe('hasRole', () => {
  it('follows the runtime role ladder', () => {
    expect(hasRole({ ...user, roles: ['owner'] }, 'agent')).toBe(true);
    expect(hasRole({ ...user, roles: ['agent'] }, 'owner')).toBe(false);
    expect(hasRole({ ...user, roles: ['admin'] }, 'customer')).toBe(false);
    expect(hasRole(null, 'customer')).toBe(false);
  });
});

import type { Role, SessionUser } from '@caseflow/schema';
import { create } from 'zustand';
import { Api } from '../api/api';

const STORAGE_KEY = 'caseflow.session';

interface SessionState {
  token: string | null;
  user: SessionUser | null;
  signIn(token: string, user: SessionUser): void;
  signOut(): void;
}

function load(): { token: string | null; user: SessionUser | null } {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as { token?: string; user?: SessionUser };
      if (parsed.token && parsed.user) return { token: parsed.token, user: parsed.user };
    }
  } catch {
    // A corrupt entry means "signed out", never a crash.
  }
  return { token: null, user: null };
}

/** The signed-in session, kept in localStorage so a reload stays signed in. */
export const useSession = create<SessionState>((set) => ({
  ...load(),
  signIn(token, user) {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ token, user }));
    set({ token, user });
  },
  signOut() {
    globalThis.localStorage?.removeItem(STORAGE_KEY);
    set({ token: null, user: null });
  },
}));

/** The app's one API client: reads the current token, signs out on 401. */
export const api = new Api(
  () => useSession.getState().token,
  () => useSession.getState().signOut(),
);

/** True when the user holds any of `roles`; admins hold every role. */
export function hasRole(user: SessionUser | null, ...roles: Role[]): boolean {
  if (!user) return false;
  if (user.roles.includes('admin')) return true;
  return roles.some((r) => user.roles.includes(r));
}

import { type Role, roleAtLeastAny, type SessionUser } from '@caseflow/schema';
import { create } from 'zustand';
import { Api } from '../api/api';

const STORAGE_KEY = 'caseflow.session';

/**
 * Shown on the login page after the server ended the session (revoked, expired, deactivated):
 * a message id (pages/account.messages.ts), translated where it is shown.
 */
export const SESSION_ENDED_NOTICE = 'session.ended';

interface SessionState {
  token: string | null;
  user: SessionUser | null;
  /** The message id of a note for the login page (why the user is there), or null. */
  notice: string | null;
  signIn(token: string, user: SessionUser): void;
  /** Signs out here at once and ends the session on the server (POST /auth/logout). */
  signOut(): Promise<void>;
  /** The server refused the token (401): forget it and tell the user on the login page. */
  expire(): void;
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
export const useSession = create<SessionState>((set, get) => ({
  ...load(),
  notice: null,
  signIn(token, user) {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ token, user }));
    set({ token, user, notice: null });
  },
  async signOut() {
    const token = get().token;
    globalThis.localStorage?.removeItem(STORAGE_KEY);
    set({ token: null, user: null, notice: null });
    // With the token captured: the app is signed out already, whatever the server answers.
    if (token) await new Api(() => token).logout().catch(() => undefined);
  },
  expire() {
    if (!get().token) return;
    globalThis.localStorage?.removeItem(STORAGE_KEY);
    set({ token: null, user: null, notice: SESSION_ENDED_NOTICE });
  },
}));

/** The app's one API client: reads the current token; a 401 ends the session here too. */
export const api = new Api(
  () => useSession.getState().token,
  () => useSession.getState().expire(),
);

/**
 * True when the user may act as any of `roles`, by the role ladder of @caseflow/schema (the
 * runtime's): admin > owner > agent; `customer` only by holding it.
 */
export function hasRole(user: SessionUser | null, ...roles: Role[]): boolean {
  return user !== null && roleAtLeastAny(user.roles, roles);
}

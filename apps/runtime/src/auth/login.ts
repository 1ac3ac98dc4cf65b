import type { SessionUser } from '@caseflow/schema';
import { KeyedMutex } from '../concurrency/keyed-mutex';
import { AppError } from '../http/errors';
import { onlineAtDemoSignIn } from '../seed/demo-presence';
import type { Store } from '../store/store';
import { retryTransient } from '../store/transient-conflict';
import type { LoginAttempt, LoginThrottle } from './login-throttle';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password';
import type { SessionLimits } from './session-policy';
import { openSession, type SessionContext } from './sessions';

/** What signIn needs besides the attempt. */
export interface SignInDeps {
  store: Store;
  secret: string;
  limits: SessionLimits;
  throttle: LoginThrottle;
  /** Wall clock (sessions do not follow a manual runtime clock). */
  now: () => number;
  /**
   * Demo mode (config.demoPresence): an agent who signs in is set online, in the sign-in's
   * transaction, at the runtime's time `presenceNow()` (presence is measured on the runtime
   * clock); `cameOnline` then offers their groups' waiting work. Absent outside demo mode.
   */
  demoPresence?: {
    presenceNow: () => number;
    cameOnline: (groups: readonly string[]) => Promise<unknown>;
  };
}

/** 429 with the seconds to wait in `details.retryAfter` (the route sets Retry-After). */
export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('too-many-attempts', 429, 'too many failed sign-ins; try again later', {
      retryAfter: retryAfterSeconds,
    });
  }
}

/** Sessions expired this long ago are deleted (at most once an hour, on a sign-in). */
const PURGE_AFTER_MS = 30 * 86_400_000;

/**
 * The sign-in command: throttle (auth/login-throttle.ts), then the password, then a session.
 * Unknown usernames cost one scrypt like known ones and give the same 401, so neither the
 * answer nor its timing tells which usernames exist. A deactivated user with the right
 * password is told so (only someone holding the password learns it). In demo mode the session
 * and the agent's coming online are one transaction. Throws TooManyAttempts (429) or AppError 401.
 */
export function createSignIn(deps: SignInDeps) {
  let lastPurge = 0;
  const checking = new KeyedMutex();

  /** Throttle, then the password: the account when it may sign in; throws 429 or 401. */
  async function checkPassword(attempt: LoginAttempt, password: string) {
    const waitMs = await deps.throttle.begin(attempt, deps.now(), () =>
      deps.store.sessions.knownSource(attempt.username, attempt.source),
    );
    if (waitMs > 0) throw new TooManyAttempts(Math.ceil(waitMs / 1000));
    // The attempt is in flight until settled: exactly one of failed/succeeded/release.
    let found: Awaited<ReturnType<Store['users']['getCredentials']>>;
    let ok: boolean;
    try {
      found = await deps.store.users.getCredentials(attempt.username);
      ok = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    } catch (error) {
      deps.throttle.release(attempt);
      throw error;
    }
    if (!found || !ok) {
      deps.throttle.failed(attempt, deps.now());
      throw new AppError('invalid-credentials', 401, 'wrong username or password');
    }
    if (!found.user.active) {
      deps.throttle.release(attempt);
      throw new AppError('account-inactive', 401, 'this account is deactivated');
    }
    deps.throttle.succeeded(attempt);
    return found;
  }

  return async function signIn(
    input: { username: string; password: string },
    context: SessionContext,
  ): Promise<{ token: string; user: SessionUser }> {
    const attempt = { source: context.source, username: input.username };
    // Attempts at one username are checked one after the other: a parallel burst of guesses
    // then meets the throttle as a sequence (a few failures, then 429s), while the real user's
    // parallel sign-ins all succeed, each after the previous one's password check.
    const found = await checking.run(input.username, () => checkPassword(attempt, input.password));
    const now = deps.now();
    const { demoPresence } = deps;
    // Demo presence locks the agent's profile, which routing beside the sign-in may hold.
    const { token, onlineGroups } = await retryTransient(() =>
      deps.store.transaction(async (tx) => {
        const opened = await openSession(tx, deps.secret, deps.limits, found.user.username, context, now);
        const onlineGroups = demoPresence
          ? await onlineAtDemoSignIn(tx, found.user.username, demoPresence.presenceNow())
          : null;
        return { token: opened.token, onlineGroups };
      }),
    );
    // Offered once committed: routing reads the agent online from the store.
    if (demoPresence && onlineGroups) await demoPresence.cameOnline(onlineGroups);
    if (now - lastPurge > 3_600_000) {
      lastPurge = now;
      await deps.store.sessions.purge(now - PURGE_AFTER_MS);
    }
    const { user } = found;
    return {
      token,
      user: {
        username: user.username,
        roles: user.roles,
        groups: user.groups,
        customerId: user.customerId,
        locale: user.locale ?? null,
      },
    };
  };
}

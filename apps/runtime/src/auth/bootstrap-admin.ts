import { type Store, StoreConflict } from '../store/store';
import { generatePassword, hashPassword } from './password';

/**
 * On first start with no users at all, creates `admin` with CASEFLOW_ADMIN_PASSWORD or a
 * generated password, which is handed to `print` exactly once (main prints it to stdout; it
 * never goes to the log). Answers whether it created the user. Idempotent afterwards, also
 * when several processes run it at once: the one whose insert loses answers false.
 */
export async function ensureAdmin(
  store: Store,
  options: { password: string | undefined; now: number; print: (line: string) => void },
): Promise<boolean> {
  if ((await store.users.count()) > 0) return false;
  const password = options.password ?? generatePassword();
  try {
    await store.users.create({
      username: 'admin',
      passwordHash: await hashPassword(password),
      displayName: 'Administrator',
      roles: ['admin'],
      groups: [],
      tiers: [],
      customerId: null,
      createdAt: options.now,
    });
  } catch (error) {
    // Several processes starting together on an empty database (PostgreSQL): another one
    // created admin between our count and our insert. Its password stands; nothing to print.
    if (error instanceof StoreConflict) return false;
    throw error;
  }
  if (options.password === undefined) {
    options.print(`caseflow: created user "admin" with generated password: ${password}`);
  } else {
    options.print('caseflow: created user "admin" with the password from CASEFLOW_ADMIN_PASSWORD');
  }
  return true;
}

import type { Store, UserRow } from '../store/store';
import { forbidden } from './errors';
import type { Actor } from './types';

/**
 * The person behind `actor`, read inside the command's transaction so that a user deactivated a
 * moment ago cannot act: 403 when nobody of that name exists or the account is deactivated.
 */
export async function actingUser(tx: Store, actor: Actor): Promise<UserRow> {
  return activeUser(await tx.users.get(actor), actor);
}

/** The check of actingUser on a row the command read itself (with its case, in one statement). */
export function activeUser(user: UserRow | null, actor: Actor): UserRow {
  if (!user) throw forbidden(`${actor} is not a user of this installation`);
  if (!user.active) throw forbidden(`the account ${actor} is deactivated`);
  return user;
}

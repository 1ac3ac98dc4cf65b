import type { Store } from '../store/store';

/**
 * The display names of the given usernames (the name when set, else the username), for answers
 * people read: "Ivan replied", not "ivan". Unknown names (system, customer:…) are left out.
 */
export async function displayNames(
  store: Store,
  usernames: Iterable<string | null>,
): Promise<Map<string, string>> {
  const wanted = [
    ...new Set([...usernames].filter((u): u is string => !!u && !u.includes(':') && u !== 'system')),
  ];
  const users = await Promise.all(wanted.map((u) => store.users.get(u)));
  const out = new Map<string, string>();
  for (const u of users) if (u) out.set(u.username, u.displayName || u.username);
  return out;
}

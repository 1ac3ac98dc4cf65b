import type { FlowChoices } from '@caseflow/schema';

/** How a person reads: their display name, and the username beside it when there is one. */
export interface StaffName {
  name: string;
  /** The username, shown as secondary text; null when the name is the username itself. */
  username: string | null;
}

/**
 * A staff member by the display name the installation lists (GET /api/flow-choices); a
 * username it does not list (a deactivated account, or the list not loaded) reads as itself. Pure.
 */
export function staffName(users: FlowChoices['users'] | undefined, username: string): StaffName {
  const displayName = users?.find((u) => u.username === username)?.displayName;
  return displayName ? { name: displayName, username } : { name: username, username: null };
}

/** A person in running text: "Lena Lopes (lena)" through `t`'s `pickers.user.option`, or the username alone. Pure. */
export function staffText(
  users: FlowChoices['users'] | undefined,
  username: string,
  t: (id: string, values: Record<string, string>) => string,
): string {
  const person = staffName(users, username);
  return person.username ? t('pickers.user.option', { name: person.name, username }) : person.name;
}

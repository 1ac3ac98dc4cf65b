/** The runtime's password policy (schema `Password`), checked before a request is sent. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/**
 * What is wrong with a new password and its repetition, or null. Pure. The runtime checks the
 * same rules (and more, e.g. not the username); this only saves a round trip.
 */
export function passwordProblem(next: string, repeat: string): string | null {
  if (next.length < PASSWORD_MIN) return `The new password needs at least ${PASSWORD_MIN} characters.`;
  if (next.length > PASSWORD_MAX) return `The new password may have at most ${PASSWORD_MAX} characters.`;
  if (next.trim() === '') return 'The new password must not be blank.';
  if (next !== repeat) return 'The two new passwords differ.';
  return null;
}

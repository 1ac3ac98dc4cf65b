/** The runtime's password policy (schema `Password`), checked before a request is sent. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** What is wrong with a new password, as a message id and its values (account.messages.ts). */
export interface PasswordProblem {
  id: 'password.tooShort' | 'password.tooLong' | 'password.blank' | 'password.mismatch';
  values: { min: number; max: number };
}

/**
 * What is wrong with a new password and its repetition, or null, for a translated screen. Pure.
 * The runtime checks the same rules (and more, e.g. not the username); this only saves a round trip.
 */
export function passwordProblemOf(next: string, repeat: string): PasswordProblem | null {
  const values = { min: PASSWORD_MIN, max: PASSWORD_MAX };
  if (next.length < PASSWORD_MIN) return { id: 'password.tooShort', values };
  if (next.length > PASSWORD_MAX) return { id: 'password.tooLong', values };
  if (next.trim() === '') return { id: 'password.blank', values };
  if (next !== repeat) return { id: 'password.mismatch', values };
  return null;
}

/** The same problem in English, or null. Pure. */
export function passwordProblem(next: string, repeat: string): string | null {
  const problem = passwordProblemOf(next, repeat);
  if (!problem) return null;
  const english: Record<PasswordProblem['id'], string> = {
    'password.tooShort': `The new password needs at least ${PASSWORD_MIN} characters.`,
    'password.tooLong': `The new password may have at most ${PASSWORD_MAX} characters.`,
    'password.blank': 'The new password must not be blank.',
    'password.mismatch': 'The two new passwords differ.',
  };
  return english[problem.id];
}

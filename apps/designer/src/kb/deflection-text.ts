/**
 * What a request form says about the problem, as one search text: its string values (subject,
 * description, "what happened?") in form order. Numbers, flags and short codes (a card's last
 * four digits) say nothing an article could answer. Pure.
 */
export function deflectionText(values: Record<string, unknown>): string {
  return Object.values(values)
    .filter((v): v is string => typeof v === 'string' && /\p{L}{3,}/u.test(v))
    .join(' ')
    .slice(0, 400);
}

/** A fresh id for one filling-in of a form (ties "this solved my problem" to it). */
export function newDraftId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return `d-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

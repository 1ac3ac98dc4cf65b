import type { MessageRow } from '../../store/store';

/** References kept on an outgoing mail: the thread's first id and its newest ones. */
const MAX_REFERENCES = 20;

/** The threading headers of the next mail of a case. */
export interface MailThread {
  /** The Message-ID this mail answers: the customer's newest mail, else our newest. */
  inReplyTo: string | null;
  /** The thread's Message-IDs, oldest first (RFC 5322 §3.6.4), bounded. */
  references: string[];
}

/**
 * The case's mail thread as In-Reply-To / References for its next outgoing mail, from the
 * e-mail messages stored on the case (the customer's Message-IDs and ours, both kept as the
 * messages' externalId). Pure; `messages` in any order.
 */
export function mailThread(messages: readonly MessageRow[]): MailThread {
  const mails = messages
    .filter((m) => m.channel === 'email' && m.externalId && m.visibility === 'public')
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const ids = [...new Set(mails.map((m) => normalise(m.externalId!)))];
  const references =
    ids.length <= MAX_REFERENCES ? ids : [ids[0]!, ...ids.slice(ids.length - (MAX_REFERENCES - 1))];
  const lastIn = mails.filter((m) => m.direction === 'in').at(-1);
  const inReplyTo = lastIn ? normalise(lastIn.externalId!) : (ids.at(-1) ?? null);
  return { inReplyTo, references };
}

/** A Message-ID in angle brackets, as headers carry it. */
function normalise(id: string): string {
  const bare = id.trim().replace(/^<|>$/g, '');
  return `<${bare}>`;
}

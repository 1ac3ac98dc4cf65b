/*
 * Live chat's part of the Store (Store['chat']): per case and person, until when they are
 * typing and up to when they have read. One row per person and case, overwritten: bounded
 * whatever a client sends.
 */

export type ChatParty = 'customer' | 'agent';

export interface ChatStateRow {
  caseId: string;
  username: string;
  party: ChatParty;
  /** Typing until this instant (ms); a past instant means not typing. */
  typingUntil: number;
  /** Read every message up to this instant (ms), or 0. */
  readAt: number;
  /** When the customer ended the chat (answers go by e-mail until they write again), or 0. */
  leftAt: number;
  updatedAt: number;
}

export interface ChatStore {
  get(caseId: string, username: string): Promise<ChatStateRow | null>;
  /** Inserts or replaces the row of (caseId, username). */
  put(row: ChatStateRow): Promise<void>;
  /** Every row of a case, by username. */
  states(caseId: string): Promise<ChatStateRow[]>;
}

/*
 * Anonymous visitors' live chats (Store['chatVisitors']): a visitor who is not signed in holds
 * a capability for one conversation only — a random token, stored here as its SHA-256 hash,
 * that names one case and expires. Nothing else about the customer the case belongs to is
 * reachable through it.
 */

export interface ChatVisitorRow {
  /** Public id (`v-…`): names the visitor in chat states (`visitor:<id>`) and to staff. */
  id: string;
  /** SHA-256 (hex) of the token the visitor's cookie carries; the token itself is never stored. */
  tokenHash: string;
  /** The one case the token reads and writes. */
  caseId: string;
  /** The customer the case was opened for (resolved from the e-mail, or a new contact). */
  customerId: string;
  /** As the visitor typed them: unverified. */
  name: string;
  email: string;
  createdAt: number;
  /** After this instant (ms) the token answers 401. */
  expiresAt: number;
}

export interface ChatVisitorStore {
  /** Throws StoreConflict on a taken id or token hash. */
  insert(row: ChatVisitorRow): Promise<void>;
  /** The visitor whose token hashes to `tokenHash`, expired or not, or null. */
  byTokenHash(tokenHash: string): Promise<ChatVisitorRow | null>;
  /** One visitor by id, or null. */
  get(id: string): Promise<ChatVisitorRow | null>;
  /** The visitor who opened the case, or null (a case opened any other way). */
  byCase(caseId: string): Promise<ChatVisitorRow | null>;
  /** Of `caseIds`, those a visitor opened. */
  visitorCases(caseIds: readonly string[]): Promise<string[]>;
}

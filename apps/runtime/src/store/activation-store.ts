/*
 * Requests to activate a flow version (Store['activations']): an owner asks, an admin activates
 * or rejects. The row is the audit of both steps: who, when and with which note.
 */

export type ActivationStatus = 'pending' | 'activated' | 'rejected';

export interface ActivationRequestRow {
  id: string;
  flow: string;
  version: number;
  status: ActivationStatus;
  note: string;
  requestedBy: string;
  requestedAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  decisionNote: string | null;
}

/** How a pending request was settled. */
export interface ActivationDecision {
  status: 'activated' | 'rejected';
  decidedBy: string;
  decidedAt: number;
  decisionNote: string;
}

export interface ActivationStore {
  /** Inserts a pending request; throws StoreConflict when one is pending for the same flow and version. */
  create(row: ActivationRequestRow): Promise<ActivationRequestRow>;
  get(id: string): Promise<ActivationRequestRow | null>;
  /** The flow's requests, newest first, at most `limit`. */
  list(flow: string, limit: number): Promise<ActivationRequestRow[]>;
  /** Pending requests of every flow, oldest first (the admins' work), at most `limit`. */
  pending(limit: number): Promise<ActivationRequestRow[]>;
  /**
   * Settles the pending requests of `flow` for `version` (activate) or the one of `id` (reject);
   * answers the rows it settled. A settled request never changes again.
   */
  decide(
    where: { id: string } | { flow: string; version: number },
    decision: ActivationDecision,
  ): Promise<ActivationRequestRow[]>;
}

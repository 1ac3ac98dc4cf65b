import type { MergedIdentity } from '@caseflow/schema';
import type { CustomerRow } from './store';

export type { MergedIdentity };

/*
 * Contact merges (Store['customerMerges']): one person who wrote by WhatsApp and by e-mail is
 * two contacts until staff merge the one into the other (executor/customer-merge.ts). The
 * merged contact stays as a tombstone (`customers.mergedInto`) so that its id and addresses
 * still resolve; this store moves what named it and keeps the record of each merge.
 */

/** One merge: `sourceId` was merged into `targetId` by `actor` at `at`. */
export interface CustomerMergeRow {
  sourceId: string;
  targetId: string;
  actor: string;
  at: number;
  identities: MergedIdentity[];
  /** How many cases (subflow children included) moved to the target. */
  cases: number;
}

export interface CustomerMergeStore {
  /**
   * Moves to `targetId` every row naming `sourceId` as its customer — cases (their pilot,
   * cohort and version stay as they are), messages, surveys, anonymous chat visitors, article
   * reads and votes, portal users — re-points tombstones merged into the source, marks the
   * source merged into the target at `at`, and records `merge`. Answers the number of cases
   * moved. Call inside a transaction, after `lock`; the caller checks both customers exist,
   * are live and differ.
   */
  apply(merge: Omit<CustomerMergeRow, 'cases'>): Promise<CustomerMergeRow>;
  /**
   * Holds the customers' rows until the transaction ends (PostgreSQL: FOR UPDATE, in id
   * order so two merges of the same pair cannot deadlock; SQLite transactions are serialised
   * already) and answers them; unknown ids are left out.
   */
  lock(ids: readonly string[]): Promise<CustomerRow[]>;
  /** The merges into or out of `customerId`, newest first, at most `limit`. */
  listFor(customerId: string, limit: number): Promise<CustomerMergeRow[]>;
}

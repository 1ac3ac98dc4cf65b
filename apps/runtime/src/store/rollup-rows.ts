/*
 * The rows of Store.rollups: aggregates the analytics keep up to date so that GET /api/metrics,
 * heat maps and pilot reports read a few rows per day instead of scanning cases and timelines.
 * The store keeps them as text (JSON the analytics module writes and reads); what they mean is
 * the analytics module's (analytics/rollup-*.ts).
 */

/** Where a rollup row lives: its space, flow, bucket (a day, or a flow version) and key values. */
export interface RollupKey {
  space: string;
  flow: string;
  bucket: number;
  /** The key values as a JSON array. */
  dims: string;
}

/** A rollup row: its summed value (`tally`, JSON) and, for some spaces, the detail it sums. */
export interface RollupRow extends RollupKey {
  tally: string;
  detail: string | null;
}

/** Rows of one space, optionally of one flow, a bucket range and given keys. */
export interface RollupQuery {
  space: string;
  flow?: string;
  fromBucket?: number;
  toBucket?: number;
  /** Only rows whose dims is one of these. */
  dims?: string[];
  /** Read `detail` too (otherwise null). */
  detail?: boolean;
}

/** A case waiting to be folded, with the mark its last change left. */
export interface RollupMark {
  caseId: string;
  mark: number;
}

/** Store.rollups: the aggregate rows, each case's folded entries, the cases to fold. */
export interface RollupRepo {
  /**
   * Marks cases whose facts may have changed; the event transaction calls it for the cases it
   * touched, so the fold picks them up (each mark bumps a counter: a fold that read a case
   * before a later change does not clear that change's mark).
   */
  touch(caseIds: string[]): Promise<void>;
  /** Marks every case (rebuilding the rollups). */
  touchAll(): Promise<void>;
  /** Up to `limit` marked cases. */
  dirty(limit: number): Promise<RollupMark[]>;
  /** Clears the marks that are still exactly these (a mark another transaction holds stays). */
  clean(marks: RollupMark[]): Promise<void>;
  /** Serialises folds: held until the transaction ends (PostgreSQL advisory lock; SQLite: a no-op). */
  lock(): Promise<void>;
  /** The stored entries (JSON) of each case that has some. */
  entries(caseIds: string[]): Promise<Map<string, string>>;
  /** Stores each case's entries (null: the case has none any more). */
  putEntries(rows: Array<{ caseId: string; entries: string | null }>): Promise<void>;
  /** The rows with these keys (those that exist). */
  rows(keys: RollupKey[]): Promise<RollupRow[]>;
  /** Writes rows (insert or replace) and deletes the keys in `gone`. */
  write(rows: RollupRow[], gone: RollupKey[]): Promise<void>;
  query(q: RollupQuery): Promise<RollupRow[]>;
  /** A setting of the rollups (what they were built with). */
  meta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /** Drops every row, entry and mark. */
  clear(): Promise<void>;
}

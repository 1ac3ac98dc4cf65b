/**
 * Bytes of files one user may upload per hour, as a token bucket: the full hour's allowance to
 * start with, refilled evenly. Each upload is stored (in the database) for good, so without it
 * one account could fill the disk at the speed of its connection. In-process and bounded, like
 * the login throttle: several processes each keep their own.
 */
export class UploadBudget {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly bytesPerHour: number,
    private readonly maxUsers = 10_000,
  ) {}

  /**
   * Takes `bytes` from `user`'s allowance at `now`: 0 when taken, else the seconds until that
   * much is back (nothing is taken then).
   */
  take(user: string, bytes: number, now: number): number {
    if (bytes <= 0) return 0;
    const rate = this.bytesPerHour / 3_600_000;
    const bucket = this.#buckets.get(user);
    const tokens = bucket
      ? Math.min(this.bytesPerHour, bucket.tokens + (now - bucket.at) * rate)
      : this.bytesPerHour;
    if (bytes > tokens) return Math.max(1, Math.ceil((bytes - tokens) / rate / 1000));
    this.#buckets.delete(user);
    this.#buckets.set(user, { tokens: tokens - bytes, at: now });
    // Oldest first in a Map: a user unseen the longest goes when the bound is reached.
    if (this.#buckets.size > this.maxUsers) this.#buckets.delete(this.#buckets.keys().next().value!);
    return 0;
  }

  /** Gives `bytes` back to `user` (the upload they were taken for was not stored). */
  refund(user: string, bytes: number): void {
    const bucket = this.#buckets.get(user);
    if (bucket) bucket.tokens = Math.min(this.bytesPerHour, bucket.tokens + bytes);
  }
}

import type { Answer, ClusterNode } from './cluster';

/** How a request ended: an HTTP status, or `unknown` when the connection broke mid-request. */
export type Outcome = number | 'unknown';

/** One event the client sent (task completion, signal or message), identified by a nonce. */
export interface Attempt {
  kind: 'complete' | 'signal' | 'message';
  caseId: string;
  nonce: string;
  node: number;
  outcome: Outcome;
  /** For 2xx messages: the message id the runtime answered. */
  messageId?: string;
  /** Completion values sent (values are not on the timeline; the replay needs them). */
  values?: Record<string, unknown>;
  /** The error answer of a refused event (for failure messages). */
  error?: unknown;
}

/** A connection that was refused never reached the process: the request may go elsewhere. */
function refused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === 'ECONNREFUSED';
}

/**
 * Spreads requests over the cluster's processes with at most `concurrency` in flight. A
 * refused connection (the process is down) moves on to the next process; a connection broken
 * after the request was sent gives `unknown` (it may or may not have committed), never a retry.
 */
export class LoadDriver {
  #inFlight = 0;
  readonly #waiting: Array<() => void> = [];
  #next = 0;
  readonly attempts: Attempt[] = [];
  /** Requests that found their process down and went to another one. */
  rerouted = 0;
  /** Requests whose connection broke after they were sent (outcome unknown). */
  broken = 0;
  readonly #pending = new Map<number, number>();

  /** Requests sent to process `node` and not answered yet. */
  inFlightOn(node: number): number {
    return this.#pending.get(node) ?? 0;
  }

  constructor(
    readonly nodes: readonly ClusterNode[],
    readonly token: string,
    readonly concurrency: number,
  ) {}

  async #slot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#inFlight >= this.concurrency) await new Promise<void>((r) => this.#waiting.push(r));
    this.#inFlight++;
    try {
      return await fn();
    } finally {
      this.#inFlight--;
      this.#waiting.shift()?.();
    }
  }

  /** Round-robin over the processes; answers the process index used and the outcome. */
  async call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ node: number; answer: Answer | null }> {
    return this.#slot(async () => {
      for (let tries = 0; ; tries++) {
        const node = this.#next++ % this.nodes.length;
        this.#pending.set(node, this.inFlightOn(node) + 1);
        try {
          const answer = await this.nodes[node]!.api(method, path, { token: this.token, body, headers });
          return { node, answer };
        } catch (error) {
          if (refused(error) && tries < 20) {
            this.rerouted++;
            continue;
          }
          this.broken++;
          return { node, answer: null };
        } finally {
          this.#pending.set(node, this.inFlightOn(node) - 1);
        }
      }
    });
  }

  /** Sends one recorded event; answers its outcome and the answer body (null when unknown). */
  async event(
    attempt: Omit<Attempt, 'node' | 'outcome'>,
    method: string,
    path: string,
    body: unknown,
    // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely
  ): Promise<{ outcome: Outcome; body: any }> {
    const { node, answer } = await this.call(method, path, body);
    const outcome: Outcome = answer ? answer.status : 'unknown';
    const record: Attempt = { ...attempt, node, outcome };
    if (attempt.kind === 'message' && answer && answer.status < 300) record.messageId = answer.body?.id;
    if (answer && answer.status >= 300) record.error = answer.body;
    this.attempts.push(record);
    return { outcome, body: answer?.body ?? null };
  }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A small deterministic PRNG (mulberry32), so a failing run can be repeated with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

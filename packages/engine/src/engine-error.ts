import type { Problem } from '@caseflow/schema';

export type EngineErrorCode =
  | 'event-not-allowed'
  | 'unknown-task'
  | 'invalid-outcome'
  | 'case-closed'
  | 'invalid-flow';

/**
 * An event the case cannot take in its current state, or a flow that cannot be compiled.
 * `allowed` lists what the case accepts now (e.g. `signal:customer-replied`,
 * `task.complete:c-1.t3`) so the runtime can answer 409 with it; `problems` carries the
 * flow's problems for `invalid-flow`.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly allowed: string[];
  readonly problems: Problem[];

  constructor(code: EngineErrorCode, message: string, allowed: string[] = [], problems: Problem[] = []) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.allowed = allowed;
    this.problems = problems;
  }
}

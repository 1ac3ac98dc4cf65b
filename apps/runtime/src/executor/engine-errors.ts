import { EngineError } from '@caseflow/engine';
import { RuntimeError } from './errors';

/**
 * Maps an engine refusal to the API's error: event not allowed and a closed case are 409 with
 * `details.allowed` (the events the case accepts now), an unknown task 404, an invalid outcome
 * 400 with the allowed outcomes, an invalid flow 422. Anything else is returned unchanged.
 */
export function fromEngineError(error: unknown): unknown {
  if (!isEngineError(error)) return error;
  const details = { allowed: error.allowed };
  switch (error.code) {
    case 'event-not-allowed':
      return new RuntimeError('event-not-allowed', error.message, 409, details);
    case 'case-closed':
      return new RuntimeError('conflict', error.message, 409, details);
    case 'unknown-task':
      return new RuntimeError('not-found', error.message, 404, details);
    case 'invalid-outcome':
      return new RuntimeError('validation', error.message, 400, details);
    case 'invalid-flow':
      return new RuntimeError('flow-invalid', error.message, 422, details);
    default:
      return error;
  }
}

/** True for the engine's own refusals (as opposed to bugs and I/O failures). */
export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}

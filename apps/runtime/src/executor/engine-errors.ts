import { EngineError } from '@caseflow/engine';
import { AppError } from './errors';

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
      return new AppError('event-not-allowed', 409, error.message, details);
    case 'case-closed':
      return new AppError('conflict', 409, error.message, details);
    case 'unknown-task':
      return new AppError('not-found', 404, error.message, details);
    case 'invalid-outcome':
      return new AppError('validation', 400, error.message, details);
    case 'invalid-flow':
      return new AppError('flow-invalid', 422, error.message, details);
    default:
      return error;
  }
}

/** True for the engine's own refusals (as opposed to bugs and I/O failures). */
export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
